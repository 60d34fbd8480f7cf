import Foundation
import Planning
import TerminalUI

extension AppState {
    mutating func performSprints(_ action: SprintsAction) -> [Effect] {
        switch action {
        case .toSprint, .toBacklog:
            let toSprint = action == .toSprint
            guard (self.sprints.pane == .backlog) == toSprint else {
                message = .info(toSprint ? "The card is already in \(plannedSprint?.name ?? "the sprint")." : "The card is already in the backlog.")
                return []
            }
            guard let card = planningCard else { return [] }
            guard let sprint = plannedSprint else {
                message = .info("No open sprint on this board. Add one with: gantry sprint add NAME")
                return []
            }
            do {
                let change = try project.setSprint(of: card, to: toSprint ? sprint : nil)
                return change.isEmpty ? [] : [.apply(change)]
            } catch {
                message = .failure(error)
                return []
            }
        case .start:
            guard let sprint = plannedSprint, sprint.state == .planned else {
                message = .info("\(plannedSprint?.name ?? "No sprint") is not a planned sprint; \(keyName(.sprints(.nextSprint))) picks another.")
                return []
            }
            if let active = project.activeSprint(on: boardID) {
                message = .error("\(active.name) is active; a board runs one sprint at a time. \(keyName(.sprints(.close))) closes it.")
                return []
            }
            mode = .sprintPrompt(SprintPrompt(sprintID: sprint.id, step: .goal, goal: sprint.goal, field: TextField(sprint.goal, selected: true)))
        case .close:
            guard let active = project.activeSprint(on: boardID) else {
                message = .info("No sprint is active on this board.")
                return []
            }
            guard let flow, let board else {
                message = .info("Still reading the cards' history; try again in a moment.")
                return []
            }
            let context = FlowContext(project: project, history: flow, board: board, now: now)
            let record = SprintRecord.compute(active, in: context, closing: now)
            let unfinished = project.cards.values.filter { $0.sprintID == active.id && !context.doneColumnIDs.contains($0.columnID) }.count
            var choices: [Confirmation.Choice] = []
            do {
                if let next = project.nextSprint(on: boardID) {
                    choices.append(.init(key: "n", label: "carries \(unfinished) to \(next.name)",
                                         effects: [.apply(try project.closeSprint(active, record: record, carryTo: next, doneColumnIDs: context.doneColumnIDs, now: now))]))
                }
                choices.append(.init(key: "b", label: unfinished == 0 ? "closes it" : "sends \(unfinished) to the backlog",
                                     effects: [.apply(try project.closeSprint(active, record: record, carryTo: nil, doneColumnIDs: context.doneColumnIDs, now: now))]))
            } catch {
                message = .failure(error)
                return []
            }
            mode = .confirm(Confirmation(question: "Close \(active.name): \(record.completed.cards) done, \(unfinished) unfinished.", choices: choices,
                                         declined: "\(active.name) goes on."))
        case .previousSprint, .nextSprint:
            let open = openSprints
            guard !open.isEmpty else {
                message = .info("No open sprint on this board. Add one with: gantry sprint add NAME")
                return []
            }
            let current = plannedSprint.flatMap { s in open.firstIndex { $0.id == s.id } } ?? 0
            self.sprints.sprintID = open[min(max(0, current + (action == .nextSprint ? 1 : -1)), open.count - 1)].id
            self.sprints.selected[1] = 0
            refreshPlanning()
        }
        return []
    }

    /// Left and right change sides; up and down move on the side in focus.
    mutating func moveInSprints(_ motion: Motion, height: Int) {
        let side = self.sprints.pane == .backlog ? 0 : 1
        let count = side == 0 ? self.sprints.backlog.count : self.sprints.planned.count
        let page = max(1, height - 8)
        var i = self.sprints.selected[side]
        switch motion {
        case .left: self.sprints.pane = .backlog; return
        case .right: self.sprints.pane = .sprint; return
        case .up: i -= 1
        case .down: i += 1
        case .top: i = 0
        case .bottom: i = count - 1
        case .pageUp: i -= page
        case .pageDown: i += page
        }
        self.sprints.selected[side] = min(max(0, i), max(0, count - 1))
    }

    /// Answers the start prompt: the goal, then the end day; then the sprint starts.
    mutating func sprintPromptKey(_ key: Key, _ prompt: SprintPrompt) -> [Effect] {
        switch self.prompt(key, prompt.field) {
        case .editing(let field):
            var p = prompt
            p.field = field
            mode = .sprintPrompt(p)
        case .cancelled:
            mode = .board
            message = .info("Not started.")
        case .submitted(let text):
            guard let sprint = project.sprints[prompt.sprintID] else { mode = .board; return [] }
            if prompt.step == .goal {
                let end = sprint.end ?? WorkingDays(calendar: project.calendar(today: today), from: today, through: today)
                    .adding(ProjectSnapshot.defaultSprintLength - (project.calendar(today: today).isWorking(today) ? 1 : 0), after: today)
                mode = .sprintPrompt(SprintPrompt(sprintID: sprint.id, step: .end, goal: text, field: TextField(end.description, selected: true)))
                return []
            }
            guard let end = Day.parse(text.trimmingCharacters(in: .whitespaces), today: today) else {
                message = .error("\"\(text)\" is not a date; use YYYY-MM-DD or +2w.")
                return []
            }
            mode = .board
            do { return [.apply(try project.startSprint(sprint, goal: prompt.goal, end: end, today: today, now: now))] } catch {
                message = .failure(error)
            }
        }
        return []
    }

    var sprintsStatus: String {
        let keys = [(AppAction.sprints(.toSprint), "to sprint"), (.sprints(.toBacklog), "to backlog"), (.sprints(.start), "start"),
                    (.sprints(.close), "close"), (.sprints(.nextSprint), "other sprint")]
            .compactMap { action, label in keymap.key(for: action, in: Screen.sprints.keys).map { "\($0) \(label)" } }
        return "Sprint planning · " + keys.joined(separator: " · ")
    }
}
