/// Input repeated back in a message is cut short: an error must fit on a line even when what
/// was typed (or piped in) is 128 KB with newlines.
public enum Quote {
    public static let limit = 60

    /// `text` on one line, at most `limit` characters, with "…" where it was cut.
    public static func cut(_ text: String, limit: Int = Quote.limit) -> String {
        let line = String(text.map { $0 == "\n" || $0 == "\r\n" || $0 == "\r" ? " " : $0 })
        guard line.count > limit else { return line }
        return String(line.prefix(limit)) + "…"
    }

    /// The message with every "double-quoted" or 'single-quoted' span cut as `cut` does.
    public static func cutQuoted(_ message: String) -> String {
        var out = ""
        var span = ""
        var quote: Character?
        for ch in message {
            if let q = quote {
                if ch == q {
                    out += cut(span) + String(ch)
                    span = ""
                    quote = nil
                } else {
                    span.append(ch)
                }
            } else if ch == "\"" || (ch == "'" && (out.last.map { !$0.isLetter } ?? true)) {
                quote = ch
                out.append(ch)
            } else {
                out.append(ch)
            }
        }
        return out + (quote == nil ? span : cut(span))
    }
}
