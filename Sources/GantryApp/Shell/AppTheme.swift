import TerminalUI

/// The theme compiled into Gantry's screens, used when a theme file cannot be read: plain ANSI
/// colours every colour terminal shows, for the roles the screens ask for. It lives here, not in
/// TerminalUI, because the role names are the app's.
public enum AppTheme {
    public static func fallback(depth: ColorDepth) -> Theme {
        func r(_ fg: UInt8?, _ bg: UInt8? = nil, _ attrs: TextAttributes? = nil, mono: TextAttributes? = nil) -> Theme.RoleSpec {
            Theme.RoleSpec(foreground: fg.map(Color.ansi), background: bg.map(Color.ansi), attributes: attrs, mono: mono)
        }
        return Theme(name: "builtin", roles: [
            "ui": Theme.RoleSpec(foreground: .default, background: .default, attributes: []),
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
