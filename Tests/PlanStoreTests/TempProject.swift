import Foundation
import Planning
@testable import PlanStore

/// A project file in a private temporary folder, removed when the test ends.
final class TempProject {
    let dir: String
    let path: String
    let store: ProjectStore
    static let now = Date(timeIntervalSince1970: 1_795_694_400)

    init() throws {
        dir = NSTemporaryDirectory() + "gantry-store-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        path = dir + "/project.sqlite"
        store = try ProjectStore.create(at: path)
        try store.apply(ProjectSetup.newProject(name: "Test", keyPrefix: "GAN", board: "Main"), actor: "ana", at: Self.now)
    }

    deinit { try? FileManager.default.removeItem(atPath: dir) }

    func addCard(_ title: String, actor: String = "ana") throws -> Card {
        let p = try store.load()
        let entry = try store.apply(try p.addCard(CardDraft(title: title), board: try p.board(named: nil), now: Self.now), actor: actor, at: Self.now)
        return try store.load().card(key: entry.change.edits.last!.label)
    }

    func bytes() throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }
}
