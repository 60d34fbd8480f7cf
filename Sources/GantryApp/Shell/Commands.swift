import Planning

/// The `:` command line: longer requests that do not deserve a key.
enum Commands {
    static let all: [(name: String, usage: String, help: String)] = [
        ("board", "board NAME", "switch to another board"),
        ("filter", "filter [QUERY]", "filter cards; no query clears"),
        ("swimlanes", "swimlanes none|assignee|priority|epic", "group cards into lanes"),
        ("move", "move COLUMN", "move the selected card to a column"),
        ("wip", "wip N|none", "set the selected column's WIP limit"),
        ("new", "new TITLE", "add a card to the selected column"),
        ("dep", "dep T-n [FS|SS|FF|SF] [lag]", "timeline: the selected task depends on T-n"),
        ("undep", "undep T-n", "timeline: remove that dependency"),
        ("follow", "follow NAME", "mirror NAME's screen, read-only"),
        ("activity", "activity NAME|all", "show one person's changes in the activity feed"),
        ("timebox", "timebox SECONDS|M:SS", "stand-up: time each speaker has"),
        ("help", "help", "show the keys and these commands"),
        ("quit", "quit (or q)", "leave Gantry"),
    ]
}

extension AppState {
    mutating func submitCommand(_ text: String, layout: BoardLayout) -> [Effect] {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return [] }
        let name = String(trimmed.prefix { $0 != " " }).lowercased()
        let arg = trimmed.dropFirst(name.count).trimmingCharacters(in: .whitespaces)
        do {
            switch name {
            case "q", "quit": return [.quit]
            case "help": mode = .help(scroll: 0)
            case "dep", "undep": return try dependencyCommand(name, arg)
            case "filter": return submitFilter(arg)
            case "follow":
                guard !arg.isEmpty else { message = .error("Name whom to follow: :follow NAME."); return [] }
                return [.follow(arg)]
            case "activity":
                sharing.activityPerson = arg.isEmpty || arg == "all" ? nil : arg
                sharing.panelOpen = true
                message = .info("Activity: \(sharing.activityPerson ?? "everyone").")
            case "timebox":
                guard let seconds = Self.duration(arg), seconds >= 10, seconds <= 3600 else {
                    message = .error("Give the timebox as seconds or M:SS, from 10 seconds to 60 minutes (e.g. :timebox 90 or :timebox 2:00).")
                    return []
                }
                self.standup.timebox = seconds
                self.standup.clock?.timebox = seconds
                message = .info("Each speaker has \(StandupClock.format(seconds)).")
            case "board":
                let b = try project.board(named: arg.isEmpty ? nil : arg)
                boardID = b.id
                self.selectedColumn = 0
                self.selectedCardID = nil
                self.columnScroll = 0
                self.rowScroll = [:]
                refreshView()
                selectFirstCard()
                message = .info("Board \(b.name).")
            case "swimlanes", "lanes":
                guard let mode = Swimlanes(rawValue: arg.lowercased()) else {
                    message = .error("Use :swimlanes none, assignee, priority or epic.")
                    return []
                }
                self.swimlanes = mode
                self.laneScroll = 0
                refreshView()
            case "move":
                guard let card = selectedCard, let board else { message = .error("No card selected."); return [] }
                let column = try project.column(named: arg, on: board)
                if let refusal = wipRefusal(adding: column, card: card.key) {
                    message = .error(refusal + wipWayOut())
                    return []
                }
                return [.apply(try project.moveCard(card, to: column, at: .top, force: true, now: now))]
            case "wip":
                guard let column = view.columns[safe: self.selectedColumn] else { return [] }
                let limit: Int? = arg.lowercased() == "none" ? nil : Int(arg)
                if limit == nil && arg.lowercased() != "none" {
                    message = .error("Use :wip followed by a number from 1 to 999, or none.")
                    return []
                }
                return [.apply(try project.setWIPLimit(column, to: limit))]
            case "new":
                guard let board, let column = view.columns[safe: self.selectedColumn] else { return [] }
                if let refusal = wipRefusal(adding: column) {
                    message = .error(refusal + wipWayOut(newCard: true))
                    return []
                }
                return [.apply(try project.addCard(CardDraft(title: arg), board: board, column: column, now: now, id: newID()))]
            default:
                message = .error("Unknown command :\(name). Try \(Commands.all.map(\.name).joined(separator: ", ")).")
            }
        } catch {
            message = .failure(error)
        }
        return []
    }

    /// "90" or "1:30" as seconds.
    static func duration(_ text: String) -> Double? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        if parts.count == 1, let s = Int(parts[0]) { return Double(s) }
        if parts.count == 2, let m = Int(parts[0]), let s = Int(parts[1]), s < 60, m >= 0, s >= 0 { return Double(m * 60 + s) }
        return nil
    }
}
