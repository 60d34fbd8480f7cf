import Foundation
import Planning
import TerminalUI

/// Draws the stand-up: who speaks and for how long (the timer turns into an overrun past the
/// timebox, in colour and in mono), then the walk: the board right to left with blocked and
/// ageing cards first, or the current speaker's work and what changed for them since last time.
struct StandupScreen {
    let state: AppState
    let theme: Theme
    let width: Int
    let height: Int

    func draw(into buffer: inout Buffer) {
        buffer.fill(Rect(x: 0, y: 1, width: width, height: height - 2), style: theme.style("ui"))
        guard let clock = state.standup.clock else {
            buffer.putPadded(" Starting the stand-up…", x: 0, y: 2, width: width, style: theme.style("ui.muted"))
            return
        }
        let now = state.now
        let walk = clock.order == .board ? "walking the board right to left" : "person by person"
        let started = "started \(ActivityEntry.ago(clock.startedAt, now: now))"
        let follow = state.sharing.following.map { " · following \($0)" } ?? ""
        buffer.putPadded(" Stand-up · \(state.board?.name ?? "") · \(started) · \(walk) (\(state.keyName(.standup(.order))) changes)\(follow)", x: 0, y: 1, width: width,
                         style: theme.style("ui.muted"))
        drawSpeakers(clock, y: 2, into: &buffer)
        drawTimer(clock, y: 3, into: &buffer)
        drawList(clock, top: 5, into: &buffer)
    }

    private func drawSpeakers(_ clock: StandupClock, y: Int, into buffer: inout Buffer) {
        var x = 1
        for (i, name) in clock.speakers.enumerated() {
            let seconds = clock.time(of: name, now: state.now)
            let label = " \(name) \(seconds > 0 ? StandupClock.format(seconds) : "–") "
            let w = DisplayWidth.of(label)
            guard x + w < width else {
                buffer.put("…", x: x, y: y, style: theme.style("ui.muted"))
                return
            }
            let style = i == clock.current ? "standup.speaker" : seconds > clock.timebox ? "standup.timer.over" : i < clock.current ? "ui.muted" : "ui"
            x += buffer.put(label, x: x, y: y, style: theme.style(style)) + 1
        }
    }

    private func drawTimer(_ clock: StandupClock, y: Int, into buffer: inout Buffer) {
        guard let speaker = clock.speaker else {
            buffer.putPadded(" No speakers.", x: 0, y: y, width: width, style: theme.style("ui.muted"))
            return
        }
        let arrow = state.asciiGlyphs ? ">" : "▶"
        let elapsed = clock.elapsed(now: state.now)
        var text = " \(arrow) \(speaker)  \(StandupClock.format(elapsed)) of \(StandupClock.format(clock.timebox))"
        text += "  (\(clock.current + 1)/\(clock.speakers.count))"
        if let over = clock.overrun(now: state.now) {
            text += "  OVER by \(StandupClock.format(over)) "
            buffer.put(text, x: 0, y: y, style: theme.style("standup.timer.over"), maxWidth: width)
        } else {
            buffer.put(text, x: 0, y: y, style: theme.style("standup.timer"), maxWidth: width)
        }
        let shown: [(StandupAction, String)] = [(.nextSpeaker, "next"), (.previousSpeaker, "previous"), (.shuffleSpeakers, "shuffle"),
                                                (.captureAction, "action"), (.captureRisk, "risk"), (.captureDecision, "decision"),
                                                (.toggleBlocked, "blocker"), (.end, "end")]
        let keys = shown.compactMap { action, label in state.keymap.key(for: .standup(action), in: Screen.standup.keys).map { "  \($0) \(label)" } }.joined()
        let x = DisplayWidth.of(text) + 1
        if x < width { buffer.put(keys, x: x, y: y, style: theme.style("ui.muted"), maxWidth: width - x) }
    }

    private func drawList(_ clock: StandupClock, top: Int, into buffer: inout Buffer) {
        let lines = state.standupLines
        let rows = max(0, height - 1 - top)
        guard rows > 0 else { return }
        let selected = min(max(0, state.standup.selected), max(0, lines.count - 1))
        ScrollList(count: lines.count, selected: selected).draw(in: Rect(x: 0, y: top, width: width, height: rows), into: &buffer) { i, r, buffer in
            draw(lines[i], y: r.y, speaker: clock.speaker, selected: i == selected, into: &buffer)
        }
    }

    private func draw(_ line: StandupLine, y: Int, speaker: String?, selected: Bool, into buffer: inout Buffer) {
        switch line {
        case .heading(let text):
            buffer.putPadded(" " + text, x: 0, y: y, width: width, style: theme.style("board.column.header"))
        case .note(let text):
            buffer.putPadded("   " + text, x: 0, y: y, width: width, style: theme.style("ui.muted"))
        case .change(let entry):
            let text = "   \(entry.sentence) · \(ActivityEntry.ago(entry.at, now: state.now))"
            buffer.putPadded(text, x: 0, y: y, width: width, style: theme.style(selected ? "ui.selection" : "ui"))
        case .card(let item):
            let card = item.card
            let mine = speaker != nil && card.assignee == speaker
            let mark = mine ? (state.asciiGlyphs ? ">" : "▶") : " "
            let base = theme.style(selected ? "ui.selection" : "ui")
            buffer.fill(Rect(x: 0, y: y, width: width, height: 1), style: base)
            var x = buffer.put(" \(mark) ", x: 0, y: y, style: mine ? theme.style("standup.timer") : base)
            x += buffer.put(card.key + " ", x: x, y: y, style: selected ? base : theme.style("board.card.key"))
            let days = card.daysInColumn(now: state.now)
            var tail = "  " + (card.assignee.map { "@" + $0 } ?? "unassigned") + "  \(days)d"
            var tailStyle = "board.card.assignee"
            switch item.reason {
            case .blocked:
                tail += "  BLOCKED: \(card.blockedReason ?? "")"
                tailStyle = "board.card.blocked"
            case .ageing:
                tail += "  ageing"
                tailStyle = "board.card.age.ageing"
            case .normal: break
            }
            let tailWidth = min(DisplayWidth.of(tail), max(0, (width - x) / 2))
            let titleWidth = max(0, width - x - tailWidth)
            buffer.put(DisplayWidth.truncate(card.title, to: titleWidth), x: x, y: y, style: base)
            if tailWidth > 0 {
                buffer.put(DisplayWidth.truncate(tail, to: tailWidth), x: width - tailWidth, y: y,
                           style: selected ? base : theme.style(tailStyle))
            }
        }
    }
}

extension AppState {
    /// The status line in the stand-up: which board is walked.
    var standupStatus: String {
        " \(project.info.name) › Stand-up › \(board?.name ?? "")  @\(actor)"
    }
}
