/// A terminal colour as themes express it; the backend maps it to what the terminal can show.
public enum Color: Hashable, Sendable {
    case `default`
    /// One of the 16 ANSI colours (0–7 normal, 8–15 bright).
    case ansi(UInt8)
    /// A colour of the 256-colour palette.
    case indexed(UInt8)
    case rgb(UInt8, UInt8, UInt8)
}

public struct TextAttributes: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let bold = TextAttributes(rawValue: 1)
    public static let dim = TextAttributes(rawValue: 2)
    public static let reverse = TextAttributes(rawValue: 4)
    public static let underline = TextAttributes(rawValue: 8)
    public static let italic = TextAttributes(rawValue: 16)
}

/// How one cell looks. Screens never build styles from colours: they ask the theme for a role.
public struct Style: Hashable, Sendable {
    public var foreground: Color
    public var background: Color
    public var attributes: TextAttributes

    public init(foreground: Color = .default, background: Color = .default, attributes: TextAttributes = []) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
    }

    public static let plain = Style()
}

/// What the terminal can show; detected once, or forced with `--color` and `NO_COLOR`.
public enum ColorDepth: String, Sendable, CaseIterable {
    case none, ansi16 = "16", ansi256 = "256", truecolor

    /// Maps a colour down to this depth (nil for `none`: only attributes remain).
    public func map(_ color: Color) -> Color? {
        switch (self, color) {
        case (.none, _): return nil
        case (_, .default): return .default
        case (.truecolor, _): return color
        case (.ansi256, .rgb(let r, let g, let b)): return .indexed(Self.nearest256(r, g, b))
        case (.ansi256, _): return color
        case (.ansi16, .ansi): return color
        case (.ansi16, .indexed(let i)): return .ansi(Self.indexedTo16(i))
        case (.ansi16, .rgb(let r, let g, let b)): return .ansi(Self.nearest16(r, g, b))
        }
    }

    static let ansiRGB: [(Int, Int, Int)] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
        (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
    ]

    static func nearest16(_ r: UInt8, _ g: UInt8, _ b: UInt8) -> UInt8 {
        var best = 0, bestDistance = Int.max
        for (i, c) in ansiRGB.enumerated() {
            let d = (c.0 - Int(r)) * (c.0 - Int(r)) + (c.1 - Int(g)) * (c.1 - Int(g)) + (c.2 - Int(b)) * (c.2 - Int(b))
            if d < bestDistance { best = i; bestDistance = d }
        }
        return UInt8(best)
    }

    static func nearest256(_ r: UInt8, _ g: UInt8, _ b: UInt8) -> UInt8 {
        func level(_ v: UInt8) -> Int { v < 48 ? 0 : v < 115 ? 1 : (Int(v) - 35) / 40 }
        let (lr, lg, lb) = (level(r), level(g), level(b))
        let cube = 16 + 36 * lr + 6 * lg + lb
        let steps = [0, 95, 135, 175, 215, 255]
        let cubeDistance = sq(steps[lr] - Int(r)) + sq(steps[lg] - Int(g)) + sq(steps[lb] - Int(b))
        let grey = (Int(r) + Int(g) + Int(b)) / 3
        let greyIndex = min(23, max(0, (grey - 3) / 10))
        let greyValue = 8 + greyIndex * 10
        let greyDistance = sq(greyValue - Int(r)) + sq(greyValue - Int(g)) + sq(greyValue - Int(b))
        return UInt8(greyDistance < cubeDistance ? 232 + greyIndex : cube)
    }

    static func indexedTo16(_ i: UInt8) -> UInt8 {
        if i < 16 { return i }
        if i >= 232 { let v = UInt8(8 + Int(i - 232) * 10); return nearest16(v, v, v) }
        let n = Int(i) - 16
        let steps: [UInt8] = [0, 95, 135, 175, 215, 255]
        return nearest16(steps[n / 36], steps[n / 6 % 6], steps[n % 6])
    }

    private static func sq(_ v: Int) -> Int { v * v }
}
