import Foundation

/// The PostgreSQL server the tests use: the one `GANTRY_TEST_POSTGRES` names (`.ci/run` starts
/// it), else a throwaway cluster started here with `.ci/postgres` and stopped when the tests end.
/// Each test gets a database of its own. Where no server can be started, `unavailable` says why,
/// and the PostgreSQL cases are left out with that message printed.
public enum TestPostgres {
    /// The superuser's address of the server's `postgres` database.
    public static var address: String? { server.address }
    /// Why there is no server, when there is none.
    public static var unavailable: String? { server.problem }

    /// The stores a store test runs against: SQLite always, PostgreSQL when a server is up.
    public static var storeKinds: [StoreKind] {
        address == nil ? [.sqlite] : [.sqlite, .postgres]
    }

    /// A new, empty database's address (as the superuser).
    public static func newDatabase() throws -> String {
        guard let address else { throw TestPostgresError(message: unavailable ?? "no server") }
        let name = "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(20)
        try psql(address, "CREATE DATABASE \(name)")
        return with(database: String(name), address)
    }

    /// `address` with another database.
    public static func with(database: String, _ address: String) -> String {
        guard let scheme = address.range(of: "://"),
              let slash = address[scheme.upperBound...].firstIndex(of: "/") else { return address }
        let rest = address[slash...].dropFirst()
        let query = rest.firstIndex(of: "?").map { String(rest[$0...]) } ?? ""
        return String(address[..<slash]) + "/" + database + query
    }

    /// Runs SQL through `psql` as the superuser; throws with psql's message when it fails.
    @discardableResult
    public static func psql(_ address: String, _ sql: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/psql")
        process.arguments = [address, "-v", "ON_ERROR_STOP=1", "-qtAc", sql]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let output = out.fileHandleForReading.readDataToEndOfFile()
        let errors = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw TestPostgresError(message: "psql: " + String(decoding: errors, as: UTF8.self))
        }
        return String(decoding: output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private struct Server: Sendable {
        var address: String?
        var problem: String?
    }

    private static let server: Server = {
        if let given = ProcessInfo.processInfo.environment["GANTRY_TEST_POSTGRES"], !given.isEmpty {
            return Server(address: given, problem: nil)
        }
        let dir = NSTemporaryDirectory() + "gantry-pg-" + UUID().uuidString.prefix(8)
        // popen, not Process: this runs while tests are being discovered, where Foundation's
        // Process was seen never to notice that its child had exited.
        guard let pipe = popen("bash '\(TestPostgres.root)/.ci/postgres' start '\(dir)' 2>&1", "r") else {
            return report(Server(address: nil, problem: "cannot run .ci/postgres"))
        }
        var output = ""
        var buffer = [CChar](repeating: 0, count: 4096)
        while fgets(&buffer, Int32(buffer.count), pipe) != nil {
            output += String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        }
        let status = pclose(pipe)
        let lines = output.split(separator: "\n")
        guard status == 0, let line = lines.last, line.hasPrefix("postgres://") else {
            return report(Server(address: nil, problem: output.trimmingCharacters(in: .whitespacesAndNewlines)))
        }
        startedCluster = dir
        atexit {
            guard let dir = TestPostgres.startedCluster else { return }
            // system(), not Process: Foundation's threads cannot be relied on while the process exits.
            _ = system("bash '\(TestPostgres.root)/.ci/postgres' stop '\(dir)' >/dev/null 2>&1")
        }
        return Server(address: String(line), problem: nil)
    }()

    nonisolated(unsafe) private static var startedCluster: String?

    /// The package's folder, where `.ci/postgres` is.
    private static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    private static func report(_ server: Server) -> Server {
        FileHandle.standardError.write(Data("PostgreSQL store tests skipped: no server could be started (\(server.problem ?? "unknown reason")).\n".utf8))
        return server
    }
}

/// Which store a store test runs against.
public enum StoreKind: String, Sendable {
    case sqlite, postgres
}

public struct TestPostgresError: Error, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}
