import Foundation
import Testing
@testable import GantryApp

/// The README's key tables are what the keymap generates; `GANTRY_RECORD_SNAPSHOTS=1 swift test`
/// rewrites them after a change to the keys.
@Suite struct KeyReferenceTests {
    static let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../README.md").standardizedFileURL

    @Test func theReadmesKeyTablesAreTheKeymaps() throws {
        let text = try String(contentsOf: Self.readme, encoding: .utf8)
        let begin = try #require(text.range(of: "<!-- keys:begin -->\n"))
        let end = try #require(text.range(of: "<!-- keys:end -->"))
        let expected = KeyReference.markdown()
        if ProcessInfo.processInfo.environment["GANTRY_RECORD_SNAPSHOTS"] == "1" {
            try (String(text[..<begin.upperBound]) + expected + String(text[end.lowerBound...])).write(to: Self.readme, atomically: true, encoding: .utf8)
            return
        }
        #expect(String(text[begin.upperBound..<end.lowerBound]) == expected,
                "README.md's key tables differ from the keymap; run GANTRY_RECORD_SNAPSHOTS=1 swift test --filter KeyReferenceTests")
    }

    @Test func everyActionHasAKeyInTheDefaults() {
        let bound = Set(AppAction.defaultKeyMap.bindings.filter { !$0.keys.isEmpty }.map(\.action))
        #expect(Set(AppAction.allCases).subtracting(bound).isEmpty)
    }
}
