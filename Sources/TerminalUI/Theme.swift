/// Semantic roles to styles. Screens ask for `board.card.blocked`, never for a colour; a role
/// missing from the theme falls back along the dots (`board.card`, then `board`), and unset parts
/// (foreground, background, attributes) cascade from the parent role. Every role that shows state
/// has a monochrome form, used when colours are off.
public struct Theme: Sendable {
    public struct RoleSpec: Sendable, Equatable {
        public var foreground: Color?
        public var background: Color?
        public var attributes: TextAttributes?
        /// Attributes used instead of colours when the depth is `none`.
        public var mono: TextAttributes?

        public init(foreground: Color? = nil, background: Color? = nil, attributes: TextAttributes? = nil, mono: TextAttributes? = nil) {
            self.foreground = foreground
            self.background = background
            self.attributes = attributes
            self.mono = mono
        }
    }

    public let name: String
    public let roles: [String: RoleSpec]
    public let depth: ColorDepth
    private let resolved: [String: Style]

    public init(name: String, roles: [String: RoleSpec], depth: ColorDepth) {
        self.name = name
        self.roles = roles
        self.depth = depth
        var cache: [String: Style] = [:]
        for role in roles.keys { cache[role] = Theme.resolve(role, roles: roles, depth: depth) }
        resolved = cache
    }

    /// The same theme at another colour depth.
    public func with(depth: ColorDepth) -> Theme { Theme(name: name, roles: roles, depth: depth) }

    public func style(_ role: String) -> Style {
        if let s = resolved[role] { return s }
        return Theme.resolve(role, roles: roles, depth: depth)
    }

    static func parent(of role: String) -> String? {
        guard let dot = role.lastIndex(of: ".") else { return role == "ui" ? nil : "ui" }
        return String(role[..<dot])
    }

    static func resolve(_ role: String, roles: [String: RoleSpec], depth: ColorDepth) -> Style {
        var fg: Color?, bg: Color?, attrs: TextAttributes?, mono: TextAttributes?
        var current: String? = role
        while let r = current {
            if let spec = roles[r] {
                fg = fg ?? spec.foreground
                bg = bg ?? spec.background
                attrs = attrs ?? spec.attributes
                mono = mono ?? spec.mono
            }
            current = parent(of: r)
        }
        if depth == .none {
            return Style(attributes: mono ?? attrs ?? [])
        }
        return Style(foreground: fg.flatMap(depth.map) ?? .default, background: bg.flatMap(depth.map) ?? .default,
                     attributes: attrs ?? [])
    }
}
