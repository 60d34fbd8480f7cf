import Foundation
import GRDB
import Testing
import Planning
@testable import PlanStore

/// Each entity's fields are listed once (`DescribedEntity.stored`, and `RaidField` for RAID
/// items); the store's tables must hold exactly those, so a field without its migration, or a
/// column without its field, fails here.
@Suite struct DescribedFieldsTests {
    @Test(arguments: EntityKind.allCases) func everyTableHasAColumnForEveryListedFieldAndNoOther(kind: EntityKind) throws {
        let project = try TempProject()
        let columns = try project.file.reader.read { db in
            try Row.fetchAll(db, sql: "PRAGMA table_info(\(Schema.table(for: kind)))").map { $0["name"] as String }
        }
        #expect(Set(columns) == Set(kind.fieldNames), "\(kind)")
        #expect(columns.count == kind.fieldNames.count, "\(kind): no field listed twice")
    }

    @Test func theRaidTableHasAColumnForEveryDescribedFieldAndNoOther() throws {
        let project = try TempProject()
        let columns = try project.file.reader.read { db in
            try Row.fetchAll(db, sql: "PRAGMA table_info(\(Schema.table(for: .raid)))").map { $0["name"] as String }
        }
        #expect(Set(columns) == Set(RaidField.stored.map(\.name)))
        #expect(RaidItem.fieldNames == RaidField.stored.map(\.name), "the entity's stored names are the descriptors'")
    }

    @Test func everyDescribedFieldSurvivesTheStoreUnchanged() throws {
        let project = try TempProject()
        var p = try project.store.load()
        var draft = RaidDraft()
        let today = Day("2026-11-26")!
        let samples: [RaidField: String] = [
            .title: "Vendor slips", .owner: "ana", .status: "monitoring", .category: "vendor", .cause: "one supplier",
            .event: "they slip", .effect: "launch moves", .probability: "4", .impact: "5", .residualProbability: "2",
            .residualImpact: "3", .opportunity: "no", .strategy: "mitigate", .actions: "second source", .trigger: "missed drop",
            .contingency: "buy time", .proximity: "2026-12-10", .reviewDate: "+7d", .resolution: "n/a", .description: "Long text",
        ]
        try project.store.apply(try p.addMember(handle: "ana", name: "Ana", role: nil, capacity: nil, costRate: nil), actor: "ana", at: TempProject.now)
        p = try project.store.load()
        for (field, text) in samples { draft[field] = try field.parse(text, today: today) }
        try project.store.apply(try p.addRaid(.risk, draft, now: TempProject.now), actor: "ana", at: TempProject.now)
        let item = try #require(try project.store.load().raidItems.values.first)
        for (field, text) in samples {
            #expect(field.value(of: item) == (try field.parse(text, today: today)).normalised(for: field), "\(field.name)")
        }
    }
}

private extension Value {
    /// Statuses are stored lower-case; everything else as parsed.
    func normalised(for field: RaidField) -> Value { field == .status ? .text(string?.lowercased() ?? "") : self }
}
