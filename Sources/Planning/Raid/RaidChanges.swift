import Foundation

/// Intent-named RAID changes and look-ups on the project snapshot.
extension ProjectSnapshot {
    public func raidItem(key: String) throws -> RaidItem {
        let wanted = key.uppercased()
        if let item = raidItems.values.first(where: { $0.key == wanted }) { return item }
        throw PlanningError.notFound(what: "RAID item", name: key, hint: "", remedy: .listRaidItems)
    }

    public func addRaid(_ type: RaidType, _ draft: RaidDraft, links: [LinkTarget] = [], now: Date, id: String = NewID.random()) throws -> Change {
        guard draft[.title] != nil else { throw PlanningError.invalid(field: "title", message: "must not be empty") }
        let item = try draft.applied(to: RaidItem(id: id, type: type, title: "", createdAt: now), in: self)
        let linkEdits = links.map { RaidLink(itemID: item.id, targetID: $0.id).creation() }
        return Change(summary: "added \(item.label) \"\(item.title)\"", edits: [item.creation()] + linkEdits)
    }

    public func editRaid(_ item: RaidItem, _ draft: RaidDraft, now: Date) throws -> Change {
        var updated = try draft.applied(to: item, in: self)
        if updated.isClosed != item.isClosed { updated.closedAt = updated.isClosed ? now : nil }
        guard let edit = item.update(RaidField.stored.compactMap { $0 == .id ? nil : ($0.name, $0.value(of: updated)) }) else {
            return Change(summary: "no change to \(item.key)", edits: [])
        }
        return Change.edited(item.key, edit)
    }

    public func closeRaid(_ item: RaidItem, status: String? = nil, now: Date) throws -> Change {
        let closing = status ?? item.type.closeStatus
        guard item.type.closedStatuses.contains(closing) else {
            throw PlanningError.invalid(field: "status", message: "\(closing) does not close \(item.type.withArticle); use \(item.type.closedStatuses.sorted().joined(separator: ", "))")
        }
        guard !item.isClosed || closing != item.status else { throw PlanningError.refused("\(item.key) is already \(item.status).") }
        var draft = RaidDraft()
        draft[.status] = .text(closing)
        var change = try editRaid(item, draft, now: now)
        change.summary = "closed \(item.key) as \(closing)"
        return change
    }

    public func deleteRaid(_ item: RaidItem) -> Change {
        let links = raidLinks.values.filter { $0.itemID == item.id }.sorted { $0.id < $1.id }
        return Change(summary: "deleted \(item.key) \"\(item.title)\"", edits: links.map { $0.deletion() } + [item.deletion()])
    }

    /// A risk that happened becomes an issue in one change: the risk is marked occurred, and a
    /// new issue takes its title, owner, description and links, pointing back at the risk.
    public func occur(_ risk: RaidItem, now: Date, issueID: String = NewID.random()) throws -> Change {
        guard risk.type == .risk else { throw PlanningError.invalid(field: "key", message: "\(risk.key) is \(risk.type.withArticle); only risks occur") }
        guard risk.status != "occurred" else { throw PlanningError.refused("\(risk.key) has already occurred.") }
        var close = RaidDraft()
        close[.status] = .text("occurred")
        let closing = try editRaid(risk, close, now: now)
        var issue = RaidItem(id: issueID, type: .issue, title: risk.title, createdAt: now)
        issue.description = [risk.description, risk.effect.isEmpty ? "" : "Effect: \(risk.effect)"].filter { !$0.isEmpty }.joined(separator: "\n")
        issue.owner = risk.owner
        issue.origin = risk.id
        issue.category = risk.category
        issue.severity = risk.score.map { info.bands.band($0).rawValue } ?? "medium"
        let links = raidLinks.values.filter { $0.itemID == risk.id }.sorted { $0.id < $1.id }
            .map { RaidLink(itemID: issue.id, targetID: $0.targetID).creation() }
        return Change(summary: "\(risk.key) occurred: opened \(issue.label) \"\(issue.title)\"", edits: closing.edits + [issue.creation()] + links)
    }

    /// Timeline tasks a RAID item concerns.
    public func linkedTasks(of item: RaidItem) -> [PlanTask] {
        raidLinks.values.filter { $0.itemID == item.id }.compactMap { tasks[$0.targetID] }.sorted { $0.number < $1.number }
    }

    /// Cards a RAID item concerns, by key.
    public func linkedCards(of item: RaidItem) -> [Card] {
        raidLinks.values.filter { $0.itemID == item.id }.compactMap { cards[$0.targetID] }.sorted { $0.number < $1.number }
    }

    /// RAID items that concern a card.
    public func raidItems(linkedTo card: Card) -> [RaidItem] {
        Self.inRaidOrder(raidLinks.values.filter { $0.targetID == card.id }.compactMap { raidItems[$0.itemID] })
    }

    /// The keys of the RAID items linked to each card (by card id), in the order
    /// `raidItems(linkedTo:)` gives: for listing many cards with one pass over the links.
    public func raidKeysByCard() -> [String: [String]] {
        var items: [String: [RaidItem]] = [:]
        for link in raidLinks.values {
            if let item = raidItems[link.itemID] { items[link.targetID, default: []].append(item) }
        }
        return items.mapValues { Self.inRaidOrder($0).map(\.key) }
    }

    private static func inRaidOrder(_ items: [RaidItem]) -> [RaidItem] {
        items.sorted { ($0.type.rawValue, $0.number) < ($1.type.rawValue, $1.number) }
    }

    public func setBands(_ bands: RiskBands) -> Change {
        let edit = info.update([("bandMedium", Value(bands.medium)), ("bandHigh", Value(bands.high)), ("bandCritical", Value(bands.critical))])
        return Change(summary: "set risk bands to \(bands.medium), \(bands.high), \(bands.critical)", edits: [edit].compactMap { $0 })
    }
}

extension ProjectSnapshot {
    public func setRiskAppetite(_ score: Int?) -> Change {
        let edit = info.update([("riskAppetite", Value(score))])
        return Change(summary: score.map { "set the risk appetite to \($0)" } ?? "cleared the risk appetite", edits: [edit].compactMap { $0 })
    }
}

extension ProjectInfo {
    /// The score an open risk may reach before it is over appetite.
    public var appetite: Int { riskAppetite ?? bands.high - 1 }
}

/// A risk's score over time, read back from its journal history.
public enum RiskHistory {
    /// Compares today's score with the score `days` ago, undoing later edits of probability and
    /// impact. `history` is the journal's changes to the risk, newest first.
    /// How far back a trend looks.
    public static let windowDays = 14

    /// Where the window starts at `now`: history before it does not change a trend.
    public static func windowStart(_ now: Date) -> Date { now.addingTimeInterval(-Double(windowDays) * 86_400) }

    public static func trend(of risk: RaidItem, history: [(at: Date, change: Change)], now: Date, days: Int = windowDays) -> RiskTrend {
        guard let current = risk.score else { return .steady }
        var p = risk.probability, i = risk.impact
        let cutoff = now.addingTimeInterval(-Double(days) * 86_400)
        for (at, change) in history where at > cutoff {
            for edit in change.edits where edit.id == risk.id {
                if edit.operation == .create { break }
                if let f = edit.field("probability") { p = f.from.int.map { Int($0) } }
                if let f = edit.field("impact") { i = f.from.int.map { Int($0) } }
            }
        }
        guard let before = p.flatMap({ pp in i.map { pp * $0 } }) else { return .steady }
        return current > before ? .rising : current < before ? .falling : .steady
    }
}
