import Foundation
import Planning
import TerminalUI

extension AppState {
    /// Puts the selection on the first card (or change) of the stand-up list.
    mutating func selectFirstStandupLine() {
        let lines = standupLines
        standup.selected = lines.firstIndex { $0.isSelectable } ?? 0
        if let id = lines[safe: standup.selected]?.cardID { selectedCardID = id }
    }

    /// Keys on the stand-up screen: walk the list, change speaker, capture, end.
    mutating func performStandup(_ action: AppAction, height: Int) -> [Effect] {
        message = nil
        let lines = standupLines
        let selectable = lines.indices.filter { lines[$0].isSelectable }
        // Moves among cards and changes, skipping headings; `step` counts selectable lines.
        func select(_ step: Int) {
            guard !selectable.isEmpty else { return }
            let here = selectable.lastIndex { $0 <= standup.selected } ?? -1
            let target = min(max(0, here + step), selectable.count - 1)
            standup.selected = selectable[target]
            selectedCardID = lines[standup.selected].cardID ?? selectedCardID
        }
        let page = max(1, height - 8)
        switch action {
        case .selectDown: select(1)
        case .selectUp: select(-1)
        case .selectTop: select(-selectable.count)
        case .selectBottom: select(selectable.count)
        case .pageDown: select(page)
        case .pageUp: select(-page)
        case .nextSpeaker, .selectRight, .previousSpeaker, .selectLeft:
            guard var clock = standup.clock else { return [] }
            let step = action == .nextSpeaker || action == .selectRight ? 1 : -1
            if step > 0, clock.current == clock.speakers.count - 1 {
                message = .info("That was the last speaker. \(keyName(.endStandup)) ends the stand-up and saves the summary.")
                return []
            }
            clock.move(step, now: now)
            standup.clock = clock
            selectFirstStandupLine()
        case .shuffleSpeakers:
            guard var clock = standup.clock else { return [] }
            clock.shuffle(using: &random, now: now)
            standup.clock = clock
            message = .info("Speakers after \(clock.speaker ?? "the current one") shuffled.")
        case .standupOrder, .cycleSwimlanes:
            guard var clock = standup.clock else { return [] }
            clock.order = clock.order == .board ? .people : .board
            standup.clock = clock
            selectFirstStandupLine()
            message = .info(clock.order == .board ? "Walking the board, right to left." : "Person by person.")
        case .captureAction, .newCard:
            let column = project.columns(of: boardID).first { $0.category == .todo } ?? project.columns(of: boardID).first
            guard let column else { message = .error("This board has no columns."); return [] }
            var form = CardForm(card: nil, columnID: column.id, project: project)
            form.set(.type, CardType.chore.rawValue)
            if let speaker = standup.clock?.speaker, project.members[speaker] != nil { form.set(.assignee, speaker) }
            mode = .form(form)
        case .captureRisk, .captureDecision:
            var form = RaidForm(item: nil, type: action == .captureRisk ? .risk : .decision, project: project)
            if let speaker = standup.clock?.speaker {
                form.set(action == .captureRisk ? .owner : .decidedBy, speaker)
            }
            mode = .raidForm(form)
        case .toggleBlocked, .editCard, .editDescription:
            guard lines[safe: standup.selected]?.cardID != nil else { message = .error("Select a card first (\(keyName(.selectDown))/\(keyName(.selectUp)))."); return [] }
            return perform(action, layout: BoardLayout(width: 80, height: height, columnCount: view.columns.count))
        case .endStandup:
            guard standup.clock != nil else { return [] }
            mode = .confirmEndStandup
        case .undo: return [.undo]
        case .redo: return [.redo]
        case .help: mode = .help(scroll: 0)
        case .command: mode = .commandPrompt(TextField())
        case .quit: return requestQuit()
        case .showBoard: return show(.board)
        case .showRaid: return show(.raid)
        case .showTimeline: return show(.timeline)
        default:
            message = .info("That key does nothing in the stand-up. Press \(keyName(.help)) for the keys.")
        }
        return []
    }
}
