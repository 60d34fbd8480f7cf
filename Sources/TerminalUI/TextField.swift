/// A one-line text editor for prompts and form fields: insert at the cursor, move by character
/// and word, delete back and forward, home and end, and scroll horizontally when the text is
/// wider than its field.
public struct TextField: Sendable, Equatable {
    public private(set) var text: [Character]
    public private(set) var cursor: Int
    /// The whole text is selected, as when a prompt reopens with its previous answer: typing or
    /// deleting replaces it, moving the cursor keeps it.
    public private(set) var selected: Bool

    public init(_ text: String = "", selected: Bool = false) {
        self.text = Array(text)
        cursor = self.text.count
        self.selected = selected && !text.isEmpty
    }

    public var value: String { String(text) }

    public mutating func set(_ value: String) {
        text = Array(value)
        cursor = text.count
    }

    /// Applies an editing key; returns false when the key is not an editing key.
    public mutating func handle(_ key: Key) -> Bool {
        if selected {
            selected = false
            switch key {
            case .char, .backspace, .ctrl("h"), .delete, .ctrl("d"), .ctrl("u"), .ctrl("w"), .ctrl("k"):
                text = []
                cursor = 0
                if case .char = key { break }
                return true
            default: break
            }
        }
        switch key {
        case .char(let c):
            text.insert(c, at: cursor)
            cursor += 1
        case .backspace, .ctrl("h"):
            if cursor > 0 { text.remove(at: cursor - 1); cursor -= 1 }
        case .delete, .ctrl("d"):
            if cursor < text.count { text.remove(at: cursor) }
        case .left, .ctrl("b"): cursor = max(0, cursor - 1)
        case .right, .ctrl("f"): cursor = min(text.count, cursor + 1)
        case .home, .ctrl("a"): cursor = 0
        case .end, .ctrl("e"): cursor = text.count
        case .ctrl("u"):
            text.removeFirst(cursor)
            cursor = 0
        case .ctrl("k"): text.removeLast(text.count - cursor)
        case .ctrl("w"):
            var i = cursor
            while i > 0, text[i - 1] == " " { i -= 1 }
            while i > 0, text[i - 1] != " " { i -= 1 }
            text.removeSubrange(i..<cursor)
            cursor = i
        default: return false
        }
        return true
    }

    /// Draws the field into `width` cells at (x, y); returns the cursor's screen column. A field
    /// without focus shows its beginning; with focus, the part around the cursor.
    @discardableResult
    public func draw(into buffer: inout Buffer, x: Int, y: Int, width: Int, style: Style, focused: Bool = true) -> Int {
        guard width > 0 else { return x }
        let clean = text.map { Character(Sanitizer.clean(String($0))) }
        guard focused else {
            buffer.putPadded(String(clean), x: x, y: y, width: width, style: style)
            return x
        }
        var start = 0
        var before = clean[0..<cursor].reduce(0) { $0 + DisplayWidth.of($1) }
        while before >= width, start < cursor {
            before -= DisplayWidth.of(clean[start])
            start += 1
        }
        buffer.putPadded(String(clean[start...]), x: x, y: y, width: width, style: style)
        if selected { buffer.restyle(Rect(x: x, y: y, width: min(width, DisplayWidth.of(String(clean[start...]))), height: 1)) { style in
            var s = style
            s.attributes.insert(.reverse)
            return s
        } }
        return x + before
    }
}
