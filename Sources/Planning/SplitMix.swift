import Foundation
/// A small deterministic random generator (SplitMix64): the same seed gives the same sequence
/// on every machine, so generated benchmark projects and shuffles in tests are reproducible.
public struct SplitMix: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// New entities' ids. A command takes a random one; the app draws them from its own generator,
/// injected like its clock, so a test run with a fixed seed creates the same ids every time.
public enum NewID {
    public static func random() -> String { UUID().uuidString.lowercased() }

    /// An id in UUID form drawn from `generator`.
    public static func next<G: RandomNumberGenerator>(from generator: inout G) -> String {
        let a = generator.next(), b = generator.next()
        let hex = String(a, radix: 16).leftPadded(to: 16) + String(b, radix: 16).leftPadded(to: 16)
        let c = Array(hex)
        return [c[0..<8], c[8..<12], c[12..<16], c[16..<20], c[20..<32]].map { String($0) }.joined(separator: "-")
    }
}

private extension String {
    func leftPadded(to n: Int) -> String { String(repeating: "0", count: max(0, n - count)) + self }
}
