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
            case "board":
                let b = try project.board(named: arg.isEmpty ? nil : arg)
                boardID = b.id
                selectedColumn = 0
                selectedCardID = nil
                columnScroll = 0
                rowScroll = [:]
                refreshView()
                selectFirstCard()
                message = .info("Board \(b.name).")
            case "swimlanes", "lanes":
                guard let mode = Swimlanes(rawValue: arg.lowercased()) else {
                    message = .error("Use :swimlanes none, assignee, priority or epic.")
                    return []
                }
                swimlanes = mode
                laneScroll = 0
                refreshView()
            case "move":
                guard let card = selectedCard, let board else { message = .error("No card selected."); return [] }
                let column = try project.column(named: arg, on: board)
                return [.apply(try project.moveCard(card, to: column, at: .top, now: now))]
            case "wip":
                guard let column = view.columns[safe: selectedColumn] else { return [] }
                let limit: Int? = arg.lowercased() == "none" ? nil : Int(arg)
                if limit == nil && arg.lowercased() != "none" {
                    message = .error("Use :wip followed by a number from 1 to 999, or none.")
                    return []
                }
                return [.apply(try project.setWIPLimit(column, to: limit))]
            case "new":
                guard let board, let column = view.columns[safe: selectedColumn] else { return [] }
                return [.apply(try project.addCard(CardDraft(title: arg), board: board, column: column, force: true, now: now))]
            default:
                message = .error("Unknown command :\(name). Try \(Commands.all.map(\.name).joined(separator: ", ")).")
            }
        } catch {
            message = .error("\(error)")
        }
        return []
    }
}
