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

    /// The theme compiled into Gantry, so it never fails for want of a theme file: plain ANSI
    /// colours that every colour terminal shows.
    public static func builtin(depth: ColorDepth) -> Theme {
        func r(_ fg: UInt8?, _ bg: UInt8? = nil, _ attrs: TextAttributes? = nil, mono: TextAttributes? = nil) -> RoleSpec {
            RoleSpec(foreground: fg.map(Color.ansi), background: bg.map(Color.ansi), attributes: attrs, mono: mono)
        }
        return Theme(name: "builtin", roles: [
            "ui": RoleSpec(foreground: .default, background: .default, attributes: []),
            "ui.muted": r(8, mono: .dim),
            "ui.border": r(8),
            "ui.title": r(14, nil, .bold, mono: .bold),
            "ui.statusbar": r(15, 4, mono: .reverse),
            "ui.statusbar.error": r(15, 1, .bold, mono: [.reverse, .bold]),
            "ui.tab.active": r(0, 6, .bold, mono: [.reverse, .bold]),
            "ui.selection": r(0, 6, mono: .reverse),
            "ui.prompt": r(11, nil, .bold, mono: .bold),
            "ui.help.key": r(11, nil, .bold, mono: .bold),
            "ui.form.error": r(9, nil, .bold, mono: [.bold, .underline]),
            "ui.form.field.focused": r(15, 4, mono: .reverse),
            "board.column.header": r(12, nil, .bold, mono: .bold),
            "board.column.wip.full": r(11, nil, .bold, mono: .underline),
            "board.column.wip.breach": r(15, 1, .bold, mono: [.reverse, .bold]),
            "board.card.selected": r(14, nil, .bold, mono: .reverse),
            "board.card.key": r(6),
            "board.card.blocked": r(9, nil, .bold, mono: [.bold, .underline]),
            "board.card.overdue": r(9, mono: .underline),
            "board.card.age.fresh": r(2),
            "board.card.age.ageing": r(3, mono: .bold),
            "board.card.age.stale": r(1, nil, .bold, mono: [.bold, .underline]),
            "board.card.priority.critical": r(9, nil, .bold, mono: .bold),
            "board.card.priority.high": r(11),
            "board.card.priority.low": r(8, mono: .dim),
            "board.card.label": r(5),
            "board.card.assignee": r(14),
            "board.card.raid": r(11, nil, .bold, mono: .bold),
            "board.swimlane": r(13, nil, .bold, mono: .underline),
            "board.more": r(11, nil, .bold, mono: .reverse),
            "risk.severity.low": r(2),
            "risk.severity.medium": r(3, mono: .underline),
            "risk.severity.high": r(11, nil, .bold, mono: .bold),
            "risk.severity.critical": r(15, 1, .bold, mono: [.reverse, .bold]),
            "risk.review.overdue": r(9, nil, .bold, mono: [.bold, .underline]),
            "risk.proximity.near": r(11, nil, .bold, mono: .bold),
            "risk.trend.rising": r(9, nil, .bold, mono: .bold),
            "timeline.bar": r(12),
            "timeline.bar.critical": r(9, nil, .bold, mono: .bold),
            "timeline.bar.late": r(11, nil, .bold, mono: [.bold, .underline]),
            "timeline.bar.phase": r(14),
            "timeline.milestone": r(11, nil, .bold, mono: .bold),
            "timeline.baseline": r(8, mono: .dim),
            "timeline.today": r(11, mono: .bold),
            "timeline.related": r(11, mono: .underline),
            "timeline.task.critical": r(9, mono: .bold),
            "standup.timer": r(14, nil, .bold, mono: .bold),
            "standup.timer.over": r(15, 1, .bold, mono: [.reverse, .bold]),
            "standup.speaker": r(0, 3, .bold, mono: [.reverse, .bold]),
            "panel.presence": r(2, mono: .bold),
        ], depth: depth)
    }
}
