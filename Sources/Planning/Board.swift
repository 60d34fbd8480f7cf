/// A kanban board: its columns hang off it by `boardID`. A project may have several.
public struct Board: Entity, Hashable {
    public static let kind = EntityKind.board
    public static let fieldNames = ["id", "name", "position"]

    public var id: String
    public var name: String
    public var position: Int

    public init(id: String, name: String, position: Int) {
        self.id = id
        self.name = name
        self.position = position
    }

    public var label: String { name }
    public var fields: [String: Value] { ["id": .text(id), "name": .text(name), "position": Value(position)] }

    public init(from r: inout FieldReader) throws {
        self.init(id: try r.text("id"), name: try r.text("name"), position: r.int("position") ?? 0)
    }
}

/// What stage of flow a column represents; flow metrics (cycle time, cumulative flow) rely on it.
public enum ColumnCategory: String, Sendable, CaseIterable, Codable {
    case backlog, todo, doing, done
}

/// A board column, with an optional work-in-progress limit.
public struct Column: Entity, Hashable {
    public static let kind = EntityKind.column
    public static let fieldNames = ["id", "boardID", "name", "position", "wipLimit", "category"]

    public var id: String
    public var boardID: String
    public var name: String
    public var position: Int
    public var wipLimit: Int?
    public var category: ColumnCategory

    public init(id: String, boardID: String, name: String, position: Int, wipLimit: Int? = nil, category: ColumnCategory) {
        self.id = id
        self.boardID = boardID
        self.name = name
        self.position = position
        self.wipLimit = wipLimit
        self.category = category
    }

    public var label: String { name }

    public var fields: [String: Value] {
        ["id": .text(id), "boardID": .text(boardID), "name": .text(name), "position": Value(position),
         "wipLimit": Value(wipLimit), "category": .text(category.rawValue)]
    }

    public init(from r: inout FieldReader) throws {
        self.init(id: try r.text("id"), boardID: try r.text("boardID"), name: try r.text("name"),
                  position: r.int("position") ?? 0, wipLimit: r.int("wipLimit"),
                  category: ColumnCategory(rawValue: r.optionalText("category") ?? "") ?? .todo)
    }
}
