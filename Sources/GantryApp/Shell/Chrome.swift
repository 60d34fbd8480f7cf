import Planning
import TerminalUI

/// The title bar (tabs, project) and the status line (project, board, user, filter, messages,
/// prompts) around every screen.
struct Chrome {
    let state: AppState
    let theme: Theme
    let width: Int
    let height: Int

    func drawTitle(into buffer: inout Buffer) {
        let bar = theme.style("ui.tab")
        buffer.fill(Rect(x: 0, y: 0, width: width, height: 1), style: bar)
        let tabs = Tabs(Screen.allCases.map { Tabs.Tab(key: state.keymap.key(for: $0.opener), title: $0.tab) },
                        active: Screen.allCases.firstIndex(of: state.screen) ?? 0)
        // The project's name and who you are are on the status line too, so a narrow window
        // drops them here before it shortens the tabs.
        let minimumRight = 0
        let title = " Gantry "
        // Narrow windows drop the title, then shorten the other tabs to their keys.
        let showTitle = DisplayWidth.of(title) + tabs.width(compact: false) + minimumRight <= width
        let compact = !showTitle && tabs.width(compact: false) + minimumRight > width
        let start = showTitle ? buffer.put(title, x: 0, y: 0, style: theme.style("ui.title")) : 0
        let x = tabs.draw(into: &buffer, x: start, y: 0, compact: compact, style: theme.style("ui.tab"), activeStyle: theme.style("ui.tab.active"))
        // Most important last to go: who you are and the project, then following, then who is here.
        let base = " \(state.project.info.name) · @\(state.actor) "
        let following = state.sharing.following.map { " following \($0) (read-only) ·" } ?? ""
        let others = Presence.people(state.sharing.presence).filter { $0 != state.actor }
        let names = others.count <= 3 ? others.joined(separator: " ") : others.prefix(2).joined(separator: " ") + " +\(others.count - 2)"
        let here = others.isEmpty ? "" : " here: \(names) ·"
        let right = [here + following + base, following + base, base, " @\(state.actor) "].first { width - DisplayWidth.of($0) > x } ?? ""
        let rx = width - DisplayWidth.of(right)
        if rx > x { buffer.put(right, x: rx, y: 0, style: bar) }
    }

    /// The bottom line: a prompt while one is open, else the status.
    /// Returns the cursor position when a text field has focus.
    func drawStatus(into buffer: inout Buffer) -> (x: Int, y: Int)? {
        let y = height - 1
        let bar = theme.style("ui.statusbar")
        buffer.fill(Rect(x: 0, y: y, width: width, height: 1), style: bar)
        switch state.mode {
        case .filterPrompt(let field): return prompt("/", field, hint: "\(submit) apply · \(cancel) cancel · empty clears", into: &buffer)
        case .commandPrompt(let field): return prompt(":", field, hint: "\(submit) run · \(cancel) cancel · :help", into: &buffer)
        case .blockPrompt(let id, let field):
            let key = state.project.cards[id]?.key ?? ""
            return prompt("Blocked \(key) by: ", field, hint: "\(submit) block · \(cancel) cancel", into: &buffer)
        case .timePrompt(let id, let field):
            let key = state.project.tasks[id]?.key ?? ""
            return prompt("Log time on \(key): ", field, hint: "hours [who] [day] · \(submit) log · \(cancel) cancel", into: &buffer)
        case .sprintPrompt(let p):
            let name = state.project.sprints[p.sprintID]?.name ?? ""
            return p.step == .goal ? prompt("Goal of \(name): ", p.field, hint: "\(submit) next: its end · \(cancel) cancel", into: &buffer)
                : prompt("\(name) ends on: ", p.field, hint: "\(submit) start it · \(cancel) cancel", into: &buffer)
        case .confirmDeleteRaid(let id):
            let item = state.project.raidItems[id]
            buffer.putPadded(" Delete \(item?.key ?? "") \"\(item?.title ?? "")\"? y deletes (\(state.keyName(.global(.undo))) undoes) · any other key keeps it",
                             x: 0, y: y, width: width, style: theme.style("ui.statusbar.error"))
            return nil
        case .confirm(let confirmation):
            buffer.putPadded(confirmation.prompt, x: 0, y: y, width: width, style: theme.style("ui.statusbar.error"))
            return nil
        case .confirmEndStandup:
            buffer.putPadded(" End the stand-up and save its summary? y ends it · any other key goes on",
                             x: 0, y: y, width: width, style: theme.style("ui.statusbar.error"))
            return nil
        case .confirmDelete(let id):
            let card = state.project.cards[id]
            buffer.putPadded(" Delete \(card?.key ?? "") \"\(card?.title ?? "")\"? y deletes (\(state.keyName(.global(.undo))) undoes) · any other key keeps it",
                             x: 0, y: y, width: width, style: theme.style("ui.statusbar.error"))
            return nil
        default: break
        }
        if let message = state.message {
            buffer.putPadded(" " + message.text, x: 0, y: y, width: width, style: theme.style(message.isError ? "ui.statusbar.error" : "ui.statusbar"))
            return nil
        }
        var left = state.statusLine
        if let leader = state.sharing.following { left += "  following \(leader): read-only, \(state.keyName(.global(.follow))) stops" }
        let hint = "\(state.keyName(.global(.help))) help  \(state.keyName(.global(.quit))) quit "
        let room = width - DisplayWidth.of(hint)
        buffer.putPadded(left, x: 0, y: y, width: max(0, room - 1), style: bar)
        if room > 0 { buffer.put(hint, x: room, y: y, style: bar) }
        return nil
    }

    private var submit: String { state.keyName(.prompt(.submit)) }
    private var cancel: String { state.keyName(.prompt(.cancel)) }

    private func prompt(_ label: String, _ field: TextField, hint: String, into buffer: inout Buffer) -> (x: Int, y: Int) {
        let y = height - 1
        let labelWidth = buffer.put(label, x: 0, y: y, style: theme.style("ui.prompt"))
        let hintWidth = min(DisplayWidth.of(hint) + 1, max(0, width - labelWidth - 20))
        let fieldWidth = max(1, width - labelWidth - hintWidth)
        let cursor = field.draw(into: &buffer, x: labelWidth, y: y, width: fieldWidth, style: theme.style("ui.form.field.focused"))
        if hintWidth > 0 { buffer.putPadded(" " + hint, x: width - hintWidth, y: y, width: hintWidth, style: theme.style("ui.muted")) }
        return (cursor, y)
    }
}
