import Foundation
import Planning

/// A cell of the 5×5 heat map: probability (rows) by impact (columns).
public struct HeatCell: Sendable, Equatable {
    public var probability: Int
    public var impact: Int
}

/// The RAID screen's own state: which log, sort, filter, selection, and the heat map's focus.
public struct RaidScreenState: Sendable {
    public var log: RaidType = .risk
    public var sort = RaidOrder.score
    public var filterText = ""
    public var filter: RaidFilter?
    public var selectedID: String?
    public var heatmapFocused = false
    /// The heat-map cell the table is narrowed to, if any.
    public var cell: HeatCell?
    public var residual = false
    public var scroll = 0
    public var trends: [String: RiskTrend] = [:]
}

extension AppState {
    /// The items the RAID table shows: this log, the filter, the heat-map cell; open items
    /// unless the filter asks about status; in the chosen order.
    public var raidRows: [RaidItem] {
        let shows = raidShows
        let items = project.raidItems.values.filter(shows)
        return self.raid.sort.sorted(items, residual: self.raid.residual)
    }

    /// Whether the RAID table shows an item (its rows, without putting them in order); what it
    /// needs from the filter is read once, since it is asked about every item of every frame.
    var raidShows: (RaidItem) -> Bool {
        let r = self.raid
        let mentionsStatus = r.filterText.contains("status:") || r.filterText.contains("is:closed")
        return { item in
            item.type == r.log && (mentionsStatus || !item.isClosed) && (r.filter?.matches(item) ?? true)
                && (r.cell.map { Self.heatPosition(item, residual: r.residual) == $0 } ?? true)
        }
    }

    /// Where a risk sits on the heat map in the current view (inherent or residual).
    public func heatPosition(_ item: RaidItem) -> HeatCell? { Self.heatPosition(item, residual: self.raid.residual) }

    static func heatPosition(_ item: RaidItem, residual: Bool) -> HeatCell? {
        let p = residual ? item.residualProbability : item.probability
        let i = residual ? item.residualImpact : item.impact
        return p.flatMap { pp in i.map { HeatCell(probability: pp, impact: $0) } }
    }

    /// Open risks per heat-map cell (respecting the text filter, not the cell).
    public var heatCounts: [Int] {
        var counts = [Int](repeating: 0, count: 25)
        for item in project.raidItems.values where item.type == .risk && !item.isClosed && (self.raid.filter?.matches(item) ?? true) {
            if let c = heatPosition(item) { counts[(c.probability - 1) * 5 + c.impact - 1] += 1 }
        }
        return counts
    }


    public var selectedRaidItem: RaidItem? { self.raid.selectedID.flatMap { project.raidItems[$0] } }

    /// Keeps the RAID selection on a visible row.
    mutating func keepRaidSelection() {
        // Checked on every change anyone makes: the selected row only, the list only when it went.
        if let item = self.raid.selectedID.flatMap({ project.raidItems[$0] }), raidShows(item) { return }
        self.raid.selectedID = raidRows.first?.id
    }
}
