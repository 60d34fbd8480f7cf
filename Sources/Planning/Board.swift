/// A kanban board: its columns hang off it by `boardID`. A project may have several.
public struct Board: DescribedEntity, Hashable {
    public static let kind = EntityKind.board
    public static let stored: [StoredField<Board>] = [
        .text("id", get: { $0.id }, set: { $0.id = $1 }, required: true),
        .text("name", get: { $0.name }, set: { $0.name = $1 }, required: true),
        .count("position", get: { $0.position }, set: { $0.position = $1 }),
    ]
    public static let fieldNames = stored.map(\.name)
    public static let blank = Board(id: "", name: "", position: 0)

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
        .text("id", get: { $0.id }, set: { $0.id = $1 }, required: true),
        .text("boardID", get: { $0.boardID }, set: { $0.boardID = $1 }, required: true),
        .text("name", get: { $0.name }, set: { $0.name = $1 }, required: true),
        .count("position", get: { $0.position }, set: { $0.position = $1 }),
        .optionalCount("wipLimit", get: { $0.wipLimit }, set: { $0.wipLimit = $1 }),
        .choice("category", get: { $0.category }, set: { $0.category = $1 }, orElse: .todo),
    ]
    public static let fieldNames = stored.map(\.name)
    public static let blank = Column(id: "", boardID: "", name: "", position: 0, category: .todo)

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
