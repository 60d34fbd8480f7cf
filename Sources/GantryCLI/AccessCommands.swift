import ArgumentParser
import PlanStore
import PlanStorePostgres

/// Who may do what. In PostgreSQL a project role per login (viewer, editor, admin) that the
/// server enforces; in a project file the file's Unix permissions, which these commands explain.
struct AccessCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "access",
        abstract: "Show and set who may read and change the project (PostgreSQL roles; file permissions for a file).",
        subcommands: [List.self, Grant.self, Revoke.self])

    static func server(_ project: ProjectOption) throws -> PostgresStore {
        let context = CLIContext.current
        let location = try ProjectLocator.locate(explicit: project.project, context: context)
        guard let store = try ProjectLocator.open(location, context: context) as? PostgresStore else {
            throw CLIError.refused("""
                \(location) is a project file: who may read or change it is the file's Unix permissions. \
                Give a team write access with a shared group (chgrp TEAM FILE; chmod g+rw FILE and its folder), \
                read-only access with g+r only. Roles per person need the project in PostgreSQL (gantry migrate --to postgres://…).
                """)
        }
        return store
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the logins with a project role.")
        @Flag(help: "Print JSON.") var json = false
        @OptionGroup var project: ProjectOption

        func run() throws {
            let store = try AccessCommand.server(project)
            let roles = try store.roles()
            let output = CLIContext.current.output
            if json {
                output.print(JSON.array(roles.map { JSON.object([("login", .string($0.login)), ("role", .string($0.role.rawValue))]) }).rendered())
                return
            }
            var table = TextTable("LOGIN", "ROLE")
            for r in roles { table.add([r.login, r.role.rawValue]) }
            output.print("You are \(store.address.user) (\(store.role.rawValue)).")
            output.print(roles.isEmpty ? "No other login has a role yet. Give one with: gantry access grant LOGIN editor" : table.rendered())
        }
    }

    struct Grant: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Give a PostgreSQL login a project role, replacing its previous one.",
            discussion: "viewer reads; editor also changes the work; admin also grants roles and upgrades the tables. The login must exist (createuser LOGIN).")
        @Argument(help: "The PostgreSQL login.") var login: String
        @Argument(help: "viewer, editor or admin.") var role: String
        @OptionGroup var project: ProjectOption

        func run() throws {
            guard let chosen = ProjectRole(rawValue: role) else {
                throw CLIError.usage("\"\(role)\" is not a role; use viewer, editor or admin.")
            }
            let store = try AccessCommand.server(project)
            try store.grant(chosen, to: login)
            CLIContext.current.output.print("\(login) is now \(chosen == .admin ? "an" : "a") \(chosen.rawValue) of \(store.location).")
        }
    }

    struct Revoke: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Take every project role away from a PostgreSQL login.")
        @Argument(help: "The PostgreSQL login.") var login: String
        @OptionGroup var project: ProjectOption

        func run() throws {
            let store = try AccessCommand.server(project)
            try store.revokeRoles(from: login)
            CLIContext.current.output.print("\(login) has no role in \(store.location) any more; it can no longer open it.")
        }
    }
}
