import Foundation

/// A 5,000-issue Jira CSV export (the shape Jira writes: repeated Labels and Sprint columns,
/// quoted multi-line descriptions, its own date format) imported into a new project through the
/// `gantry` executable.
enum JiraBenchmark {
    static func csv(rows: Int) -> String {
        var rng = SystemRandomNumberGenerator()
        let statuses = ["To Do", "In Progress", "In Review", "Done", "Done", "Done"]
        let types = ["Story", "Bug", "Task", "Story", "Spike"]
        let priorities = ["Highest", "High", "Medium", "Medium", "Low"]
        let people = (1...25).map { "user\($0)" }
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct"]
        var lines = ["Summary,Issue key,Issue id,Issue Type,Status,Priority,Resolution,Assignee,Reporter,Created,Updated,Resolved,Labels,Labels,Sprint,Sprint,Custom field (Story Points),Custom field (Epic Link),Description"]
        lines.reserveCapacity(rows + 1)
        for i in 1...rows {
            let status = statuses.randomElement(using: &rng)!
            let month = months[i % months.count], day = 1 + i % 27
            let created = "\(day < 10 ? "0" : "")\(day)/\(month)/26 \(1 + i % 11):\(i % 6)0 AM"
            let resolved = status == "Done" ? "\(day < 9 ? "0" : "")\(day + 1)/\(month)/26 4:30 PM" : ""
            let epic = i > 10 && i % 7 == 0 ? "BIG-\(1 + i % 10)" : ""
            lines.append("\"Issue \(i): make the \"\"thing\"\", better\",BIG-\(i),\(10_000 + i),\(i <= 10 ? "Epic" : types.randomElement(using: &rng)!),\(status),"
                + "\(priorities.randomElement(using: &rng)!),\(status == "Done" ? "Done" : ""),\(people.randomElement(using: &rng)!),\(people[0]),\(created),\(created),\(resolved),"
                + "backend,team-\(i % 4),Sprint \(i % 12),Sprint \(1 + i % 12),\(Int.random(in: 1...8, using: &rng)),\(epic),\"First line of issue \(i)\nSecond line, with a comma\"")
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    static func run(gantry: String, dir: String, rows: Int) throws {
        let file = dir + "/jira-\(rows).csv"
        try csv(rows: rows).write(toFile: file, atomically: true, encoding: .utf8)
        let r = try Measure.runProcess(gantry, ["import", file, "--project", dir + "/jira.sqlite"])
        guard r.status == 0 else { throw BenchError("gantry import of the Jira CSV failed (\(r.status))") }
        print("Jira CSV import (\(rows) issues, into a new project):")
        print("  gantry import                             " + Measure.format(r.ms, "ms", target: 3000)
              + (r.rssMB.map { ", peak \(Int($0)) MB" } ?? ""))
    }
}
