import ArgumentParser
import Foundation

/// `--utc`: times printed for people are local (`TZ`) with the zone named, unless UTC is asked
/// for. JSON always carries ISO 8601 UTC.
struct TimeOption: ParsableArguments {
    @Flag(help: "Show times in UTC instead of local time (TZ).") var utc = false

    var zone: TimeZone { utc ? TimeZone(identifier: "UTC") ?? .current : .current }
}
