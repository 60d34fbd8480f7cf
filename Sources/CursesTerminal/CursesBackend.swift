import CNcursesw
import Foundation
import TerminalUI

/// Why the terminal could not be used; the message says what to do.
public struct TerminalError: Error, CustomStringConvertible {
    public let description: String
}

/// The ncurses terminal: the only place Gantry talks to ncurses. Uses `newterm` (which fails
/// politely where `initscr` would exit), a UTF-8 locale even under C/POSIX, and writes only the
/// cells that changed since the previous frame. `stop()` restores the terminal; callers make sure
/// it runs on every exit path.
public final class CursesBackend: TerminalBackend {
    public let depth: ColorDepth
    private var screen: OpaquePointer?
    private var previous: Buffer?
    private var pairs = ColorPairs()
    private var stopped = false

    /// Starts full-screen mode. `preferred` forces a colour depth (nil: detect; `NO_COLOR` wins).
    public init(environment: [String: String], preferred: ColorDepth?) throws {
        let term = environment["TERM"] ?? ""
        guard !term.isEmpty, term != "dumb" else {
            throw TerminalError(description: "Gantry needs a full-screen terminal, but TERM is \(term.isEmpty ? "not set" : "\"dumb\""). Run it in a terminal emulator, or set TERM (for example TERM=xterm-256color). Scripts can use the subcommands (gantry --help).")
        }
        guard isatty(0) != 0, isatty(1) != 0 else {
            throw TerminalError(description: "Gantry's screen needs a terminal on standard input and output. Scripts can use the subcommands (gantry --help).")
        }
        Self.useUTF8Locale()
        guard let s = newterm(nil, stdout_handle(), stdin_handle()) else {
            throw TerminalError(description: "This terminal type (TERM=\(term)) is unknown here. Try TERM=xterm-256color, or install its terminfo (ncurses-term).")
        }
        screen = s
        set_term(s)
        cbreak()
        noecho()
        nonl()
        intrflush(gantry_stdscr(), false)
        keypad(gantry_stdscr(), true)
        set_escdelay(25)
        curs_set(0)
        mousemask(gantry_mouse_mask(), nil)
        mouseinterval(0)
        var detected = ColorDepth.none
        if has_colors() {
            start_color()
            use_default_colors()
            let colors = gantry_colors()
            detected = colors >= 16_777_216 ? .truecolor : colors >= 256 ? .ansi256 : colors >= 8 ? .ansi16 : .none
        }
        let noColor = !(environment["NO_COLOR"] ?? "").isEmpty
        if noColor && preferred == nil {
            depth = .none
        } else if let preferred {
            // More colours than the terminal has cannot be shown; fewer can.
            let order: [ColorDepth] = [.none, .ansi16, .ansi256, .truecolor]
            depth = order[min(order.firstIndex(of: preferred)!, max(order.firstIndex(of: detected)!, preferred == .none ? 0 : 1))]
        } else {
            depth = detected
        }
        pairs.colorCount = Int(gantry_colors())
        gantry_install_exit_signals()
    }

    /// Makes wide characters work even when the session's locale is C or POSIX.
    static func useUTF8Locale() {
        setlocale(LC_ALL, "")
        let codeset = String(cString: nl_langinfo(nl_item(CODESET)))
        if codeset.uppercased().replacingOccurrences(of: "-", with: "") != "UTF8" {
            if setlocale(LC_ALL, "C.UTF-8") == nil { setlocale(LC_CTYPE, "en_US.UTF-8") }
        }
    }

    deinit { stop() }

    /// Restores the terminal (cursor, modes, main screen). Safe to call more than once.
    public func stop() {
        guard !stopped else { return }
        stopped = true
        curs_set(1)
        endwin()
        if let screen { delscreen(screen) }
        screen = nil
    }

    public var size: (width: Int, height: Int) { (Int(gantry_cols()), Int(gantry_lines())) }

    public func draw(_ buffer: Buffer, cursor: (x: Int, y: Int)?) {
        let full = previous.map { $0.width != buffer.width || $0.height != buffer.height } ?? true
        if full { erase() }
        for run in buffer.diff(from: full ? nil : previous) {
            for (i, cell) in run.cells.enumerated() where !cell.isContinuation { put(cell, x: run.x + i, y: run.y) }
        }
        previous = buffer
        if let cursor {
            curs_set(1)
            move(Int32(cursor.y), Int32(cursor.x))
        } else {
            curs_set(0)
        }
        refresh()
    }

    private func put(_ cell: Cell, x: Int, y: Int) {
        var chars: [wchar_t] = cell.text.unicodeScalars.prefix(4).map { wchar_t(bitPattern: $0.value) }
        if chars.isEmpty { chars = [32] }
        chars.append(0)
        var attrs = gantry_a_normal()
        let a = cell.style.attributes
        if a.contains(.bold) { attrs |= gantry_a_bold() }
        if a.contains(.dim) { attrs |= gantry_a_dim() }
        if a.contains(.reverse) { attrs |= gantry_a_reverse() }
        if a.contains(.underline) { attrs |= gantry_a_underline() }
        if a.contains(.italic) { attrs |= gantry_a_italic() }
        var pair = Int32(0)
        if depth != .none {
            let (p, bright) = pairs.pair(fg: cell.style.foreground, bg: cell.style.background)
            pair = p
            if bright { attrs |= gantry_a_bold() }
        }
        var cch = cchar_t()
        withUnsafeMutablePointer(to: &pair) { pairPointer in
            _ = setcchar(&cch, chars, attrs, 0, UnsafeMutableRawPointer(pairPointer))
        }
        mvadd_wch(Int32(y), Int32(x), &cch)
    }

    public func nextEvent(timeoutMilliseconds: Int) -> Event? {
        timeout(Int32(timeoutMilliseconds))
        var ch: wint_t = 0
        let result = get_wch(&ch)
        if result == ERR { return nil }
        if result == KEY_CODE_YES { return keyCode(Int32(ch)) }
        return character(UInt32(ch))
    }

    private func keyCode(_ code: Int32) -> Event? {
        switch code {
        case KEY_RESIZE:
            previous = nil
            return .resize(width: size.width, height: size.height)
        case KEY_MOUSE:
            var m = MEVENT()
            guard getmouse(&m) == OK else { return nil }
            let button: MouseButton? = gantry_is_wheel_up(m.bstate) != 0 ? .wheelUp
                : gantry_is_wheel_down(m.bstate) != 0 ? .wheelDown : gantry_is_button1(m.bstate) != 0 ? .left : nil
            return button.map { .mouse($0, x: Int(m.x), y: Int(m.y)) }
        case KEY_UP: return .key(.up)
        case KEY_DOWN: return .key(.down)
        case KEY_LEFT: return .key(.left)
        case KEY_RIGHT: return .key(.right)
        case KEY_SLEFT: return .key(.shiftLeft)
        case KEY_SRIGHT: return .key(.shiftRight)
        case KEY_SR: return .key(.shiftUp)
        case KEY_SF: return .key(.shiftDown)
        case KEY_HOME: return .key(.home)
        case KEY_END: return .key(.end)
        case KEY_PPAGE: return .key(.pageUp)
        case KEY_NPAGE: return .key(.pageDown)
        case KEY_BACKSPACE: return .key(.backspace)
        case KEY_DC: return .key(.delete)
        case KEY_ENTER: return .key(.enter)
        case KEY_BTAB: return .key(.backTab)
        default:
            if code >= KEY_F0 + 1 && code <= KEY_F0 + 12 { return .key(.function(Int(code - KEY_F0))) }
            return nil
        }
    }

    private func character(_ value: UInt32) -> Event? {
        switch value {
        case 27: return .key(.escape)
        case 10, 13: return .key(.enter)
        case 9: return .key(.tab)
        case 8, 127: return .key(.backspace)
        case 1...26: return .key(.ctrl(Character(Unicode.Scalar(value + 96)!)))
        default:
            guard let scalar = Unicode.Scalar(value), value >= 32 else { return nil }
            return .key(.char(Character(scalar)))
        }
    }

    public func suspend(_ body: () throws -> Void) rethrows {
        def_prog_mode()
        endwin()
        defer {
            reset_prog_mode()
            // Whatever the terminal answered the editor's queries with is not a key of ours.
            flushinp()
            previous = nil
            clearok(gantry_stdscr(), true)
            refresh()
        }
        try body()
    }

    public func takeExitSignal() -> Int32? {
        let s = gantry_take_signal()
        return s == 0 ? nil : s
    }
}

/// Colour pairs by (foreground, background), created on first use with ncurses' extended pairs.
struct ColorPairs {
    var colorCount = 8
    private var cache: [Pair: Int32] = [:]
    private var next: Int32 = 1

    struct Pair: Hashable { let fg: Int32, bg: Int32 }

    /// The pair number, and whether bold must stand in for a bright colour the terminal lacks.
    mutating func pair(fg: Color, bg: Color) -> (Int32, Bool) {
        let (f, bright) = number(fg)
        let (b, _) = number(bg)
        if f == -1 && b == -1 { return (0, false) }
        let key = Pair(fg: f, bg: b)
        if let p = cache[key] { return (p, bright) }
        guard next < gantry_color_pairs() else { return (0, bright) }
        let p = next
        next += 1
        init_extended_pair(p, f, b)
        cache[key] = p
        return (p, bright)
    }

    private func number(_ c: Color) -> (Int32, Bool) {
        switch c {
        case .default: return (-1, false)
        case .ansi(let n): return colorCount >= 16 || n < 8 ? (Int32(n), false) : (Int32(n - 8), true)
        case .indexed(let n): return (Int32(n), false)
        case .rgb(let r, let g, let b): return (Int32(r) << 16 | Int32(g) << 8 | Int32(b), false)
        }
    }
}
