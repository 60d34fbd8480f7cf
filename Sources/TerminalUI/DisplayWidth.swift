/// How many terminal cells text occupies, by the rules of the C library's `wcwidth`, which ncurses
/// uses to place characters and most terminals (xterm, tmux, VTE) use to draw them: East Asian
/// wide characters and emoji take two cells, combining marks none. Computed in Swift so layout
/// does not depend on the process locale; a test checks every scalar against `wcwidth`.
///
/// A grapheme cluster that terminals disagree on is drawn in a form they agree on: an emoji
/// ZWJ sequence as its emoji side by side, without the joiners; a skin-tone modifier and VS16
/// after a text-style symbol are left out. A flag is its two regional indicators, one cell each.
/// A terminal that joins such clusters would otherwise draw them narrower than ncurses counts,
/// and every cell after them on the row would be one or more columns off.
public enum DisplayWidth {
    public static func of(_ text: String) -> Int {
        // Printable ASCII, most text on a board, is one cell a byte: no grapheme breaking.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text.utf8.count }
        var total = 0
        for c in text { total += of(c) }
        return total
    }

    public static func of(_ c: Character) -> Int {
        if let a = c.asciiValue { return a >= 0x20 && a != 0x7F ? 1 : 0 }
        let scalars = c.unicodeScalars
        if scalars.count == 1, let only = scalars.first { return of(only) }
        return cells(of: c).reduce(0) { $0 + $1.width }
    }

    /// The terminal cells one grapheme cluster is drawn in: each holds a scalar that advances
    /// the cursor and the zero-width scalars that follow it.
    public static func cells(of c: Character) -> [(text: String, width: Int)] {
        var out: [(text: String, width: Int)] = []
        for s in c.unicodeScalars {
            let v = s.value
            if v == 0x200D || (0x1F3FB...0x1F3FF).contains(v) && !out.isEmpty { continue }
            if v == 0xFE0F, let last = out.last, last.width == 1 { continue }
            let w = of(s)
            if w > 0 {
                out.append((String(s), w))
            } else if !out.isEmpty {
                out[out.count - 1].text.unicodeScalars.append(s)
            }
        }
        return out
    }

    public static func of(_ s: Unicode.Scalar) -> Int {
        let v = s.value
        if v < 0x20 || (0x7F..<0xA0).contains(v) { return 0 }
        if v < 0x300 { return 1 }
        if prependedMarks.contains(v) { return 1 }
        switch s.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if (0xFE00...0xFE0F).contains(v) || (0xE0100...0xE01EF).contains(v) || (0x1160...0x11FF).contains(v)
            || (0xD7B0...0xD7FF).contains(v) || v == 0x1171E { return 0 }
        if (0x1F1E6...0x1F1FF).contains(v) { return 1 }
        return isWide(v) || s.properties.isEmojiPresentation ? 2 : 1
    }

    private static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x2E80...0x303E, 0x3041...0x33FF,
        0x3400...0x4DFF, 0x4E00...0x9FFF, 0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3,
        0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
        0x16FE0...0x16FF1, 0x17000...0x18D08, 0x1AFF0...0x1AFFE, 0x1B000...0x1B2FF, 0x1F200...0x1F2FF,
        0x20000...0x2FFFD, 0x30000...0x3FFFD,
    ]

    /// Format characters that are drawn (Arabic number signs and the like), one cell each.
    private static let prependedMarks: Set<UInt32> = [0x600, 0x601, 0x602, 0x603, 0x604, 0x605, 0x6DD, 0x70F, 0x890, 0x891, 0x8E2, 0x110BD, 0x110CD]

    private static func isWide(_ v: UInt32) -> Bool {
        guard v >= 0x1100 else { return false }
        var lo = 0, hi = wideRanges.count - 1
        while lo <= hi {
            let mid = (lo + hi) / 2
            let r = wideRanges[mid]
            if v < r.lowerBound { hi = mid - 1 } else if v > r.upperBound { lo = mid + 1 } else { return true }
        }
        return false
    }

    /// Cuts `text` to at most `width` cells, ending with `…` when cut; never splits a character.
    public static func truncate(_ text: String, to width: Int, ellipsis: String = "…") -> String {
        guard width > 0 else { return "" }
        if of(text) <= width { return text }
        let room = width - of(ellipsis)
        var used = 0
        var out = ""
        for c in text {
            let w = of(c)
            if used + w > room { break }
            out.append(c)
            used += w
        }
        return room >= 0 ? out + ellipsis : ""
    }

    /// Pads `text` with spaces to exactly `width` cells (truncating first if needed).
    public static func pad(_ text: String, to width: Int) -> String {
        let t = truncate(text, to: width)
        return t + String(repeating: " ", count: max(0, width - of(t)))
    }
}
