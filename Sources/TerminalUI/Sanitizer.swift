/// Makes user-supplied text safe to measure and draw: control characters and escape sequences
/// become harmless visible symbols, so a card titled with an OSC 52 or clear-screen sequence
/// can neither drive the terminal nor break a row.
public enum Sanitizer {
    public static func clean(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsCleaning) else { return text }
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            switch s.value {
            case 0x09, 0x0A, 0x0D: out.append(" ")
            case 0x1B: out.append("␛")
            case 0x00..<0x20: out.append(Unicode.Scalar(0x2400 + s.value) ?? "?")
            case 0x7F: out.append("␡")
            case 0x80..<0xA0, 0x202A...0x202E, 0x2066...0x2069: out.append("�")
            default: out.append(s)
            }
        }
        return String(out)
    }

    /// For printed output (stdout, stderr): like `clean`, but newlines and tabs keep their meaning.
    public static func cleanKeepingLayout(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { needsCleaning($0) && $0 != "\n" && $0 != "\t" }) else { return text }
        return text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { line in line.split(separator: "\t", omittingEmptySubsequences: false).map { clean(String($0)) }.joined(separator: "\t") }
            .joined(separator: "\n")
    }

    private static func needsCleaning(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return v < 0x20 || (0x7F..<0xA0).contains(v) || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
    }
}
