import Foundation
import Planning

/// The timeline as a Mermaid gantt diagram (GitHub, GitLab and most wikis draw it from a code
/// block): a section per phase, tasks on their scheduled dates, milestones, critical tasks marked
/// `crit` and finished ones `done`. Dates are Gantry's schedule, not Mermaid's own arithmetic, so
/// the drawing matches the app.
public enum MermaidGantt {
    public static func render(_ p: ProjectSnapshot, schedule: Schedule) -> String {
        var lines = ["gantt", "    title \(text(p.info.name))", "    dateFormat YYYY-MM-DD", "    axisFormat %d %b"]
        let ids = schedule.order.compactMap { schedule.tasks[$0] }
        var section: String?
        var n = 0
        func id(_ t: ScheduledTask) -> String { "t" + (t.key.isEmpty ? String(n) : t.key.replacingOccurrences(of: "-", with: "")) }
        for t in ids {
            n += 1
            if t.isPhase {
                section = t.name
                lines.append("    section \(text(t.name))")
                continue
            }
            if section == nil && t.depth == 0 {
                section = ""
                lines.append("    section \(text(p.info.name))")
            }
            var tags: [String] = []
            if t.critical { tags.append("crit") }
            if t.progress >= 100 || t.actualFinish != nil { tags.append("done") } else if t.progress > 0 { tags.append("active") }
            if t.isMilestone {
                tags.append("milestone")
                lines.append("    \(text(t.name)) :\((tags + [id(t), t.finish.description, "0d"]).joined(separator: ", "))")
            } else {
                // Mermaid's end date is exclusive: the bar runs to the start of that day.
                lines.append("    \(text(t.name)) :\((tags + [id(t), t.start.description, t.finish.adding(days: 1).description]).joined(separator: ", "))")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A task name as Mermaid reads it: `:` ends the name and `;` and `#` start other syntax, so
    /// they become Mermaid's entity codes; line breaks become spaces.
    static func text(_ s: String) -> String {
        var out = ""
        for c in s {
            switch c {
            case ":": out += "#58;"
            case ";": out += "#59;"
            case "#": out += "#35;"
            case "\n", "\r", "\t": out += " "
            default: out.append(c)
            }
        }
        let trimmed = out.trimmingCharacters(in: .whitespaces)
        return trimmed.isEmpty ? "(untitled)" : trimmed
    }
}
