import PlanStore

/// What goes wrong only with a server: an address that cannot be read, a server that cannot be
/// reached or refuses the login, a role that may not do what was asked. Each says what to do.
public enum PostgresStoreError: Error, Equatable, Sendable, CustomStringConvertible {
    case badAddress(String, String)
    case unreachable(String, String)
    case refusedLogin(String, String)
    case noDatabase(String)
    case notAllowed(String, String)
    case server(String, String)

    public var description: String {
        switch self {
        case .badAddress(let text, let reason):
            return "Cannot read the PostgreSQL address \(Self.hidingPassword(text)): \(reason)."
        case .unreachable(let location, let reason):
            return "Cannot reach the PostgreSQL server for \(location) (\(reason)). Check that it runs and that host and port are right; nothing was changed."
        case .refusedLogin(let location, let reason):
            return "The PostgreSQL server refused the login for \(location) (\(reason)). Set the password in PGPASSWORD or ~/.pgpass (mode 0600)."
        case .noDatabase(let location):
            return "There is no database at \(location). Create it with `createdb`, then `gantry init --project` the same address."
        case .notAllowed(let location, let what):
            return "Your role may not \(what) in \(location); nothing was changed. A project admin can grant more with `gantry access grant`."
        case .server(let location, let message):
            return "The PostgreSQL server for \(location) reported: \(message). Nothing was changed."
        }
    }

    /// An address with its password replaced, for messages.
    public static func hidingPassword(_ text: String) -> String {
        guard let scheme = text.range(of: "://"), let at = text[scheme.upperBound...].firstIndex(of: "@") else { return text }
        let userInfo = text[scheme.upperBound..<at]
        guard let colon = userInfo.firstIndex(of: ":") else { return text }
        return String(text[..<colon]) + ":***" + String(text[at...])
    }
}
