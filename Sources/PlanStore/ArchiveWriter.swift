import Foundation
import Planning

/// One journal row as a store keeps it, its change still the stored text: an export embeds that
/// text as it is, so no change is decoded and encoded again on the way out.
package struct StoredJournalRow {
    package let seq: Int64
    package let at: Double
    package let actor: String
    package let kind: String
    package let undoes: Int64?
    package let undoneBy: Int64?
    package let change: String

    package init(seq: Int64, at: Double, actor: String, kind: String, undoes: Int64?, undoneBy: Int64?, change: String) {
        (self.seq, self.at, self.actor, self.kind, self.undoes, self.undoneBy, self.change) = (seq, at, actor, kind, undoes, undoneBy, change)
    }
}

/// Writes a `ProjectArchive` document from what any store reads, so a project exported from
/// SQLite and from PostgreSQL gives the same bytes.
package enum ArchiveWriter {
    /// Hands each journal row, in order, to the closure it is given.
    package typealias Journal = ((StoredJournalRow) throws -> Void) throws -> Void

    /// Writes the document to `sink` in pieces of about a megabyte; returns its summary.
    package static func write(snapshot: ProjectSnapshot, sequences: [String: Int64], standups: [[String: Value]],
                              journal: Journal?, to sink: (Data) throws -> Void) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        func nested(_ data: Data) -> Data {
            var out = Data(capacity: data.count + data.count / 8)
            for byte in data {
                out.append(byte)
                if byte == 0x0A { out.append(contentsOf: [0x20, 0x20]) }
            }
            return out
        }
        var counts: [String: Int] = [:]
        // Entities one per line, kinds and fields in name order.
        var out: [UInt8] = Array("{\n  \"entities\" : {".utf8)
        for (k, kind) in EntityKind.allCases.sorted(by: { $0.rawValue < $1.rawValue }).enumerated() {
            let rows = snapshot.entityFields(of: kind)
            counts[kind.rawValue] = rows.count
            let keys = kind.fieldNames.sorted()
            out.append(contentsOf: "\(k == 0 ? "" : ",")\n    ".utf8)
            FlatJSON.string(kind.rawValue, into: &out)
            out.append(contentsOf: " : [".utf8)
            for (i, fields) in rows.enumerated() {
                out.append(contentsOf: (i == 0 ? "\n      " : ",\n      ").utf8)
                FlatJSON.object(fields, keys: keys, into: &out)
                if out.count > 1 << 20 { try sink(Data(out)); out.removeAll(keepingCapacity: true) }
            }
            out.append(contentsOf: (rows.isEmpty ? "]" : "\n    ]").utf8)
        }
        out.append(contentsOf: "\n  }".utf8)
        try sink(Data(out))
        try sink(Data(",\n  \"format\" : \"\(ProjectArchive.formatName)\"".utf8))
        var rows: Int?
        if let journal {
            try sink(Data(",\n  \"journal\" : [".utf8))
            var count = 0
            var chunk: [UInt8] = []
            try journal { row in
                chunk.append(contentsOf: (count == 0 ? "\n    " : ",\n    ").utf8)
                Self.journalRow(row, into: &chunk)
                count += 1
                if chunk.count > 1 << 20 { try sink(Data(chunk)); chunk.removeAll(keepingCapacity: true) }
            }
            chunk.append(contentsOf: (count == 0 ? "]" : "\n  ]").utf8)
            try sink(Data(chunk))
            rows = count
        }
        let stored = standups.map { $0.mapValues(StoredValue.init) }
        try sink(Data(",\n  \"sequences\" : ".utf8) + nested(try encoder.encode(sequences)))
        try sink(Data(",\n  \"standups\" : ".utf8) + nested(try encoder.encode(stored)))
        try sink(Data(",\n  \"version\" : \(ProjectArchive.currentVersion)\n}\n".utf8))
        return ProjectArchive.summary(counts: counts, standups: standups.count, journal: rows)
    }

    /// One journal row on one line, keys in order, the change embedded as stored.
    private static func journalRow(_ row: StoredJournalRow, into out: inout [UInt8]) {
        func number(_ n: Int64?) { out.append(contentsOf: (n.map { String($0) } ?? "null").utf8) }
        out.append(contentsOf: "{\"actor\":".utf8)
        FlatJSON.string(row.actor, into: &out)
        out.append(contentsOf: ",\"at\":\(row.at.description),\"change\":".utf8)
        out.append(contentsOf: row.change.utf8)
        out.append(contentsOf: ",\"kind\":".utf8)
        FlatJSON.string(row.kind, into: &out)
        out.append(contentsOf: ",\"seq\":".utf8)
        number(row.seq)
        out.append(contentsOf: ",\"undoes\":".utf8)
        number(row.undoes)
        out.append(contentsOf: ",\"undoneBy\":".utf8)
        number(row.undoneBy)
        out.append(0x7D)
    }
}
