import ArgumentParser
import Planning

struct BoardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "board", abstract: "Add, list and rename boards.",
        subcommands: [Add.self, List.self, Rename.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a board (Backlog, To do, In progress, Review, Done unless --columns).")
        @Argument var name: String
        @Option(help: "Comma-separated column names.") var columns: String?
        @OptionGroup var project: ProjectOption

        func run() throws {
            let s = try project.open()
            let names = columns.map { $0.split(separator: ",").map { String($0) } }
            if let names, names.isEmpty { throw CLIError.usage("--columns: give at least one column name.") }
            try s.commit(try s.snapshot.addBoard(name: name, columns: names))
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List boards with their columns.")
        @Flag(help: "Print JSON.") var json = false
        @OptionGroup var project: ProjectOption

        func run() throws {
            let s = try project.open()
            let boards = s.snapshot.sortedBoards
            if json {
                s.print(JSON.array(boards.map { b in
                    JSON.object([("name", .string(b.name)), ("columns", .array(s.snapshot.columns(of: b.id).map { ColumnCommand.json($0, s.snapshot) }))])
                }).rendered())
                return
            }
            var table = TextTable("BOARD", "COLUMNS")
            for b in boards {
                let cols = s.snapshot.columns(of: b.id).map { c in "\(c.name) (\(s.snapshot.activeCount(inColumn: c.id))\(c.wipLimit.map { "/\($0)" } ?? ""))" }
                table.add([b.name, cols.joined(separator: " → ")])
            }
            s.print(boards.isEmpty ? "No boards yet. Add one with: gantry board add NAME" : table.rendered(maxLastColumn: 200))
        }
    }

    struct Rename: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Rename a board.")
        @Argument var board: String
        @Argument var newName: String
        @OptionGroup var project: ProjectOption

        func run() throws {
            let s = try project.open()
            try s.commit(try s.snapshot.renameBoard(try s.board(board), to: newName))
        }
    }
}

struct ColumnCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "column", abstract: "Add, rename, limit, reorder and remove board columns.",
        subcommands: [List.self, Add.self, Rename.self, WIP.self, Move.self, Remove.self])

    static func json(_ c: Column, _ p: ProjectSnapshot) -> JSON {
        JSON.object([("name", .string(c.name)), ("position", .int(c.position + 1)), ("category", .string(c.category.rawValue)),
                     ("wipLimit", c.wipLimit.map { JSON.int($0) } ?? .null), ("cards", .int(p.activeCount(inColumn: c.id)))])
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List a board's columns.")
        @Option(help: "Board name (default: the first board).") var board: String?
        @Flag(help: "Print JSON.") var json = false
        @OptionGroup var project: ProjectOption

        func run() throws {
            let s = try project.open()
            let cols = s.snapshot.columns(of: try s.board(board).id)
            if json { s.print(JSON.array(cols.map { ColumnCommand.json($0, s.snapshot) }).rendered()); return }
            var table = TextTable("#", "COLUMN", "CATEGORY", "CARDS", "WIP")
            for c in cols {
                table.add(["\(c.position + 1)", c.name, c.category.rawValue, "\(s.snapshot.activeCount(inColumn: c.id))", c.wipLimit.map(String.init) ?? "-"])
            }
            s.print(table.rendered())
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a column.")
        @Argument var name: String
        @Option(help: "Board name (default: the first board).") var board: String?
        @Option(help: "WIP limit, 1–999.") var wip: Int?
        @Option(help: "backlog, todo, doing or done (default: doing).") var category: String?
        @Option(help: "1-based position (default: last).") var position: Int?
        @OptionGroup var project: ProjectOption

        func run() throws {
            let s = try project.open()
            let cat: ColumnCategory? = try category.map { try ArgumentValues.choice($0, "--category") }
            try s.commit(try s.snapshot.addColumn(to: try s.board(board), name: name, wipLimit: wip, category: cat, position: position))
        }
    }

    struct Rename: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Rename a column.")
        @Argument var column: String
        @Argument var newName: String
        @Option(help: "Board name (default: the first board).") var board: String?
        @OptionGroup var project: ProjectOption

        func run() throws {
            let s = try project.open()
            try s.commit(try s.snapshot.renameColumn(try s.snapshot.column(named: column, on: try s.board(board)), to: newName))
        }
    }

    struct WIP: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "wip", abstract: "Set or clear (none) a column's WIP limit.")
        @Argument var column: String
        @Argument(help: "1–999, or none.") var limit: String
        @Option(help: "Board name (default: the first board).") var board: String?
        @OptionGroup var project: ProjectOption

        func run() throws {
            let s = try project.open()
            let value: Int?
            if limit.lowercased() == "none" { value = nil } else {
                guard let n = Int(limit) else { throw CLIError.usage("WIP limit: \"\(limit)\" is not a number; use 1–999 or none.") }
                value = n
            }
            try s.commit(try s.snapshot.setWIPLimit(try s.snapshot.column(named: column, on: try s.board(board)), to: value))
        }
    }

    struct Move: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Move a column to a 1-based position.")
        @Argument var column: String
        @Argument var position: Int
        @Option(help: "Board name (default: the first board).") var board: String?
        @OptionGroup var project: ProjectOption

        func run() throws {
            let s = try project.open()
            try s.commit(try s.snapshot.moveColumn(try s.snapshot.column(named: column, on: try s.board(board)), to: position))
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "rm", abstract: "Remove a column (empty, or with --to to move its cards).")
        @Argument var column: String
        @Option(help: "Move the column's cards to this column first.") var to: String?
        @Option(help: "Board name (default: the first board).") var board: String?
        @OptionGroup var project: ProjectOption

        func run() throws {
            let s = try project.open()
            let b = try s.board(board)
            let dest = try to.map { try s.snapshot.column(named: $0, on: b) }
            try s.commit(try s.snapshot.removeColumn(try s.snapshot.column(named: column, on: b), movingCardsTo: dest, now: s.now))
        }
    }
}
