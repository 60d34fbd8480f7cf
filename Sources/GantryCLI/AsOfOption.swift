import ArgumentParser
import Planning

/// `--as-of DATE`: the status date a schedule is computed at. Work not done is never scheduled
/// before it (as TaskJuggler's `now` and MS Project's status date); today unless given.
struct AsOfOption: ParsableArguments {
    @Option(name: .customLong("as-of"), help: "Status date: work not yet done is scheduled from it (default: today).") var asOf: String?

    func day(today: Day) throws -> Day {
        try asOf.map { try ArgumentValues.day($0, "--as-of", today: today) } ?? today
    }
}
