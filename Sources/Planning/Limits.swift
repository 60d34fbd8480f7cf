/// The documented input limits (README, "Limits"). One place, so the CLI, the TUI forms and the
/// README agree.
public enum Limits {
    public static let titleLength = 1...200
    public static let descriptionLength = 0...20_000
    public static let nameLength = 1...60
    public static let handleLength = 1...32
    public static let labelLength = 1...32
    public static let labelsPerCard = 20
    public static let blockedReasonLength = 1...500
    public static let wipLimit = 1...999
    public static let estimate = 0.0...1000.0
    public static let keyPrefixLength = 1...8

    /// Trims and validates a one-line text (title, name): newlines and tabs become spaces,
    /// other control characters are refused.
    public static func line(_ text: String, field: String, length: ClosedRange<Int>) throws -> String {
        try refuseControls(text, field: field, allowing: [0x09, 0x0A, 0x0D])
        let flattened = String(text.map { $0 == "\n" || $0 == "\r\n" || $0 == "\t" || $0 == "\r" ? " " : $0 })
            .trimmingCharacters(in: .whitespaces)
        if flattened.isEmpty && length.lowerBound > 0 {
            throw PlanningError.invalid(field: field, message: "must not be empty")
        }
        guard flattened.count <= length.upperBound else {
            throw PlanningError.invalid(field: field, message: "is \(flattened.count) characters; the limit is \(length.upperBound)")
        }
        return flattened
    }

    /// Validates a multi-line text (a description): tabs and newlines are kept, other control
    /// characters refused.
    public static func text(_ text: String, field: String, length: ClosedRange<Int>) throws -> String {
        try refuseControls(text, field: field, allowing: [0x09, 0x0A, 0x0D])
        guard text.count <= length.upperBound else {
            throw PlanningError.invalid(field: field, message: "is \(text.count) characters; the limit is \(length.upperBound)")
        }
        return text
    }

    /// C0 and C1 control characters and DEL drive terminals (an escape sequence in a title would
    /// reach every teammate's screen and shell); Gantry stores none of them.
    static func refuseControls(_ text: String, field: String, allowing: Set<UInt32>) throws {
        guard let bad = text.unicodeScalars.first(where: { s in
            (s.value < 0x20 && !allowing.contains(s.value)) || (0x7F..<0xA0).contains(s.value)
        }) else { return }
        let code = String(bad.value, radix: 16, uppercase: true)
        throw PlanningError.invalid(field: field, message: "contains the control character U+\(String(repeating: "0", count: max(0, 4 - code.count)) + code); remove it (escape sequences are not allowed in Gantry text)")
    }

    public static func handle(_ text: String) throws -> String {
        let h = text.lowercased()
        let allowed = h.unicodeScalars.allSatisfy { ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) || "_.-".unicodeScalars.contains($0) }
        guard handleLength.contains(h.count), allowed, let first = h.unicodeScalars.first, first.properties.isAlphabetic || first == "_" else {
            throw PlanningError.invalid(field: "handle", message: "\"\(text)\" is not a valid handle: use 1–32 of a–z, 0–9, _ . - starting with a letter")
        }
        return h
    }

    public static func label(_ text: String) throws -> String {
        let l = text.lowercased().trimmingCharacters(in: .whitespaces)
        let ok = labelLength.contains(l.count) && l.unicodeScalars.allSatisfy {
            ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) || "_.-/".unicodeScalars.contains($0)
        }
        guard ok else {
            throw PlanningError.invalid(field: "label", message: "\"\(text)\" is not a valid label: use 1–32 of a–z, 0–9, _ . - /")
        }
        return l
    }

    public static func keyPrefix(_ text: String) throws -> String {
        let p = text.uppercased()
        guard keyPrefixLength.contains(p.count), p.unicodeScalars.allSatisfy({ $0.isASCII && $0.properties.isUppercase }) else {
            throw PlanningError.invalid(field: "key prefix", message: "\"\(Quote.cut(text))\" must be 1–8 letters A–Z")
        }
        guard !EntityKind.reservedPrefixes.contains(p) else {
            throw PlanningError.invalid(field: "key prefix", message: "\(p) is taken by \(p == PlanTask.keyPrefix ? "task" : "RAID") keys (\(p)-1); choose another, such as \(ProjectSetup.unreserved(p))")
        }
        return p
    }
}

extension Unicode.Scalar {
    var isASCII: Bool { value < 0x80 }
}
