/// What a RAID item can be linked to: a card or a timeline task, named by its key. One resolver
/// for every front end (`raid link`, `risk add --link`, the form's Links field), so the same key
/// means the same thing everywhere and a key that could name two things is refused.
public enum LinkTarget: Equatable, Sendable {
    case card(Card)
    case task(PlanTask)

    public var id: String {
        switch self {
        case .card(let c): return c.id
        case .task(let t): return t.id
        }
    }

    public var key: String {
        switch self {
        case .card(let c): return c.key
        case .task(let t): return t.key
        }
    }
}

extension ProjectSnapshot {
    public func linkTarget(key: String) throws -> LinkTarget {
        let card = try? self.card(key: key)
        let task = try? self.task(key: key)
        switch (card, task) {
        case let (card?, nil): return .card(card)
        case let (nil, task?): return .task(task)
        case (.some, .some):
            throw PlanningError.refused("\(key.uppercased()) names both a card and a task in this project (its card keys use a task prefix); rename the card prefix with a new project, or link from the card's or task's own key.")
        case (nil, nil):
            throw PlanningError.notFound(what: "card or task", name: key, hint: "Cards have keys like \(info.keyPrefix)-12, tasks like T-4")
        }
    }

    /// Every link target a RAID item has, cards first, in key order.
    public func linkTargets(of item: RaidItem) -> [LinkTarget] {
        linkedCards(of: item).map(LinkTarget.card) + linkedTasks(of: item).map(LinkTarget.task)
    }

    public func link(_ item: RaidItem, to target: LinkTarget) throws -> Change {
        let link = RaidLink(itemID: item.id, targetID: target.id)
        guard raidLinks[link.id] == nil else { throw PlanningError.refused("\(item.key) is already linked to \(target.key).") }
        return Change(summary: "linked \(item.key) to \(target.key)", edits: [link.creation()])
    }

    public func unlink(_ item: RaidItem, from target: LinkTarget) throws -> Change {
        guard let link = raidLinks[RaidLink(itemID: item.id, targetID: target.id).id] else {
            throw PlanningError.refused("\(item.key) is not linked to \(target.key).")
        }
        return Change(summary: "unlinked \(item.key) from \(target.key)", edits: [link.deletion()])
    }
}
