/// Where things go on the board at a given terminal size. `update` uses it to keep the selection
/// in view and to hit-test mouse clicks; `render` uses the same numbers to draw.
public struct BoardLayout: Sendable, Equatable {
    public static let minimumWidth = 40
    public static let minimumHeight = 12
    public static let minimumColumnWidth = 22
    public static let cardHeight = 4

    public let width: Int
    public let height: Int
    public let columnCount: Int
    public let visibleColumns: Int
    /// First row of cards and the number of rows for them.
    public let top = 2
    public var rows: Int { max(0, height - 3) }
    public var cardsPerColumn: Int { max(1, rows / BoardLayout.cardHeight) }

    /// Cells kept free at each side for the "more columns" markers when not all columns fit.
    public let margin: Int

    public init(width: Int, height: Int, columnCount: Int) {
        self.width = width
        self.height = height
        self.columnCount = columnCount
        let fitting = (width + 1) / (BoardLayout.minimumColumnWidth + 1)
        margin = fitting < columnCount ? 3 : 0
        visibleColumns = max(1, min(columnCount, (width - 2 * margin + 1) / (BoardLayout.minimumColumnWidth + 1)))
    }

    public var isTooSmall: Bool { width < BoardLayout.minimumWidth || height < BoardLayout.minimumHeight }

    /// x and width of the i-th visible column (0-based among the visible ones).
    public func column(_ slot: Int) -> (x: Int, width: Int) {
        let gaps = visibleColumns - 1
        let usable = width - 2 * margin - gaps
        let base = usable / visibleColumns
        let extra = usable % visibleColumns
        let x = margin + slot * (base + 1) + min(slot, extra)
        return (x, base + (slot < extra ? 1 : 0))
    }

    /// The visible slot under screen column `x`, if any.
    public func slot(atX x: Int) -> Int? {
        for s in 0..<visibleColumns {
            let c = column(s)
            if x >= c.x && x < c.x + c.width { return s }
        }
        return nil
    }
}
