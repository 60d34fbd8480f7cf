import Foundation
import Planning
import TerminalUI

/// The numbers of each flow chart, as tables for people and JSON for scripts (README, "Reports").
enum ReportOutput {
    static let p = SprintOutput.points

    static func burnJSON(_ burn: SprintBurn) -> JSON {
        .object([("sprint", .string(burn.sprint.name)), ("committed", .number(burn.committed)),
                 ("days", .array(burn.days.map { .string($0.description) })),
                 ("points", .array(burn.points.map { point in
                     .object([("day", .string(point.day.description)), ("scope", .number(point.scope)), ("completed", .number(point.completed)),
                              ("remaining", .number(point.remaining)), ("ideal", .number(point.ideal))])
                 }))])
    }

    static func burnText(_ burn: SprintBurn, up: Bool) -> String {
        var table = up ? TextTable("DAY", "COMPLETED", "SCOPE") : TextTable("DAY", "REMAINING", "IDEAL")
        for point in burn.points {
            table.add(up ? [point.day.description, p(point.completed), p(point.scope)] : [point.day.description, p(point.remaining), p(point.ideal)])
        }
        let head = "\(Sanitizer.clean(burn.sprint.name)): committed \(p(burn.committed)) points, \(burn.points.count) of \(burn.days.count) working days"
        return head + "\n" + table.rendered()
    }

    static func velocityJSON(_ v: Velocity) -> JSON {
        .object([("average", JSON(v.average)), ("sprints", .array(v.sprints.map {
            .object([("sprint", .string($0.sprint)), ("committed", .number($0.committed)), ("completed", .number($0.completed))])
        }))])
    }

    static func velocityText(_ v: Velocity) -> String {
        guard !v.sprints.isEmpty else { return "No closed sprint yet: velocity comes from closed sprints' records." }
        var table = TextTable("SPRINT", "COMMITTED", "COMPLETED")
        for s in v.sprints { table.add([s.sprint, p(s.committed), p(s.completed)]) }
        return table.rendered() + "\nAverage of the last \(min(3, v.sprints.count)): \(v.average.map(p) ?? "-") points"
    }

    static func cfdJSON(_ cfd: CumulativeFlow) -> JSON {
        .object([("columns", .array(cfd.columns.map(JSON.string))), ("days", .array(zip(cfd.days, cfd.counts).map { day, counts in
            .object([("day", .string(day.description)), ("counts", .array(counts.map(JSON.int)))])
        }))])
    }

    static func cfdText(_ cfd: CumulativeFlow) -> String {
        var table = TextTable(["DAY"] + cfd.columns.map { $0.uppercased() } + ["TOTAL"])
        for (day, counts) in zip(cfd.days, cfd.counts) { table.add([day.description] + counts.map(String.init) + [String(counts.reduce(0, +))]) }
        return table.rendered()
    }

    static func percentilesJSON(_ list: [(Double, Double)]) -> JSON {
        .object(list.map { ("p\(Int($0.0))", .number($0.1)) })
    }

    static func cycleJSON(_ t: CycleTimes) -> JSON {
        func stats(_ s: CycleTimes.Percentiles) -> JSON {
            .object([("count", .int(s.count)), ("cycle", percentilesJSON(s.cycle)), ("lead", percentilesJSON(s.lead))])
        }
        return .object([("overall", stats(t.overall)), ("byType", .object(t.byType.map { ($0.type.rawValue, stats($0.percentiles)) })),
                        ("cards", .array(t.items.map { .object([("key", .string($0.key)), ("type", .string($0.type.rawValue)), ("done", .string($0.done.description)),
                                                                ("cycleDays", .int($0.cycle)), ("leadDays", .int($0.lead))]) }))])
    }

    static func cycleText(_ t: CycleTimes) -> String {
        guard t.overall.count > 0 else { return "No card was finished in this range." }
        var table = TextTable("CARDS", "", "50%", "70%", "85%", "95%")
        func rows(_ name: String, _ s: CycleTimes.Percentiles) {
            table.add(["\(name) (\(s.count))", "cycle"] + s.cycle.map { p($0.1) + "d" })
            table.add(["", "lead"] + s.lead.map { p($0.1) + "d" })
        }
        rows("all", t.overall)
        for (type, s) in t.byType { rows(type.rawValue, s) }
        return "Working days, nearest-rank percentiles: 85% of cards took this long or less.\n" + table.rendered()
    }

    static func throughputJSON(_ w: Throughput) -> JSON {
        .array(w.weeks.map { .object([("week", .string($0.monday.description)), ("cards", .int($0.count))]) })
    }

    static func throughputText(_ w: Throughput) -> String {
        var table = TextTable("WEEK OF", "CARDS")
        for week in w.weeks { table.add([week.monday.description, String(week.count)]) }
        return table.rendered()
    }

    static func agingJSON(_ a: AgingWIP) -> JSON {
        .array(a.columns.map { c in
            .object([("column", .string(c.name)), ("pastStays", .int(c.pastStays)),
                     ("percentiles", percentilesJSON(Array(zip(Percentile.standard, c.percentiles)))),
                     ("cards", .array(c.cards.map { .object([("key", .string($0.key)), ("ageDays", .int($0.age)), ("pastNorm", .bool($0.pastNorm))]) }))])
        })
    }

    static func agingText(_ a: AgingWIP) -> String {
        var table = TextTable("COLUMN", "KEY", "AGE", "COLUMN 50/85%", "TITLE")
        for c in a.columns {
            let norm = c.percentiles.count == 4 ? "\(p(c.percentiles[0]))d/\(p(c.percentiles[2]))d" : "no history"
            if c.cards.isEmpty { table.add([c.name, "-", "-", norm, ""]) }
            for card in c.cards { table.add([c.name, card.key, "\(card.age)d" + (card.pastNorm ? " !" : ""), norm, card.title]) }
        }
        return table.rendered() + "\n! past the column's 85th percentile"
    }

    static func forecastJSON(_ f: Forecast) -> JSON {
        var fields: [(String, JSON)] = [("trials", .int(Forecast.trials)), ("seed", .int(Int(truncatingIfNeeded: f.seed))),
                                        ("sampleFrom", .string(f.sampleFrom.description)), ("sampleThrough", .string(f.sampleThrough.description)),
                                        ("dailySamples", .array(f.samples.map(JSON.int)))]
        if let cards = f.cards {
            fields.append(("cards", .int(cards)))
            fields.append(("dates", .object(zip(Forecast.chances, f.dates).map { ("p\(Int($0))", .string($1.description)) })))
        }
        if let by = f.by {
            fields.append(("by", .string(by.description)))
            fields.append(("atLeast", .object(zip(Forecast.chances, f.counts).map { ("p\(Int($0))", .int($1)) })))
        }
        return .object(fields)
    }

    static func forecastText(_ f: Forecast) -> String {
        let total = f.samples.reduce(0, +)
        let basis = "From \(total) cards finished over \(f.samples.count) working days (\(f.sampleFrom) to \(f.sampleThrough)), \(Forecast.trials) trials, seed \(f.seed)."
        if let cards = f.cards {
            return "These \(cards) cards: " + zip(Forecast.chances, f.dates).map { "\(Int($0))% by \($1)" }.joined(separator: ", ") + ".\n" + basis
        }
        let by = f.by?.description ?? "?"
        return "By \(by): " + zip(Forecast.chances, f.counts).map { "\(Int($0))% chance of at least \($1) cards" }.joined(separator: ", ") + ".\n" + basis
    }

    static func bugsJSON(_ v: BugView) -> JSON {
        .array(v.groups.filter { !$0.bugs.isEmpty || $0.severity != nil }.map { g in
            .object([("severity", JSON(g.severity?.rawValue)), ("limitDays", g.limit.map(JSON.int) ?? .null), ("open", .int(g.bugs.count)),
                     ("breached", .int(g.breached)),
                     ("bugs", .array(g.bugs.map { .object([("key", .string($0.key)), ("ageDays", .int($0.age)), ("breached", .bool($0.breached)),
                                                           ("column", .string($0.column)), ("assignee", JSON($0.assignee)), ("foundIn", JSON($0.foundIn))]) }))])
        })
    }

    static func bugsText(_ v: BugView) -> String {
        guard v.open > 0 else { return "No open bugs." }
        var table = TextTable("SEVERITY", "KEY", "AGE", "COLUMN", "ASSIGNEE", "TITLE")
        for g in v.groups {
            let name = g.severity.map { "\($0.rawValue) (limit \(g.limit ?? 0)d)" } ?? "unrated"
            for bug in g.bugs {
                table.add([name, bug.key, "\(bug.age)d" + (bug.breached ? " !" : ""), bug.column, bug.assignee ?? "-", bug.title])
            }
        }
        let breached = v.groups.reduce(0) { $0 + $1.breached }
        return table.rendered() + "\n\(v.open) open, \(breached) past their severity's age limit (!)"
    }
}
