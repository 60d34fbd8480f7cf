import Planning

/// The board's own state: selection, scroll, lanes and filter. The arranged columns
/// (`AppState.view`) stay with the app, since the stand-up walks them too.
public struct BoardScreenState: Sendable {
    public var swimlanes: Swimlanes = .none
    public var filterText = ""
    public var filter: CardFilter?
    /// Selected column (index into the board's columns) and card (by id, so it survives reorders).
    public var selectedColumn = 0
    public var selectedCardID: String?
    /// First visible column, and the first visible row offset per column (or lane mode's whole board).
    public var columnScroll = 0
    public var rowScroll: [Int: Int] = [:]
    public var laneScroll = 0
    /// Row to fall back to when the selected card disappears (deleted, filtered out).
    public var selectedRowHint = 0
}
