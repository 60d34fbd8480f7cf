import Foundation
import Planning
import TerminalUI

extension AppState {
    /// Puts the selection on the first card (or change) of the stand-up list.
    mutating func selectFirstStandupLine() {
        let lines = standupLines
        self.standup.selected = lines.firstIndex { $0.isSelectable } ?? 0
        if let id = lines[safe: self.standup.selected]?.cardID { self.selectedCardID = id }
    }

    /// Moves along the stand-up list (cards and changes, skipping headings); left and right
    /// change speaker.
    mutating func moveInStandup(_ motion: Motion, height: Int) -> [Effect] {
        message = nil
        let lines = standupLines
        let selectable = lines.indices.filter { lines[$0].isSelectable }
        func select(_ step: Int) {
            guard !selectable.isEmpty else { return }
            let here = selectable.lastIndex { $0 <= self.standup.selected } ?? -1
            let target = min(max(0, here + step), selectable.count - 1)
            self.standup.selected = selectable[target]
            self.selectedCardID = lines[self.standup.selected].cardID ?? self.selectedCardID
        }
        let page = max(1, height - 8)
        switch motion {
        case .down: select(1)
        case .up: select(-1)
        case .top: select(-selectable.count)
        case .bottom: select(selectable.count)
        case .pageDown: select(page)
        case .pageUp: select(-page)
        case .right: changeSpeaker(by: 1)
        case .left: changeSpeaker(by: -1)
        }
        return []
    }

    private mutating func changeSpeaker(by step: Int) {
        guard var clock = self.standup.clock else { return }
        if step > 0, clock.current == clock.speakers.count - 1 {
            message = .info("That was the last speaker. \(keyName(.standup(.end))) ends the stand-up and saves the summary.")
            return
        }
        clock.move(step, now: now)
        self.standup.clock = clock
        selectFirstStandupLine()
    }

    /// The stand-up's own keys: change speaker, capture, end.
    mutating func performStandup(_ action: StandupAction, height: Int) -> [Effect] {
        message = nil
        switch action {
        case .nextSpeaker: changeSpeaker(by: 1)
        case .previousSpeaker: changeSpeaker(by: -1)
        case .shuffleSpeakers:
            guard var clock = self.standup.clock else { return [] }
            clock.shuffle(using: &random, now: now)
            self.standup.clock = clock
            message = .info("Speakers after \(clock.speaker ?? "the current one") shuffled.")
        case .order:
            guard var clock = self.standup.clock else { return [] }
            clock.order = clock.order == .board ? .people : .board
            self.standup.clock = clock
            selectFirstStandupLine()
            message = .info(clock.order == .board ? "Walking the board, right to left." : "Person by person.")
        case .captureAction:
            let column = project.columns(of: boardID).first { $0.category == .todo } ?? project.columns(of: boardID).first
            guard let column else { message = .error("This board has no columns."); return [] }
            var form = CardForm(card: nil, columnID: column.id, project: project)
            form.set(.type, CardType.chore.rawValue)
            if let speaker = self.standup.clock?.speaker, project.members[speaker] != nil { form.set(.assignee, speaker) }
            mode = .form(form)
        case .captureRisk, .captureDecision:
            var form = RaidForm(item: nil, type: action == .captureRisk ? .risk : .decision, project: project)
            if let speaker = self.standup.clock?.speaker {
                form.set(action == .captureRisk ? .owner : .decidedBy, speaker)
            }
            mode = .raidForm(form)
        case .toggleBlocked, .editCard, .editDescription:
            guard standupLines[safe: self.standup.selected]?.cardID != nil else {
                message = .error("Select a card first (\(keyName(.global(.selectDown)))/\(keyName(.global(.selectUp)))).")
                return []
            }
            let onBoard: BoardAction = action == .toggleBlocked ? .toggleBlocked : action == .editCard ? .editCard : .editDescription
            return performBoard(onBoard, layout: BoardLayout(width: 80, height: height, columnCount: view.columns.count))
        case .end:
            guard self.standup.clock != nil else { return [] }
            mode = .confirmEndStandup
        }
        return []
    }
}
