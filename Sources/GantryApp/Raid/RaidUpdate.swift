import Foundation
import Planning
import TerminalUI

/// Key handling on the RAID screen.
extension AppState {
    /// Moves in the RAID log: rows of the table, or cells of the heat map; left and right
    /// switch logs in the table.
    mutating func moveInRaid(_ motion: Motion, height: Int) {
        message = nil
        let rows = raidRows
        let index = rows.firstIndex { $0.id == self.raid.selectedID }
        func select(_ i: Int) {
            guard !rows.isEmpty else { return }
            self.raid.selectedID = rows[min(max(0, i), rows.count - 1)].id
        }
        func moveCell(dp: Int, di: Int) {
            var c = self.raid.cell ?? HeatCell(probability: 3, impact: 3)
            c.probability = min(5, max(1, c.probability + dp))
            c.impact = min(5, max(1, c.impact + di))
            self.raid.cell = c
            self.raid.selectedID = nil
            keepRaidSelection()
        }
        switch motion {
        case .up: if self.raid.heatmapFocused { moveCell(dp: 1, di: 0) } else { select((index ?? 0) - 1) }
        case .down: if self.raid.heatmapFocused { moveCell(dp: -1, di: 0) } else { select((index ?? -1) + 1) }
        case .left: if self.raid.heatmapFocused { moveCell(dp: 0, di: -1) } else { switchLog(by: -1) }
        case .right: if self.raid.heatmapFocused { moveCell(dp: 0, di: 1) } else { switchLog(by: 1) }
        case .top: select(0)
        case .bottom: select(rows.count - 1)
        case .pageUp: select((index ?? 0) - max(1, height - 14))
        case .pageDown: select((index ?? 0) + max(1, height - 14))
        }
    }

    /// The RAID log's own keys.
    mutating func performRaid(_ action: RaidAction) -> [Effect] {
        message = nil
        switch action {
        case .nextLog: switchLog(by: 1)
        case .previousLog: switchLog(by: -1)
        case .toggleHeatmap:
            guard self.raid.log == .risk else { message = .info("The heat map belongs to the risk log."); return [] }
            self.raid.heatmapFocused.toggle()
            if self.raid.heatmapFocused, self.raid.cell == nil, let item = selectedRaidItem, let c = heatPosition(item) {
                self.raid.cell = c
                keepRaidSelection()
            }
            message = .info(self.raid.heatmapFocused ? "Heat map: arrows pick a cell and the table shows its risks; \(keyName(.global(.clearFilter))) shows all." : "Table.")
        case .toggleResidual:
            self.raid.residual.toggle()
            self.raid.cell = nil
            keepRaidSelection()
            message = .info(self.raid.residual ? "Heat map and scores after the response (residual)." : "Heat map and scores before the response (inherent).")
        case .cycleSort:
            let sorts = RaidOrder.allCases
            self.raid.sort = sorts[((sorts.firstIndex(of: self.raid.sort) ?? 0) + 1) % sorts.count]
            message = .info("Sorted by \(self.raid.sort).")
        case .newItem: mode = .raidForm(RaidForm(item: nil, type: self.raid.log, project: project))
        case .editItem:
            guard let item = selectedRaidItem else { message = .error("Nothing selected; \(keyName(.raid(.newItem))) adds one."); return [] }
            mode = .raidForm(RaidForm(item: item, type: item.type, project: project))
        case .deleteItem:
            guard let item = selectedRaidItem else { return [] }
            mode = .confirmDeleteRaid(itemID: item.id)
        case .closeItem:
            guard let item = selectedRaidItem else { return [] }
            do {
                // An assumption closes one of two ways, and the log must say which.
                let outcomes = item.type == .assumption ? [("v", "validated"), ("i", "invalid")] : [("y", item.type.closeStatus)]
                let choices = try outcomes.map { key, status in
                    Confirmation.Choice(key: Character(key), label: "closes it as \(status)", effects: [.apply(try project.closeRaid(item, status: status, now: now))])
                }
                mode = .confirm(Confirmation(question: "Close \(item.key)?", choices: choices, declined: "\(item.key) stays open."))
            } catch { message = .failure(error) }
        case .occurRisk:
            guard let item = selectedRaidItem else { return [] }
            do {
                let change = try project.occur(item, now: now, issueID: newID())
                mode = .confirm(.yes("\(item.key) happened?", "marks it occurred and opens an issue with its links", [.apply(change)],
                                     declined: "\(item.key) is unchanged."))
            } catch { message = .failure(error) }
        }
        return []
    }

    /// Shows every item of the log again: no filter, no heat-map cell.
    mutating func clearRaidFilter() {
        self.raid.cell = nil
        self.raid.filter = nil
        self.raid.filterText = ""
        self.raid.heatmapFocused = false
        keepRaidSelection()
    }

    private mutating func switchLog(by step: Int) {
        let logs = RaidType.allCases
        switchLog(logs[(logs.firstIndex(of: self.raid.log)! + logs.count + step) % logs.count])
    }

    private mutating func switchLog(_ log: RaidType) {
        self.raid.log = log
        self.raid.cell = nil
        self.raid.heatmapFocused = false
        self.raid.selectedID = nil
        keepRaidSelection()
    }

    mutating func submitRaidFilter(_ text: String) -> [Effect] {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        do {
            self.raid.filter = trimmed.isEmpty ? nil : try RaidFilter(try Query(trimmed), project: project, today: today, me: actor)
            self.raid.filterText = trimmed
            keepRaidSelection()
            message = .info(trimmed.isEmpty ? "Filter cleared." : "\(raidRows.count) match \(trimmed).")
        } catch {
            reportFilterError(error, text: text)
        }
        return []
    }

    /// Saves the RAID form: its change, or the form kept open with the fields to fix.
    mutating func save(_ form: RaidForm) -> [Effect] {
        var form = form
        defer { if case .raidForm = mode { mode = .raidForm(form) } }
        if let reason = form.base.blockingSave(keys: formKeys, label: { form.fields[$0].short }) {
            message = .error(reason)
            return []
        }
        switch form.change(project: project, today: today, now: now, newID: newID()) {
        case .failure(let e):
            form.errors = e.errors
            if let first = form.fields.firstIndex(where: { e.errors[$0] != nil }) { form.focus = first }
            message = fixTheMarked(e.errors.count)
            return []
        case .success(let change):
            mode = .board
            return change.isEmpty ? [] : [.apply(change)]
        }
    }
}
