import TerminalUI

/// User text inside Markdown: control characters cleaned (it may be read in a terminal) and the
/// characters Markdown would act on escaped, so a title shows as typed.
enum Markdown {
    static func escape(_ text: String) -> String {
        var out = ""
        for c in Sanitizer.clean(text) {
            if "\\`*_[]<>|#".contains(c) { out.append("\\") }
            out.append(c)
        }
        return out
    }
}
