import Foundation
import PlanStore
import Planning

/// What a login may do in a project kept in PostgreSQL.
public enum ProjectRole: String, Sendable, CaseIterable, Comparable {
    /// Reads everything; writes nothing but its own presence.
    case viewer
    /// Also changes the work: cards, RAID items, tasks, sprints, stand-ups.
    case editor
    /// Also grants roles, and upgrades the tables when a newer Gantry needs it.
    case admin

    public static func < (a: ProjectRole, b: ProjectRole) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// Roles are PostgreSQL group roles per project database (`gantry_<db>_viewer`, `_editor`,
/// `_admin`), so the server enforces them whatever client a person uses: a viewer's own SQL
/// cannot write either. The admin group owns the tables; editors hold INSERT, UPDATE and DELETE
/// on the work tables; viewers hold SELECT, and write only `presence`.
enum PostgresRoles {
    static func groupName(_ role: ProjectRole, database: String) -> String {
        let safe = String(database.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "_" }.prefix(40))
        return "gantry_\(safe)_\(role.rawValue)"
    }

    /// Creates the three group roles and their grants; the creating login becomes an admin.
    static func install(_ link: PostgresLink, database: String) throws {
        let q = PostgresSchema.quote
        let viewer = q(groupName(.viewer, database: database))
        let editor = q(groupName(.editor, database: database))
        let admin = q(groupName(.admin, database: database))
        try link.transaction {
            for role in ProjectRole.allCases {
                let name = groupName(role, database: database)
                if try link.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [.text(name)]).isEmpty {
                    try link.query("CREATE ROLE \(q(name)) NOLOGIN")
                }
            }
            try link.query("GRANT \(viewer) TO \(editor)")
            try link.query("GRANT \(editor) TO \(admin)")
            try link.query("GRANT \(admin) TO CURRENT_USER WITH ADMIN OPTION")
            for role in [viewer, editor] { try link.query("GRANT \(role) TO \(admin) WITH ADMIN OPTION") }
            try link.query("REVOKE ALL ON ALL TABLES IN SCHEMA public FROM PUBLIC")
            try link.query("GRANT USAGE ON SCHEMA public TO \(viewer)")
            try link.query("GRANT SELECT ON ALL TABLES IN SCHEMA public TO \(viewer)")
            try link.query("GRANT INSERT, UPDATE, DELETE ON presence TO \(viewer)")
            let work = try PostgresSchema.layouts().map(\.name).filter { $0 != "presence" }
            try link.query("GRANT INSERT, UPDATE, DELETE ON \(work.map(q).joined(separator: ", ")) TO \(editor)")
            try link.query("GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO \(editor)")
            for table in try PostgresSchema.layouts().map(\.name) + [PostgresSchema.versionTable] {
                try link.query("ALTER TABLE \(q(table)) OWNER TO \(admin)")
            }
        }
    }

    /// The connected login's role: admin when it owns the tables (or is a superuser), else the
    /// highest group it is in. A login in none of them is refused.
    static func role(of link: PostgresLink, database: String) throws -> ProjectRole {
        let member = "EXISTS (SELECT 1 FROM pg_roles g WHERE g.rolname = $%d AND pg_has_role(CURRENT_USER, g.oid, 'MEMBER'))"
        let row = try link.query("SELECT r.rolsuper, \(String(format: member, 1)), \(String(format: member, 2)), \(String(format: member, 3)) FROM pg_roles r WHERE r.rolname = CURRENT_USER",
                                 ProjectRole.allCases.reversed().map { .text(groupName($0, database: database)) }).first ?? []
        if row.first?.int == 1 { return .admin }
        for (i, role) in ProjectRole.allCases.reversed().enumerated() where row.count > i + 1 && row[i + 1].int == 1 {
            return role
        }
        throw PostgresStoreError.notAllowed(link.location, "open this project (the login has no project role; ask a project admin for one with `gantry access grant`)")
    }
}

extension PostgresStore {
    /// Gives `login` (an existing PostgreSQL login) the project role `role`, replacing any other.
    public func grant(_ role: ProjectRole, to login: String) throws {
        guard self.role == .admin else { throw PostgresStoreError.notAllowed(location, "grant roles (your role is \(self.role.rawValue))") }
        guard try !link.query("SELECT 1 FROM pg_roles WHERE rolname = $1 AND rolcanlogin", [.text(login)]).isEmpty else {
            throw PostgresStoreError.server(location, "there is no login named \(login); create it first (createuser \(login))")
        }
        try link.transaction {
            for other in ProjectRole.allCases where other != role {
                try link.query("REVOKE \(PostgresSchema.quote(PostgresRoles.groupName(other, database: address.database))) FROM \(PostgresSchema.quote(login))")
            }
            try link.query("GRANT \(PostgresSchema.quote(PostgresRoles.groupName(role, database: address.database))) TO \(PostgresSchema.quote(login))")
        }
    }

    /// Takes every project role away from `login`.
    public func revokeRoles(from login: String) throws {
        guard role == .admin else { throw PostgresStoreError.notAllowed(location, "revoke roles (your role is \(role.rawValue))") }
        try link.transaction {
            for other in ProjectRole.allCases {
                try link.query("REVOKE \(PostgresSchema.quote(PostgresRoles.groupName(other, database: address.database))) FROM \(PostgresSchema.quote(login))")
            }
        }
    }

    /// Every login with a project role, and its highest role, by name.
    public func roles() throws -> [(login: String, role: ProjectRole)] {
        var out: [String: ProjectRole] = [:]
        for role in ProjectRole.allCases {
            let rows = try link.query("""
                SELECT m.rolname FROM pg_roles g JOIN pg_auth_members a ON a.roleid = g.oid JOIN pg_roles m ON m.oid = a.member
                WHERE g.rolname = $1 AND m.rolcanlogin
                """, [.text(PostgresRoles.groupName(role, database: address.database))])
            for row in rows { if let login = row[0].string { out[login] = max(out[login] ?? role, role) } }
        }
        return out.sorted { $0.key < $1.key }.map { (login: $0.key, role: $0.value) }
    }
}
