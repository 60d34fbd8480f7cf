/// The first change of every project: its settings row and, unless told otherwise, a board with
/// the usual five columns, so `gantry card add` works straight after `gantry init`.
public enum ProjectSetup {
    public static func newProject(name: String, keyPrefix: String, board: String?) -> Change {
        let info = ProjectInfo(name: name, keyPrefix: keyPrefix)
        var edits = [info.creation()]
        if let board, let boardChange = try? ProjectSnapshot(info: info).addBoard(name: board) {
            edits += boardChange.edits
        }
        return Change(summary: "created project \(name)", edits: edits)
    }

    /// A key prefix from a project name: its first three letters, upper-cased ("Gantry" → "GAN").
    public static func keyPrefix(from name: String) -> String {
        let letters = name.uppercased().unicodeScalars.filter { $0.value < 0x80 && $0.properties.isUppercase }
        let prefix = String(String.UnicodeScalarView(letters.prefix(3)))
        return unreserved(prefix.isEmpty ? "GAN" : prefix)
    }

    /// `prefix`, or one letter longer when tasks or the RAID log use it ("T" → "TK").
    public static func unreserved(_ prefix: String) -> String {
        var p = prefix
        while EntityKind.reservedPrefixes.contains(p) { p += "K" }
        return p
    }
}
