import Foundation

/// Each task's percent complete over time, from the journal: what earned value at a past date
/// is computed from. A live session appends the changes it sees.
public struct ProgressHistory: Sendable {
    /// Per task, (moment, percent complete from then on; nil once deleted), in time order.
    public private(set) var events: [String: [(at: Date, progress: Int?)]] = [:]

    public init() {}

    /// Adds what a change did to tasks' progress.
    public mutating func record(_ change: Change, at: Date) {
        for edit in change.edits where edit.kind == .task {
            switch edit.operation {
            case .delete: events[edit.id, default: []].append((at, nil))
            case .create: events[edit.id, default: []].append((at, edit.field("progress")?.to.int.map(Int.init) ?? 0))
            case .update:
                if let value = edit.field("progress")?.to.int { events[edit.id, default: []].append((at, Int(value))) }
            }
        }
    }

    /// The task's percent complete at the end of `day` (local time), nil when nothing is known.
    public func progress(of taskID: String, endOf day: Day) -> Int? {
        guard let list = events[taskID] else { return nil }
        let moment = day.adding(days: 1).start()
        var found: Int?? = nil
        for event in list where event.at < moment { found = .some(event.progress) }
        return found ?? nil
    }
}
