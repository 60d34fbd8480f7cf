import Foundation
import Planning

/// The status report as Markdown: for a wiki page, a chat message or an e-mail body.
enum StatusMarkdown {
    static func render(_ r: StatusReport, zone: TimeZone) -> String {
        let e = Markdown.escape
        var out: [String] = []
        out.append("# Status: \(e(r.projectName)), \(r.today)")
        out.append("")
        out.append("**Overall: \(label(r.overall))**, the worst of the rated areas. Changes since \(r.since).")
        out.append("")
        out.append("| Area | Status | Why |")
        out.append("|---|---|---|")
        for a in r.areas { out.append("| \(a.name) | \(label(a.rag)) | \(e(a.rule)) |") }

        out.append("")
        out.append("## Milestones" + (r.baselineName.map { " (against baseline \(e($0)))" } ?? ""))
        out.append("")
        if r.milestones.isEmpty {
            out.append("No milestones on the timeline.")
        } else {
            out.append("| Key | Milestone | Baseline | Forecast | Slip |")
            out.append("|---|---|---|---|---|")
            for m in r.milestones {
                out.append("| \(m.key) | \(e(m.name)) | \(m.baseline?.description ?? "-") | \(m.forecast)\(m.done ? " (done)" : "") | \(slip(m.slip)) |")
            }
        }
        if let finish = r.finish { out.append(""); out.append("Forecast finish: \(finish).") }

        out.append("")
        out.append("## Critical path, next \(StatusReport.criticalWindowDays) days")
        out.append("")
        if r.critical.isEmpty {
            out.append("Nothing critical in the next \(StatusReport.criticalWindowDays) days.")
        } else {
            for t in r.critical {
                let who = t.assignees.isEmpty ? "" : ", " + t.assignees.map(e).joined(separator: ", ")
                out.append("- \(t.key) \(e(t.name)): \(t.start) to \(t.finish), \(t.progress)% done\(who)")
            }
        }

        out.append("")
        out.append("## Top risks (appetite \(r.appetite))")
        out.append("")
        if r.topRisks.isEmpty {
            out.append("No open risks.")
        } else {
            out.append("| Key | Risk | P×I | Band | Trend | Owner | Response |")
            out.append("|---|---|---|---|---|---|---|")
            for k in r.topRisks {
                let score = "\(k.probability)×\(k.impact)=\(k.probability * k.impact)" + (k.overAppetite ? " over appetite" : "")
                out.append("| \(k.key) | \(e(k.title)) | \(score) | \(k.band.rawValue) | \(k.trend.arrow) \(k.trend.rawValue) | \(e(k.owner ?? "-")) | \(k.response) |")
            }
        }

        section(&out, "Decisions since \(r.since)", r.decisions, empty: "No decisions recorded since \(r.since).") { d in
            "- \(d.key) \(e(d.title)) (\(d.day)\(d.owner.map { ", " + e($0) } ?? ""))" + (d.detail.isEmpty ? "" : ": \(e(d.detail))")
        }
        section(&out, "Issues", r.issues, empty: "No open issues, none raised or closed since \(r.since).") { i in
            "- \(i.key) \(e(i.title)) (\(i.status)\(i.owner.map { ", " + e($0) } ?? ""), raised \(i.day))"
        }
        section(&out, "Blockers", r.blockers, empty: "Nothing is blocked.") { b in
            "- \(b.key) \(e(b.title)) in \(e(b.column))\(b.assignee.map { ", " + e($0) } ?? ""): \(e(b.reason))"
        }

        out.append("")
        if let sp = r.sprint {
            out.append("## Sprint \(e(sp.name)), \(sp.start) to \(sp.end)")
            out.append("")
            if !sp.goal.isEmpty { out.append("Goal: \(e(sp.goal))"); out.append("") }
            out.append("- Day \(sp.daysGone) of \(sp.workingDays); \(StatusReport.points(sp.completed)) done of \(StatusReport.points(sp.scope)) in scope, \(StatusReport.points(sp.scope - sp.completed)) to go")
            out.append("- Committed \(StatusReport.points(sp.record.committed.points)) (\(sp.record.committed.cards) cards); added \(StatusReport.points(sp.record.added.points)), removed \(StatusReport.points(sp.record.removed.points))")
        } else {
            out.append("## Sprint")
            out.append("")
            out.append("No active or closed sprint.")
        }

        if let ev = r.earnedValue {
            out.append("")
            out.append("## Budget (\(r.currency))")
            out.append("")
            out.append("- Budget at completion \(EVMReport.money(ev.bac)); planned \(EVMReport.money(ev.pv)), earned \(EVMReport.money(ev.ev)), spent \(EVMReport.money(ev.ac))")
            out.append("- CPI \(EVMReport.index(ev.cpi)), SPI \(EVMReport.index(ev.spi)), estimate at completion \(ev.eac.map(EVMReport.money) ?? "-")")
        }

        section(&out, "Changes since \(r.since) (\(r.activity.count))", Array(r.activity.prefix(activityLimit)),
                empty: "No changes since \(r.since).") { a in
            "- \(LocalTime.stamp(a.at, zone)) \(e(a.actor)): \(e(a.summary))"
        }
        if r.activity.count > activityLimit { out.append("- … and \(r.activity.count - activityLimit) earlier (gantry log --since \(r.since))") }
        return out.joined(separator: "\n") + "\n"
    }

    /// The newest changes listed in a report; the rest are counted, and `gantry log` has them all.
    static let activityLimit = 40

    private static func section<T>(_ out: inout [String], _ title: String, _ items: [T], empty: String, _ line: (T) -> String) {
        out.append("")
        out.append("## \(title)")
        out.append("")
        if items.isEmpty { out.append(empty) } else { out.append(contentsOf: items.map(line)) }
    }

    static func label(_ rag: StatusReport.RAG?) -> String { rag.map { $0.rawValue.uppercased() } ?? "NOT RATED" }

    static func slip(_ days: Int?) -> String {
        guard let days else { return "new" }
        return days == 0 ? "on plan" : days > 0 ? "+\(days) d late" : "\(-days) d early"
    }

}
