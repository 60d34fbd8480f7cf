import Foundation
import GantryTestSupport
import Planning
@testable import PlanStore
import PlanStorePostgres

/// A project of its own for one test, in either store: a file in a private temporary folder
/// (removed when the test ends), or a new database on the test server.
final class TempProject {
    let kind: StoreKind
    let dir: String
    /// The file's path, or the database's address.
    let path: String
    let store: any ProjectStoring
    static let now = Date(timeIntervalSince1970: 1_795_694_400)

    /// The SQLite store, for tests of the file itself.
    var file: ProjectStore { store as! ProjectStore }

    init(_ kind: StoreKind = .sqlite) throws {
        self.kind = kind
        dir = NSTemporaryDirectory() + "gantry-store-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let setup = ProjectSetup.newProject(name: "Test", keyPrefix: "GAN", board: "Main")
        switch kind {
        case .sqlite:
            path = dir + "/project.sqlite"
            store = try ProjectStore.create(at: path)
            try store.apply(setup, actor: "ana", at: Self.now)
        case .postgres:
            path = try TestPostgres.newDatabase()
            store = try PostgresStore.create(try PostgresAddress(parsing: path, environment: [:])) { try $0.apply(setup, actor: "ana", at: Self.now) }
        }
    }

    /// Another session on the same project: its own connection.
    func reopen() throws -> any ProjectStoring {
        switch kind {
        case .sqlite: return try ProjectStore.open(at: path)
        case .postgres: return try PostgresStore.open(try PostgresAddress(parsing: path, environment: [:]))
        }
    }

    deinit { try? FileManager.default.removeItem(atPath: dir) }

    func addCard(_ title: String, actor: String = "ana") throws -> Card {
        let p = try store.load()
        let entry = try store.apply(try p.addCard(CardDraft(title: title), board: try p.board(named: nil), now: Self.now), actor: actor, at: Self.now)
        return try store.load().card(key: entry.change.edits.last!.label)
    }

    func bytes() throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }
}
