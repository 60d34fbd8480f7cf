import Foundation
import Planning
import TerminalUI

/// The panel beside any screen: who has the project open now (user, screen, since when) and
/// the activity feed, newest first, for everyone or one person.
struct SidePanel {
    let state: AppState
    let theme: Theme
    let x: Int
    let width: Int
    let height: Int

    func draw(into buffer: inout Buffer) {
        guard width > 2 else { return }
        let base = theme.style("ui.overlay")
        buffer.fill(Rect(x: x, y: 1, width: width, height: height - 2), style: base)
        let bar = state.asciiGlyphs ? "|" : "│"
        for y in 1..<(height - 1) { buffer.put(bar, x: x, y: y, style: theme.style("ui.border")) }
        let left = x + 2, room = width - 3
        var y = 1
        let here = state.sharing.presence
        buffer.putPadded("Here now (\(here.count))", x: left, y: y, width: room, style: theme.style("board.column.header"))
        y += 1
        let dot = state.asciiGlyphs ? "*" : "●"
        let myHost = here.first { $0.session == state.sharing.sessionID }?.host
        for session in here where y < height / 2 {
            let you = session.session == state.sharing.sessionID ? " (you)" : ""
            // Another machine's session says which: the same person may be on a laptop and a server.
            let host = myHost != nil && session.host != myHost ? "@\(session.host)" : ""
            let line = "\(dot) \(session.actor)\(host)\(you) · \(session.screen) · \(ActivityEntry.ago(session.since, now: state.now).replacingOccurrences(of: " ago", with: ""))"
            buffer.putPadded(line, x: left, y: y, width: room, style: theme.style("panel.presence"))
            y += 1
        }
        if here.isEmpty {
            buffer.putPadded("nobody (read-only sessions do not show)", x: left, y: y, width: room, style: theme.style("ui.muted"))
            y += 1
        }
        y += 1
        let who = state.sharing.activityPerson ?? "everyone"
        buffer.putPadded("Activity · \(who) (W)", x: left, y: y, width: room, style: theme.style("board.column.header"))
        y += 1
        let feed = state.sharing.feed
        if feed.isEmpty {
            buffer.putPadded("No changes yet.", x: left, y: y, width: room, style: theme.style("ui.muted"))
        }
        for entry in feed where y + 1 < height - 1 {
            buffer.putPadded(entry.sentence, x: left, y: y, width: room, style: base)
            buffer.putPadded("  " + ActivityEntry.ago(entry.at, now: state.now), x: left, y: y + 1, width: room, style: theme.style("ui.muted"))
            y += 2
        }
    }
}
