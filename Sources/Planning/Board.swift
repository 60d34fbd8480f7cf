/// A kanban board: its columns hang off it by `boardID`. A project may have several.
public struct Board: DescribedEntity, Hashable {
    public static let kind = EntityKind.board
    public static let stored: [StoredField<Board>] = [.text("id", \.id, required: true), .text("name", \.name, required: true), .count("position", \.position)]
    public static let fieldNames = stored.map(\.name)
    public static var blank: Board { Board(id: "", name: "", position: 0) }

    public var id: String
    public var name: String
    public var position: Int

    public init(id: String, name: String, position: Int) {
        self.id = id
        self.name = name
        self.position = position
    }

    public var label: String { name }
}

/// What stage of flow a column represents; flow metrics (cycle time, cumulative flow) rely on it.
public enum ColumnCategory: String, Sendable, CaseIterable, Codable {
    case backlog, todo, doing, done
}

/// A board column, with an optional work-in-progress limit.
public struct Column: DescribedEntity, Hashable {
    public static let kind = EntityKind.column
    public static let stored: [StoredField<Column>] = [
        .text("id", \.id, required: true), .text("boardID", \.boardID, required: true), .text("name", \.name, required: true),
        .count("position", \.position), .optionalCount("wipLimit", \.wipLimit), .choice("category", \.category, orElse: .todo),
    ]
    public static let fieldNames = stored.map(\.name)
    public static var blank: Column { Column(id: "", boardID: "", name: "", position: 0, category: .todo) }

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
}
