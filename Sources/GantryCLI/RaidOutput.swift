import Foundation
import Planning
import PlanStore

/// How RAID items print: a table per type for people, every field for scripts.
enum RaidOutput {
    static func json(_ item: RaidItem, _ p: ProjectSnapshot, trend: RiskTrend?) -> JSON {
        var pairs: [(String, JSON)] = [
            ("key", .string(item.key)), ("id", .string(item.id)), ("type", .string(item.type.rawValue)),
            ("title", .string(item.title)), ("description", .string(item.description)), ("owner", JSON(item.owner)),
            ("status", .string(item.status)), ("category", .string(item.category)),
        ]
        switch item.type {
        case .risk:
            pairs += [
                ("opportunity", .bool(item.opportunity)), ("cause", .string(item.cause)), ("event", .string(item.event)),
                ("effect", .string(item.effect)), ("probability", int(item.probability)), ("impact", int(item.impact)),
                ("score", int(item.score)), ("band", JSON(item.score.map { p.info.bands.band($0).rawValue })),
                ("residualProbability", int(item.residualProbability)), ("residualImpact", int(item.residualImpact)),
                ("residualScore", int(item.residualScore)), ("strategy", JSON(item.strategy?.rawValue)),
                ("actions", .string(item.actions)), ("trigger", .string(item.trigger)), ("contingency", .string(item.contingency)),
                ("proximity", JSON(item.proximity?.description)), ("reviewDate", JSON(item.reviewDate?.description)),
                ("trend", JSON(trend?.rawValue)),
            ]
        case .issue:
            pairs += [("severity", JSON(item.severity)), ("due", JSON(item.due?.description)), ("resolution", .string(item.resolution)),
                      ("origin", JSON(item.origin.flatMap { p.raidItems[$0]?.key }))]
        case .assumption:
            pairs += [("validateBy", JSON(item.due?.description)), ("resolution", .string(item.resolution))]
        case .dependency:
            pairs += [("on", .string(item.dependsOn)), ("neededBy", JSON(item.due?.description))]
        case .decision:
            pairs += [("decidedBy", JSON(item.decidedBy)), ("decidedOn", JSON(item.decidedOn?.description)),
                      ("rationale", .string(item.rationale)), ("alternatives", .string(item.alternatives))]
        }
        pairs += [
            ("reviewDate", JSON(item.reviewDate?.description)),
            ("links", .array(p.linkedCards(of: item).map { .string($0.key) })),
            ("tasks", .array(p.linkedTasks(of: item).map { .string($0.key) })),
            ("createdAt", .string(Timestamp.iso(item.createdAt))), ("closedAt", JSON(item.closedAt.map(Timestamp.iso))),
        ]
        // A field added to RaidField appears here without more code: after the documented
        // ones, under its JSON name, for the logs it belongs to.
        for field in RaidField.stored where field.kind != .system && field.logs.contains(item.type) {
            let name = field.jsonName(for: item.type)
            if !pairs.contains(where: { $0.0 == name }) { pairs.append((name, json(field, field.value(of: item)))) }
        }
        var seen = Set<String>()
        return .object(pairs.filter { seen.insert($0.0).inserted })
    }

    private static func int(_ v: Int?) -> JSON { v.map { .int($0) } ?? .null }

    /// A described field's value as JSON: flags as booleans, numbers as numbers, the rest as text.
    private static func json(_ field: RaidField, _ value: Value) -> JSON {
        switch value {
        case .null: return .null
        case .int(let i): return field.kind == .flag ? .bool(i == 1) : .int(Int(i))
        case .real(let d): return .number(d)
        case .text(let t): return .string(t)
        }
    }

    static func table(_ items: [RaidItem], type: RaidType, _ p: ProjectSnapshot, trends: [String: RiskTrend]) -> String {
        switch type {
        case .risk:
            var t = TextTable("KEY", "SCORE", "BAND", "TREND", "OWNER", "RESPONSE", "PROXIMITY", "REVIEW", "STATUS", "TITLE")
            for r in items {
                t.add([r.key, r.score.map { "\($0) (\(r.probability!)×\(r.impact!))" } ?? "-", r.score.map { p.info.bands.band($0).rawValue } ?? "-",
                       trends[r.id]?.arrow ?? "→", r.owner ?? "-", r.strategy?.rawValue ?? "-", r.proximity?.description ?? "-",
                       r.reviewDate?.description ?? "-", r.status, (r.opportunity ? "[opportunity] " : "") + r.title])
            }
            return t.rendered()
        case .issue:
            var t = TextTable("KEY", "SEVERITY", "OWNER", "DUE", "STATUS", "TITLE")
            for r in items { t.add([r.key, r.severity ?? "-", r.owner ?? "-", r.due?.description ?? "-", r.status, r.title]) }
            return t.rendered()
        case .assumption:
            var t = TextTable("KEY", "OWNER", "VALIDATE BY", "STATUS", "TITLE")
            for r in items { t.add([r.key, r.owner ?? "-", r.due?.description ?? "-", r.status, r.title]) }
            return t.rendered()
        case .dependency:
            var t = TextTable("KEY", "ON", "OWNER", "NEEDED BY", "STATUS", "TITLE")
            for r in items { t.add([r.key, r.dependsOn.isEmpty ? "-" : r.dependsOn, r.owner ?? "-", r.due?.description ?? "-", r.status, r.title]) }
            return t.rendered()
        case .decision:
            var t = TextTable("KEY", "DATE", "DECIDED BY", "STATUS", "TITLE")
            for r in items { t.add([r.key, r.decidedOn?.description ?? "-", r.decidedBy ?? "-", r.status, r.title]) }
            return t.rendered()
        }
    }

    /// Trend arrows for risks, from each risk's journal history.
    static func trends(_ items: [RaidItem], store: any ProjectStoring, now: Date) throws -> [String: RiskTrend] {
        try store.riskTrends(of: items.filter { $0.type == .risk }, now: now)
    }
}
