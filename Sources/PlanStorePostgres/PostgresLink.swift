import Foundation
import Logging
import NIOCore
import NIOSSL
import Planning
import PostgresNIO

/// One connection to the server, used synchronously: the app and the CLI call the store from
/// their own thread and wait for each answer (the event loop works on its own threads). One
/// statement at a time, under a lock, so a transaction's statements never interleave with
/// another caller's. Notifications arrive on the same connection while it is idle.
///
/// A connection the server closed (a restart, a failover, an idle timeout) is replaced on the
/// next statement outside a transaction; `generation` counts the replacements, so a listener
/// knows to listen again.
final class PostgresLink: @unchecked Sendable {
    private(set) var connection: PostgresConnection
    private(set) var generation = 0
    let location: String
    private let configuration: PostgresConnection.Configuration
    private let lock = NSRecursiveLock()
    private let logger: Logger
    private var inTransaction = false

    private init(connection: PostgresConnection, configuration: PostgresConnection.Configuration, location: String, logger: Logger) {
        (self.connection, self.configuration, self.location, self.logger) = (connection, configuration, location, logger)
    }

    static func connect(_ address: PostgresAddress) throws -> PostgresLink {
        var logger = Logger(label: "gantry.postgres")
        logger.logLevel = .critical
        var configuration: PostgresConnection.Configuration
        if address.isSocket {
            configuration = .init(unixSocketPath: address.socketPath, username: address.user, password: address.password, database: address.database)
        } else {
            configuration = .init(host: address.host, port: address.port, username: address.user, password: address.password,
                                  database: address.database, tls: try tls(address))
        }
        configuration.options.connectTimeout = .seconds(5)
        let location = address.redacted
        let connection = try open(configuration, location: location, logger: logger)
        return PostgresLink(connection: connection, configuration: configuration, location: location, logger: logger)
    }

    private static func open(_ configuration: PostgresConnection.Configuration, location: String, logger: Logger) throws -> PostgresConnection {
        do {
            return try PostgresConnection.connect(on: PostgresConnection.defaultEventLoopGroup.next(), configuration: configuration,
                                                  id: 1, logger: logger).wait()
        } catch {
            throw translate(error, location: location, connecting: true)
        }
    }

    /// True when the connection is open, after replacing a closed one if possible.
    func reconnectIfClosed() -> Bool {
        lock.lock()
        defer { lock.unlock() }
        guard connection.isClosed else { return true }
        guard !inTransaction, let fresh = try? Self.open(configuration, location: location, logger: logger) else { return false }
        connection = fresh
        generation += 1
        return true
    }

    /// libpq's sslmode: `disable` never, `allow`/`prefer` when the server offers it, `require`
    /// always without checking the certificate, `verify-ca` checking it against the root
    /// certificates, `verify-full` also checking that it names the host.
    private static func tls(_ address: PostgresAddress) throws -> PostgresConnection.Configuration.TLS {
        var config = TLSConfiguration.makeClientConfiguration()
        switch address.sslMode {
        case .disable: return .disable
        case .allow, .prefer, .require: config.certificateVerification = .none
        case .verifyCA: config.certificateVerification = .noHostnameVerification
        case .verifyFull: config.certificateVerification = .fullVerification
        }
        if let root = address.sslRootCert ?? ProcessInfo.processInfo.environment["HOME"].map({ "\($0)/.postgresql/root.crt" }),
           address.sslMode == .verifyCA || address.sslMode == .verifyFull {
            guard FileManager.default.fileExists(atPath: root) else {
                throw PostgresStoreError.badAddress(address.redacted, "sslmode \(address.sslMode.rawValue) needs the server's root certificate, and \(root) does not exist (set sslrootcert=FILE)")
            }
            config.trustRoots = .file(root)
        }
        let context: NIOSSLContext
        do { context = try NIOSSLContext(configuration: config) } catch {
            throw PostgresStoreError.badAddress(address.redacted, "its TLS settings cannot be used (\(error))")
        }
        return address.sslMode == .allow || address.sslMode == .prefer ? .prefer(context) : .require(context)
    }

    /// Runs one statement with `binds` for `$1`, `$2`…; returns its rows as stored values.
    @discardableResult
    func query(_ sql: String, _ binds: [Value] = []) throws -> [[Value]] {
        var bindings = PostgresBindings(capacity: binds.count)
        for value in binds {
            switch value {
            case .null: bindings.appendNull()
            case .int(let i): bindings.append(i)
            case .real(let d): bindings.append(d)
            case .text(let s): bindings.append(s)
            }
        }
        lock.lock()
        defer { lock.unlock() }
        // A query written to a connection the server has closed is never answered: open a new
        // one, or, inside a transaction (which the server has rolled back), fail at once.
        if connection.isClosed {
            guard !inTransaction else { throw PostgresStoreError.unreachable(location, "the connection was lost; nothing was changed") }
            connection = try Self.open(configuration, location: location, logger: logger)
            generation += 1
        }
        do {
            let result = try wait(connection.query(PostgresQuery(unsafeSQL: sql, binds: bindings), logger: logger))
            return try result.rows.map { row in try row.map(Self.value) }
        } catch {
            throw Self.translate(error, location: location)
        }
    }

    /// How long one statement may go unanswered before the connection is given up (a server
    /// gone without closing the connection, a network cut): a session must never hang.
    static let answerTimeout: TimeInterval = 30

    private func wait<T: Sendable>(_ future: EventLoopFuture<T>) throws -> T {
        let done = DispatchSemaphore(value: 0)
        let box = ResultBox<T>()
        future.whenComplete { result in
            box.set(result)
            done.signal()
        }
        guard done.wait(timeout: .now() + Self.answerTimeout) == .success, let result = box.get() else {
            let closing: EventLoopFuture<Void> = connection.close()
            closing.whenComplete { _ in }
            throw PostgresStoreError.unreachable(location, "no answer for \(Int(Self.answerTimeout)) s; the connection was closed")
        }
        return try result.get()
    }

    /// Runs `body` in one transaction: committed when it returns, rolled back when it throws.
    /// Nested calls join the outer transaction. A read-only one sees one moment throughout.
    @discardableResult
    func transaction<T>(readOnly: Bool = false, _ body: () throws -> T) throws -> T {
        lock.lock()
        defer { lock.unlock() }
        if inTransaction { return try body() }
        try query(readOnly ? "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY" : "BEGIN")
        inTransaction = true
        defer { inTransaction = false }
        do {
            let result = try body()
            try query("COMMIT")
            return result
        } catch {
            _ = try? query("ROLLBACK")
            throw error
        }
    }

    func close() {
        guard !connection.isClosed else { return }
        let closing: EventLoopFuture<Void> = connection.close()
        _ = try? wait(closing)
    }

    private static func value(_ cell: PostgresCell) throws -> Value {
        guard cell.bytes != nil else { return .null }
        switch cell.dataType {
        case .int2: return .int(Int64(try cell.decode(Int16.self)))
        case .int4: return .int(Int64(try cell.decode(Int32.self)))
        case .int8: return .int(try cell.decode(Int64.self))
        case .float4: return .real(Double(try cell.decode(Float.self)))
        case .float8: return .real(try cell.decode(Double.self))
        case .bool: return .int(try cell.decode(Bool.self) ? 1 : 0)
        default: return .text(try cell.decode(String.self))
        }
    }

    /// The socket error inside a driver's description, when there is a common one.
    private static func plain(_ cause: String) -> String {
        for (found, said) in [("Connection refused", "connection refused"), ("No such file or directory", "no server socket there"),
                              ("Connection timed out", "the connection timed out"), ("Network is unreachable", "the network is unreachable")]
        where cause.contains(found) {
            return said
        }
        return cause
    }

    /// A driver error as a sentence about this project.
    static func translate(_ error: any Error, location: String, connecting: Bool = false) -> any Error {
        if error is PostgresStoreError { return error }
        guard let psql = error as? PSQLError else {
            return PostgresStoreError.unreachable(location, "\(error)")
        }
        if let info = psql.serverInfo {
            let message = info[.message] ?? "an error"
            switch info[.sqlState] ?? "" {
            case "28P01", "28000": return PostgresStoreError.refusedLogin(location, message)
            case "3D000": return PostgresStoreError.noDatabase(location)
            case "42501": return PostgresStoreError.notAllowed(location, "write (\(message))")
            case "53300": return PostgresStoreError.unreachable(location, "the server has no connection left: \(message)")
            default: return PostgresStoreError.server(location, message)
            }
        }
        switch psql.code {
        case .authMechanismRequiresPassword: return PostgresStoreError.refusedLogin(location, "it asks for a password and none was given")
        case .sslUnsupported: return PostgresStoreError.unreachable(location, "the server does not offer TLS, and sslmode requires it")
        default:
            let cause = plain(psql.underlying.map { "\($0)" } ?? psql.code.description)
            return PostgresStoreError.unreachable(location, connecting ? cause : "the connection was lost: \(cause)")
        }
    }
}

/// A result handed from the event loop to the waiting thread.
private final class ResultBox<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Result<T, any Error>?

    func set(_ result: Result<T, any Error>) {
        lock.lock()
        value = result
        lock.unlock()
    }

    func get() -> Result<T, any Error>? {
        lock.lock()
        defer { lock.unlock() }
        return value
    }
}
