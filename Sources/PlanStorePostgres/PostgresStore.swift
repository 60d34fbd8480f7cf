import Foundation
import PlanStore
import Planning

/// A project kept in a PostgreSQL database, for teams beyond one server: the same tables,
/// journal and guarantees as the SQLite file, with the server's replication and backups.
///
/// Every write takes the journal's lock first (`LOCK TABLE journal IN EXCLUSIVE MODE`), so
/// journal numbers follow commit order without gaps: a session that has replayed up to n has
/// seen every change up to n. The writer notifies `gantry_journal` with the new number; open
/// sessions listen on their one connection and replay (see `PostgresFeed`). Plain reads never
/// wait for the lock.
public final class PostgresStore: ProjectStoring, @unchecked Sendable {
    public let address: PostgresAddress
    public var location: String { address.redacted }
    /// What the connected login may do in this project (`PostgresRoles`).
    public let role: ProjectRole
    public var isReadOnly: Bool { role == .viewer }
    public var isSnapshot: Bool { false }
    public var networkFilesystem: String? { nil }
    public var wasReplaced: Bool { false }

    let link: PostgresLink
    /// Each table's column types, to send every value as the type its column holds (read on the
    /// first write, so a command that only reads never builds them).
    var columnTypes: [String: [String: TableLayout.ColumnType]] { PostgresSchema.columnTypes }

    private init(address: PostgresAddress, link: PostgresLink, role: ProjectRole) throws {
        self.address = address
        self.link = link
        self.role = role
    }

    deinit { link.close() }

    public func readingConnection() throws -> any ProjectStoring { try PostgresStore.open(address) }

    /// Opens the project in the database `address` names, upgrading an older schema when the
    /// login may; refuses a database without a project or from a newer Gantry.
    public static func open(_ address: PostgresAddress) throws -> PostgresStore {
        let link = try PostgresLink.connect(address)
        do {
            guard let version = try PostgresSchema.version(link) else {
                throw PostgresStoreError.server(address.redacted, "the database holds no Gantry project; create one with `gantry init --project \(address.redacted)`")
            }
            if version > Schema.currentVersion {
                throw StoreError.newerSchema(path: address.redacted, found: version, supported: Schema.currentVersion)
            }
            let role = try PostgresRoles.role(of: link, database: address.database)
            if version < Schema.currentVersion {
                guard role == .admin else {
                    throw PostgresStoreError.notAllowed(address.redacted, "upgrade the project's tables to schema \(Schema.currentVersion) (it is at \(version)); ask a project admin to open it once")
                }
                try PostgresSchema.install(link)
            }
            return try PostgresStore(address: address, link: link, role: role)
        } catch {
            link.close()
            throw error
        }
    }

    /// Makes a project in the (existing) database `address` names and fills it with `fill`, in
    /// the one transaction that creates its tables and the viewer, editor and admin roles: a
    /// failure leaves the database as it was. The login that creates it is its admin.
    @discardableResult
    public static func create(_ address: PostgresAddress, _ fill: (PostgresStore) throws -> Void) throws -> PostgresStore {
        let link = try PostgresLink.connect(address)
        do {
            return try link.transaction {
                if try PostgresSchema.version(link) != nil { throw StoreError.alreadyExists(path: address.redacted) }
                try PostgresSchema.install(link)
                try PostgresRoles.install(link, database: address.database)
                let store = try PostgresStore(address: address, link: link, role: .admin)
                try fill(store)
                return store
            }
        } catch {
            link.close()
            throw error
        }
    }

    /// Whether the database `address` names already holds a Gantry project.
    public static func holdsProject(_ address: PostgresAddress) throws -> Bool {
        let link = try PostgresLink.connect(address)
        defer { link.close() }
        return try PostgresSchema.version(link) != nil
    }

    /// Runs `body` in one write transaction holding the journal's lock, refusing at once for a viewer.
    @discardableResult
    func writing<T>(_ body: () throws -> T) throws -> T {
        guard !isReadOnly else { throw PostgresStoreError.notAllowed(location, "change anything (your role is viewer)") }
        return try link.transaction {
            try link.query("LOCK TABLE journal IN EXCLUSIVE MODE")
            return try body()
        }
    }

    /// Runs `body` in one read-only transaction that sees one moment of the project.
    func reading<T>(_ body: () throws -> T) throws -> T {
        try link.transaction(readOnly: true, body)
    }

    /// `value` as its column stores it (SQLite's column affinity, which the journal assumes).
    func stored(_ value: Value, table: String, column: String) -> Value {
        switch (columnTypes[table]?[column], value) {
        case (.real, .int(let i)): return .real(Double(i))
        case (.integer, .real(let d)): return Value.real(d).int.map(Value.int) ?? value
        case (.text, .int), (.text, .real): return .text(value.description)
        default: return value
        }
    }
}
