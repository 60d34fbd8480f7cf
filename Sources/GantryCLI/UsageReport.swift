import ArgumentParser
import Planning

/// A command line the parser refused, said in one sentence: what was wrong, the nearest
/// command or option when a word looks like a typo of one, and where the help is.
enum UsageReport {
    static func sentence(for error: Error, arguments: [String]) -> String {
        let (path, command) = commandPath(arguments)
        let name = (["gantry"] + path).joined(separator: " ")
        let lines = GantryCommand.message(for: error).split(separator: "\n").map(String.init)
        var message = lines.first ?? "Invalid command line"
        // Longer choices come as a list under "…one of the following:"; keep them in the sentence.
        let choices = lines.dropFirst().map { $0.trimmingCharacters(in: .whitespaces) }.prefix { $0.hasPrefix("- ") }.map { String($0.dropFirst(2)) }
        if message.hasSuffix(":"), !choices.isEmpty { message += " " + choices.joined(separator: ", ") }
        message = Quote.cutQuoted(message)
        if message.hasSuffix(".") { message.removeLast() }
        var hint = ""
        if let word = firstUnexpected(message) {
            let subcommands = command.configuration.subcommands.map { $0._commandName }
            if !subcommands.isEmpty, arguments.dropFirst(path.count).first(where: { !$0.hasPrefix("-") }) == word {
                message = "Unknown command '\(Quote.cut(word))' for \(name)"
                hint = nearest(word, in: subcommands).map { " Did you mean '\($0)'?" } ?? ""
            }
        } else if let option = unknownOption(message), !message.contains("Did you mean") {
            hint = nearest(option, in: optionNames(of: command)).map { " Did you mean '\($0)'?" } ?? ""
        }
        return "\(message)\(message.hasSuffix("?") ? "" : ".")\(hint) See '\(name) --help'."
    }

    /// The subcommands named at the start of `arguments`, and the innermost one.
    static func commandPath(_ arguments: [String]) -> ([String], ParsableCommand.Type) {
        var command: ParsableCommand.Type = GantryCommand.self
        var path: [String] = []
        var rest = arguments[...]
        while let word = rest.first {
            if word.hasPrefix("-") { rest = rest.dropFirst(); continue }
            guard let next = command.configuration.subcommands.first(where: { $0._commandName == word }) else { break }
            command = next
            path.append(word)
            rest = rest.dropFirst()
        }
        return (path, command)
    }

    private static func firstUnexpected(_ message: String) -> String? {
        guard message.lowercased().contains("unexpected argument") else { return nil }
        return quoted(message)
    }

    private static func unknownOption(_ message: String) -> String? {
        guard message.hasPrefix("Unknown option") else { return nil }
        return quoted(message)
    }

    private static func quoted(_ message: String) -> String? {
        guard let open = message.firstIndex(of: "'") else { return nil }
        let rest = message[message.index(after: open)...]
        return rest.firstIndex(of: "'").map { String(rest[..<$0]) }
    }

    /// The command's long options, read from its help text (the parser keeps no other list).
    static func optionNames(of command: ParsableCommand.Type) -> [String] {
        var names: [String] = []
        var word = ""
        for ch in command.helpMessage(columns: 200) + " " {
            if ch.isLetter || ch.isNumber || ch == "-" { word.append(ch); continue }
            if word.hasPrefix("--"), word.count > 2 { names.append(word) }
            word = ""
        }
        return Array(Set(names)).sorted()
    }

    /// The candidate within two edits of `word` (the closest, then the first alphabetically).
    static func nearest(_ word: String, in candidates: [String]) -> String? {
        let scored = candidates.map { ($0, distance(word.lowercased(), $0.lowercased())) }.filter { $0.1 <= 2 && $0.1 > 0 }
        return scored.min { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }?.0
    }

    /// Optimal string alignment distance: insertions, deletions, substitutions, transpositions.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1) }
            }
        }
        return d[a.count][b.count]
    }
}
