import Foundation
import Planning
import PlanStore

/// The status report for scripts and dashboards: the same model as the page, field by field.
enum StatusJSON {
    static func render(_ r: StatusReport) -> JSON {
        func day(_ d: Day?) -> JSON { JSON(d?.description) }
        func raid(_ x: StatusReport.RaidEntry) -> JSON {
            .object([("key", .string(x.key)), ("title", .string(x.title)), ("status", .string(x.status)), ("owner", JSON(x.owner)),
                     ("day", .string(x.day.description)), ("detail", .string(x.detail))])
        }
        let sprint: JSON = r.sprint.map { sp in
            .object([("name", .string(sp.name)), ("goal", .string(sp.goal)), ("start", .string(sp.start.description)), ("end", .string(sp.end.description)),
                     ("workingDays", .int(sp.workingDays)), ("daysGone", .int(sp.daysGone)),
                     ("committed", .number(sp.record.committed.points)), ("added", .number(sp.record.added.points)),
                     ("removed", .number(sp.record.removed.points)), ("scope", .number(sp.scope)), ("completed", .number(sp.completed)),
                     ("burndown", .array(sp.burn.map { .object([("day", .string($0.day.description)), ("remaining", .number($0.remaining)), ("ideal", .number($0.ideal))]) }))])
        } ?? .null
        let budget: JSON = r.earnedValue.map { f in
            .object([("currency", .string(r.currency)), ("bac", .number(f.bac)), ("pv", .number(f.pv)), ("ev", .number(f.ev)), ("ac", .number(f.ac)),
                     ("cpi", JSON(f.cpi)), ("spi", JSON(f.spi)), ("eac", JSON(f.eac))])
        } ?? .null
        return .object([
            ("project", .string(r.projectName)), ("date", .string(r.today.description)), ("since", .string(r.since.description)),
            ("overall", JSON(r.overall?.rawValue)),
            ("areas", .array(r.areas.map { .object([("name", .string($0.name)), ("rag", JSON($0.rag?.rawValue)), ("rule", .string($0.rule))]) })),
            ("baseline", JSON(r.baselineName)), ("finish", day(r.finish)),
            ("milestones", .array(r.milestones.map { m in
                .object([("key", .string(m.key)), ("name", .string(m.name)), ("baseline", day(m.baseline)), ("forecast", .string(m.forecast.description)),
                         ("slipDays", m.slip.map(JSON.int) ?? .null), ("done", .bool(m.done)), ("deadline", day(m.deadline))])
            })),
            ("criticalNext", .array(r.critical.map { t in
                .object([("key", .string(t.key)), ("name", .string(t.name)), ("start", .string(t.start.description)), ("finish", .string(t.finish.description)),
                         ("progress", .int(t.progress)), ("assignees", .array(t.assignees.map(JSON.string)))])
            })),
            ("appetite", .int(r.appetite)),
            ("topRisks", .array(r.topRisks.map { k in
                .object([("key", .string(k.key)), ("title", .string(k.title)), ("probability", .int(k.probability)), ("impact", .int(k.impact)),
                         ("score", .int(k.probability * k.impact)), ("band", .string(k.band.rawValue)), ("trend", .string(k.trend.rawValue)),
                         ("owner", JSON(k.owner)), ("response", .string(k.response)), ("overAppetite", .bool(k.overAppetite)), ("reviewDate", day(k.reviewDue))])
            })),
            ("heatMap", .array(r.heat.map { .array($0.map(JSON.int)) })),
            ("decisions", .array(r.decisions.map(raid))), ("issues", .array(r.issues.map(raid))),
            ("blockers", .array(r.blockers.map { b in
                .object([("key", .string(b.key)), ("title", .string(b.title)), ("reason", .string(b.reason)), ("assignee", JSON(b.assignee)), ("column", .string(b.column))])
            })),
            ("sprint", sprint), ("budget", budget),
            ("changes", .array(r.activity.map { .object([("at", .string(Timestamp.iso($0.at))), ("actor", .string($0.actor)), ("summary", .string($0.summary))]) })),
        ])
    }
}
