import Foundation

/// A `postgres://user:password@host:port/database?sslmode=…` address, read as libpq reads it:
/// what the URL leaves out comes from `PGHOST`, `PGPORT`, `PGUSER`, `PGDATABASE`, `PGSSLMODE`;
/// the password from the URL, else `PGPASSWORD`, else a matching `~/.pgpass` line (ignored, as
/// libpq does, when the file is readable by others). A host that starts with `/` is the folder
/// of the server's Unix socket.
public struct PostgresAddress: Equatable, Sendable {
    public enum SSLMode: String, Sendable, CaseIterable {
        case disable, allow, prefer, require
        case verifyCA = "verify-ca"
        case verifyFull = "verify-full"
    }

    public var host: String
    public var port: Int
    public var user: String
    public var password: String?
    public var database: String
    public var sslMode: SSLMode
    /// The CA certificates `verify-ca` and `verify-full` check the server against.
    public var sslRootCert: String?

    /// True for a Unix socket (the host is its folder).
    public var isSocket: Bool { host.hasPrefix("/") }
    public var socketPath: String { "\(host)/.s.PGSQL.\(port)" }

    /// Whether `text` names a PostgreSQL project rather than a file.
    public static func isAddress(_ text: String) -> Bool {
        text.hasPrefix("postgres://") || text.hasPrefix("postgresql://")
    }

    /// The address as people should see it: everything but the password.
    public var redacted: String {
        var hostPart = isSocket ? "" : host
        if !isSocket, port != 5432 { hostPart += ":\(port)" }
        var text = "postgres://\(user.addingPercentEncoding(withAllowedCharacters: .urlUserAllowed) ?? user)@\(hostPart)/\(database)"
        if isSocket { text += "?host=\(host)" + (port != 5432 ? "&port=\(port)" : "") }
        return text
    }

    public init(host: String, port: Int = 5432, user: String, password: String? = nil, database: String,
                sslMode: SSLMode = .prefer, sslRootCert: String? = nil) {
        (self.host, self.port, self.user, self.password, self.database) = (host, port, user, password, database)
        (self.sslMode, self.sslRootCert) = (sslMode, sslRootCert)
    }

    /// Reads `text`; `home` is where `.pgpass` is looked for (`PGPASSFILE` overrides it).
    public init(parsing text: String, environment: [String: String], home: String? = nil) throws {
        guard Self.isAddress(text), let scheme = text.range(of: "://") else {
            throw PostgresStoreError.badAddress(text, "it does not start with postgres://")
        }
        var rest = String(text[scheme.upperBound...])
        var query: [String: String] = [:]
        if let q = rest.firstIndex(of: "?") {
            for pair in rest[rest.index(after: q)...].split(separator: "&") {
                let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
                guard parts.count == 2, let value = parts[1].removingPercentEncoding else {
                    throw PostgresStoreError.badAddress(text, "\"\(pair)\" is not name=value")
                }
                query[parts[0]] = value
            }
            rest = String(rest[..<q])
        }
        let slash = rest.firstIndex(of: "/")
        let authority = String(slash.map { rest[..<$0] } ?? rest[...])
        let path = slash.map { String(rest[rest.index(after: $0)...]) } ?? ""
        var userInfo: String?
        var hostPort = authority
        if let at = authority.lastIndex(of: "@") {
            userInfo = String(authority[..<at])
            hostPort = String(authority[authority.index(after: at)...])
        }
        var urlUser: String?
        var urlPassword: String?
        if let userInfo {
            let parts = userInfo.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            urlUser = parts[0].removingPercentEncoding
            if parts.count == 2 { urlPassword = parts[1].removingPercentEncoding }
        }
        var urlHost: String?
        var urlPort: String?
        if hostPort.hasPrefix("[") , let close = hostPort.firstIndex(of: "]") {
            urlHost = String(hostPort[hostPort.index(after: hostPort.startIndex)..<close])
            let after = hostPort[hostPort.index(after: close)...]
            if after.hasPrefix(":") { urlPort = String(after.dropFirst()) }
        } else if let colon = hostPort.lastIndex(of: ":") {
            urlHost = String(hostPort[..<colon])
            urlPort = String(hostPort[hostPort.index(after: colon)...])
        } else if !hostPort.isEmpty {
            urlHost = hostPort
        }
        urlHost = urlHost?.removingPercentEncoding
        func pick(_ values: String?...) -> String? { values.lazy.compactMap { $0 }.first { !$0.isEmpty } }
        let portText = pick(query["port"], urlPort, environment["PGPORT"]) ?? "5432"
        guard let port = Int(portText), (1...65535).contains(port) else {
            throw PostgresStoreError.badAddress(text, "port \"\(portText)\" is not a number from 1 to 65535")
        }
        let systemUser = environment["USER"] ?? environment["LOGNAME"] ?? "postgres"
        let user = pick(query["user"], urlUser, environment["PGUSER"]) ?? systemUser
        let host = pick(query["host"], urlHost, environment["PGHOST"]) ?? "/var/run/postgresql"
        let database = pick(query["dbname"], path.removingPercentEncoding, environment["PGDATABASE"]) ?? user
        let modeText = pick(query["sslmode"], environment["PGSSLMODE"]) ?? "prefer"
        guard let mode = SSLMode(rawValue: modeText) else {
            throw PostgresStoreError.badAddress(text, "sslmode \"\(modeText)\" is not one of \(SSLMode.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        if let unknown = query.keys.sorted().first(where: { !["host", "port", "user", "password", "dbname", "sslmode", "sslrootcert"].contains($0) }) {
            throw PostgresStoreError.badAddress(text, "\"\(unknown)\" is not a parameter Gantry reads (host, port, user, password, dbname, sslmode, sslrootcert)")
        }
        self.init(host: host, port: port, user: user, database: database, sslMode: mode,
                  sslRootCert: pick(query["sslrootcert"], environment["PGSSLROOTCERT"]))
        password = pick(query["password"], urlPassword, environment["PGPASSWORD"])
            ?? PGPassFile.password(for: self, file: environment["PGPASSFILE"] ?? home.map { "\($0)/.pgpass" } ?? environment["HOME"].map { "\($0)/.pgpass" })
    }
}

/// `~/.pgpass`: `host:port:database:user:password` lines, `*` matching anything, `\:` and `\\`
/// escaped; the first matching line wins. A Unix socket matches the host `localhost`.
enum PGPassFile {
    static func password(for address: PostgresAddress, file: String?) -> String? {
        guard let file, let text = try? String(contentsOfFile: file, encoding: .utf8) else { return nil }
        var st = stat()
        // libpq ignores a password file that group or others can read; so do we.
        guard stat(file, &st) == 0, st.st_mode & 0o077 == 0 else { return nil }
        let hosts = address.isSocket ? ["localhost", address.host] : [address.host]
        for line in text.split(whereSeparator: \.isNewline) where !line.hasPrefix("#") {
            let fields = split(String(line))
            guard fields.count == 5 else { continue }
            func matches(_ field: String, _ values: [String]) -> Bool { field == "*" || values.contains(field) }
            if matches(fields[0], hosts), matches(fields[1], [String(address.port)]),
               matches(fields[2], [address.database]), matches(fields[3], [address.user]) {
                return fields[4]
            }
        }
        return nil
    }

    private static func split(_ line: String) -> [String] {
        var fields: [String] = []
        var current = ""
        var escaped = false
        for ch in line {
            if escaped { current.append(ch); escaped = false }
            else if ch == "\\" { escaped = true }
            else if ch == ":" && fields.count < 4 { fields.append(current); current = "" }
            else { current.append(ch) }
        }
        fields.append(current)
        return fields
    }
}
