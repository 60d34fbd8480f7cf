/// A key as the keymap names it. Terminal specifics (escape sequences, key codes) stay in the backend.
public enum Key: Hashable, Sendable, CustomStringConvertible {
    case char(Character)
    case ctrl(Character)
    case up, down, left, right, shiftLeft, shiftRight, shiftUp, shiftDown
    case enter, escape, backspace, delete, tab, backTab, home, end, pageUp, pageDown
    case function(Int)

    /// The name used in keymaps and the help overlay: `j`, `C-r`, `S-right`, `enter`.
    public var description: String {
        switch self {
        case .char(" "): return "space"
        case .char(let c): return String(c)
        case .ctrl(let c): return "C-\(c)"
        case .up: return "up"
        case .down: return "down"
        case .left: return "left"
        case .right: return "right"
        case .shiftLeft: return "S-left"
        case .shiftRight: return "S-right"
        case .shiftUp: return "S-up"
        case .shiftDown: return "S-down"
        case .enter: return "enter"
        case .escape: return "esc"
        case .backspace: return "backspace"
        case .delete: return "delete"
        case .tab: return "tab"
        case .backTab: return "S-tab"
        case .home: return "home"
        case .end: return "end"
        case .pageUp: return "pgup"
        case .pageDown: return "pgdn"
        case .function(let n): return "F\(n)"
        }
    }

    /// Parses a keymap name (the inverse of `description`).
    public init?(name: String) {
        let named: [String: Key] = [
            "space": .char(" "), "up": .up, "down": .down, "left": .left, "right": .right, "S-left": .shiftLeft,
            "S-right": .shiftRight, "S-up": .shiftUp, "S-down": .shiftDown, "enter": .enter, "esc": .escape,
            "backspace": .backspace, "delete": .delete, "tab": .tab, "S-tab": .backTab, "home": .home, "end": .end,
            "pgup": .pageUp, "pgdn": .pageDown,
        ]
        if let k = named[name] { self = k; return }
        if name.hasPrefix("C-"), name.count == 3, let c = name.last { self = .ctrl(c); return }
        if name.hasPrefix("F"), let n = Int(name.dropFirst()), (1...12).contains(n) { self = .function(n); return }
        if name.count == 1, let c = name.first { self = .char(c); return }
        return nil
    }
}

public enum MouseButton: Sendable, Equatable { case left, wheelUp, wheelDown }

/// What the terminal reports to the application.
public enum Event: Sendable, Equatable {
    case key(Key)
    case mouse(MouseButton, x: Int, y: Int)
    case resize(width: Int, height: Int)
}
