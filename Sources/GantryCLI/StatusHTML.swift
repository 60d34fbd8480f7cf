import Foundation
import Planning
import TerminalUI

/// The status report as one HTML file worth mailing: styles and charts inline (no network, no
/// scripts), a layout that narrows to a phone, colours that follow the reader's light or dark
/// setting, and print rules that keep sections whole. Colour never carries meaning alone: every
/// RAG chip and chart says it in words too.
enum StatusHTML {
    static func render(_ r: StatusReport, zone: TimeZone) -> String {
        var b = ""
        b += "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        b += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta name=\"color-scheme\" content=\"light dark\">\n"
        b += "<title>Status: \(h(r.projectName)), \(r.today)</title>\n<style>\(css)</style>\n</head>\n<body>\n<main>\n"
        b += "<header><h1>\(h(r.projectName))</h1><p class=\"sub\">Status report, \(r.today) · changes since \(r.since)</p>"
        b += "<p class=\"overall\">Overall \(chip(r.overall))</p></header>\n"

        b += "<section id=\"areas\"><h2>Areas</h2><div class=\"areas\">"
        for a in r.areas {
            b += "<div class=\"area\"><div class=\"area-head\"><span class=\"area-name\">\(h(a.name))</span> \(chip(a.rag))</div><p>\(h(a.rule))</p></div>"
        }
        b += "</div></section>\n"

        b += "<section id=\"milestones\"><h2>Milestones\(r.baselineName.map { " <small>against baseline \(h($0))</small>" } ?? "")</h2>"
        if r.milestones.isEmpty {
            b += "<p class=\"empty\">No milestones on the timeline.</p>"
        } else {
            b += table(["Key", "Milestone", "Baseline", "Forecast", "Slip"], r.milestones.map { m in
                [h(m.key), h(m.name), m.baseline?.description ?? "–", "\(m.forecast)\(m.done ? " ✓" : "")", slipCell(m.slip)]
            })
            if r.milestones.contains(where: { $0.slip != nil }) { b += StatusCharts.slip(r.milestones) }
        }
        if let finish = r.finish { b += "<p>Forecast finish: <strong>\(finish)</strong></p>" }
        b += "</section>\n"

        b += "<section id=\"critical\"><h2>Critical path, next \(StatusReport.criticalWindowDays) days</h2>"
        b += r.critical.isEmpty ? "<p class=\"empty\">Nothing critical in the next \(StatusReport.criticalWindowDays) days.</p>"
            : table(["Key", "Task", "Start", "Finish", "Done", "Who"], r.critical.map { t in
                [h(t.key), h(t.name), t.start.description, t.finish.description, "\(t.progress)%", h(t.assignees.joined(separator: ", "))]
            })
        b += "</section>\n"

        b += "<section id=\"risks\"><h2>Top risks <small>appetite \(r.appetite)</small></h2>"
        if r.topRisks.isEmpty {
            b += "<p class=\"empty\">No open risks.</p>"
        } else {
            b += table(["Key", "Risk", "P×I", "Band", "Trend", "Owner", "Response"], r.topRisks.map { k in
                let score = "\(k.probability)×\(k.impact) = \(k.probability * k.impact)" + (k.overAppetite ? " <span class=\"over\">over appetite</span>" : "")
                return [h(k.key), h(k.title), score, "<span class=\"band \(k.band.rawValue)\">\(k.band.rawValue)</span>",
                        "\(k.trend.arrow) \(k.trend.rawValue)", h(k.owner ?? "–"), h(k.response)]
            })
        }
        b += StatusCharts.heat(r.heat, bands: r.bands, appetite: r.appetite)
        b += "</section>\n"

        b += "<section id=\"log\"><h2>Decisions since \(r.since)</h2>"
        b += r.decisions.isEmpty ? "<p class=\"empty\">No decisions recorded since \(r.since).</p>"
            : list(r.decisions.map { "<strong>\(h($0.key))</strong> \(h($0.title)) <span class=\"muted\">\($0.day)\($0.owner.map { ", " + h($0) } ?? "")</span>\($0.detail.isEmpty ? "" : "<br>" + h($0.detail))" })
        b += "<h2>Issues</h2>"
        b += r.issues.isEmpty ? "<p class=\"empty\">No open issues, none raised or closed since \(r.since).</p>"
            : list(r.issues.map { "<strong>\(h($0.key))</strong> \(h($0.title)) <span class=\"muted\">\(h($0.status))\($0.owner.map { ", " + h($0) } ?? ""), raised \($0.day)</span>" })
        b += "<h2>Blockers</h2>"
        b += r.blockers.isEmpty ? "<p class=\"empty\">Nothing is blocked.</p>"
            : list(r.blockers.map { "<strong>\(h($0.key))</strong> \(h($0.title)) <span class=\"muted\">in \(h($0.column))\($0.assignee.map { ", " + h($0) } ?? "")</span><br>\(h($0.reason))" })
        b += "</section>\n"

        b += "<section id=\"sprint\">"
        if let sp = r.sprint {
            b += "<h2>Sprint \(h(sp.name)) <small>\(sp.start) to \(sp.end)</small></h2>"
            if !sp.goal.isEmpty { b += "<p>Goal: \(h(sp.goal))</p>" }
            b += "<p>Day \(sp.daysGone) of \(sp.workingDays): \(StatusReport.points(sp.completed)) done of \(StatusReport.points(sp.scope)) in scope. "
            b += "Committed \(StatusReport.points(sp.record.committed.points)); added \(StatusReport.points(sp.record.added.points)), removed \(StatusReport.points(sp.record.removed.points)).</p>"
            b += StatusCharts.burndown(sp)
        } else {
            b += "<h2>Sprint</h2><p class=\"empty\">No active or closed sprint.</p>"
        }
        b += "</section>\n"

        if let ev = r.earnedValue {
            b += "<section id=\"budget\"><h2>Budget <small>\(h(r.currency))</small></h2>"
            b += table(["At completion", "Planned", "Earned", "Spent", "CPI", "SPI", "Estimate"], [[
                EVMReport.money(ev.bac), EVMReport.money(ev.pv), EVMReport.money(ev.ev), EVMReport.money(ev.ac), ev.cpi.map(StatusReport.index) ?? "–",
                ev.spi.map(StatusReport.index) ?? "–", ev.eac.map(EVMReport.money) ?? "–",
            ]])
            b += "</section>\n"
        }

        b += "<section id=\"changes\"><h2>Changes since \(r.since) <small>\(r.activity.count)</small></h2>"
        let shown = r.activity.prefix(StatusMarkdown.activityLimit)
        b += shown.isEmpty ? "<p class=\"empty\">No changes since \(r.since).</p>"
            : list(shown.map { "<span class=\"muted\">\(LocalTime.stamp($0.at, zone))</span> <strong>\(h($0.actor))</strong> \(h($0.summary))" })
        if r.activity.count > shown.count { b += "<p class=\"muted\">… and \(r.activity.count - shown.count) earlier: gantry log --since \(r.since)</p>" }
        b += "</section>\n"
        b += "<footer>Made by Gantry from the project's own data on \(r.today).</footer>\n</main>\n</body>\n</html>\n"
        return b
    }

    /// Text for HTML: the five characters that could end an element or attribute, escaped;
    /// control characters cleaned as everywhere else.
    static func h(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.count)
        for c in Sanitizer.clean(s) {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(c)
            }
        }
        return out
    }

    static func chip(_ rag: StatusReport.RAG?) -> String {
        "<span class=\"rag \(rag?.rawValue ?? "none")\">\(rag.map { $0.rawValue.capitalized } ?? "Not rated")</span>"
    }

    private static func slipCell(_ days: Int?) -> String {
        guard let days else { return "new" }
        return days == 0 ? "on plan" : days > 0 ? "<span class=\"late\">+\(days) d</span>" : "\(-days) d early"
    }

    private static func table(_ head: [String], _ rows: [[String]]) -> String {
        var t = "<div class=\"scroll\"><table><thead><tr>" + head.map { "<th>\($0)</th>" }.joined() + "</tr></thead><tbody>"
        for row in rows { t += "<tr>" + zip(head, row).map { "<td data-label=\"\($0)\">\($1)</td>" }.joined() + "</tr>" }
        return t + "</tbody></table></div>"
    }

    private static func list(_ items: [String]) -> String { "<ul>" + items.map { "<li>\($0)</li>" }.joined() + "</ul>" }

    static let css = """
        :root{--bg:#ffffff;--fg:#1d232b;--muted:#5d6875;--line:#d8dde3;--card:#f5f7f9;--green:#1e7d3a;--amber:#a05c00;--red:#b3261e;\
        --none:#6b7280;--chip-fg:#ffffff;--low:#d7eed9;--medium:#fbe7b5;--high:#f7c59f;--critical:#f2a3a3;--ink:#1d232b}
        @media (prefers-color-scheme: dark){:root{--bg:#111418;--fg:#e6e9ed;--muted:#9aa4af;--line:#2d333b;--card:#1a1f25;\
        --green:#3fb463;--amber:#e0a030;--red:#ef6a5f;--none:#8b949e;--chip-fg:#111418;--low:#1f4d2b;--medium:#5a4a12;\
        --high:#6b3a16;--critical:#6e1f1f;--ink:#e6e9ed}}
        *{box-sizing:border-box}
        html{-webkit-text-size-adjust:100%}
        body{margin:0;background:var(--bg);color:var(--fg);font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif}
        main{max-width:60rem;margin:0 auto;padding:1.5rem 1rem 3rem}
        h1{font-size:1.8rem;margin:0}
        h2{font-size:1.2rem;margin:1.8rem 0 .6rem;border-bottom:1px solid var(--line);padding-bottom:.3rem}
        h2 small,.muted,.sub{color:var(--muted);font-weight:normal}
        .sub{margin:.2rem 0}
        .overall{font-size:1.2rem;margin:.6rem 0 0}
        .rag{display:inline-block;padding:.05rem .6rem;border-radius:1rem;font-weight:600;font-size:.9rem;color:var(--chip-fg);background:var(--none)}
        .rag.green{background:var(--green)}.rag.amber{background:var(--amber)}.rag.red{background:var(--red)}
        .areas{display:grid;grid-template-columns:repeat(auto-fit,minmax(14rem,1fr));gap:.8rem}
        .area{background:var(--card);border:1px solid var(--line);border-radius:.5rem;padding:.7rem .9rem}
        .area p{margin:.4rem 0 0;font-size:.92rem}
        .area-head{display:flex;justify-content:space-between;align-items:center;gap:.5rem}
        .area-name{font-weight:600}
        .scroll{overflow-x:auto;max-width:100%}
        table{border-collapse:collapse;width:100%;font-size:.92rem}
        th,td{text-align:left;padding:.35rem .5rem;border-bottom:1px solid var(--line);vertical-align:top;overflow-wrap:break-word}
        td:first-child,.band,.rag{white-space:nowrap}
        th{color:var(--muted);font-weight:600}
        .late,.over{color:var(--red);font-weight:600}
        .band{padding:0 .4rem;border-radius:.3rem;color:var(--ink)}
        .band.low{background:var(--low)}.band.medium{background:var(--medium)}.band.high{background:var(--high)}.band.critical{background:var(--critical)}
        ul{padding-left:1.2rem}li{margin:.25rem 0;overflow-wrap:anywhere}
        .empty{color:var(--muted);font-style:italic}
        figure{margin:1rem 0}figcaption{color:var(--muted);font-size:.85rem}
        svg{display:block;width:100%;height:auto;max-width:40rem}
        svg text{fill:var(--fg);font:12px system-ui,sans-serif}
        svg .axis{stroke:var(--muted)}svg .grid{stroke:var(--line)}
        svg .remaining{stroke:var(--red);fill:none;stroke-width:2.5}svg .ideal{stroke:var(--muted);fill:none;stroke-width:1.5;stroke-dasharray:5 4}
        svg .bar-late{fill:var(--red)}svg .bar-early{fill:var(--green)}
        svg .cell-low{fill:var(--low)}svg .cell-medium{fill:var(--medium)}svg .cell-high{fill:var(--high)}svg .cell-critical{fill:var(--critical)}
        svg .over-line{stroke:var(--fg);stroke-width:2.5;fill:none}
        footer{margin-top:2.5rem;color:var(--muted);font-size:.85rem}
        @media (max-width:40rem){main{padding:1rem .7rem 2rem}h1{font-size:1.45rem}\
        table,tbody,tr,td{display:block;width:100%}thead{display:none}tr{border-bottom:1px solid var(--line);padding:.4rem 0}\
        td{border:0;padding:.1rem 0;display:flex;gap:.6rem}td::before{content:attr(data-label);color:var(--muted);min-width:6.5rem;flex:none}}
        @media print{:root{--bg:#fff;--fg:#000;--muted:#444;--line:#bbb;--card:#fff;--chip-fg:#fff}\
        main{max-width:none;padding:0}section{break-inside:avoid-page}h2{break-after:avoid}.scroll{overflow:visible}}
        """
}
