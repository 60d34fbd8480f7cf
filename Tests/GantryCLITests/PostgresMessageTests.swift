import Testing

/// What a person sees when a PostgreSQL address is wrong, with or without a server about.
@Suite struct PostgresMessageTests {
    @Test func badAddressesAndUnreachableServersAreNamedWithoutThePassword() throws {
        let h = try CLIHarness()
        let refused = h.run("card", "list", "--project", "postgres://ana:hunter2@127.0.0.1:1/plan")
        #expect(refused.status == 1)
        #expect(refused.err.contains("Cannot reach the PostgreSQL server for postgres://ana@127.0.0.1:1/plan (connection refused)"))
        #expect(!refused.err.contains("hunter2"))
        let socket = h.run("card", "list", "--project", "postgres://ana@/plan?host=\(h.dir)/nowhere")
        #expect(socket.status == 1 && socket.err.contains("(no server socket there)"))
        let mode = h.run("card", "list", "--project", "postgres://ana:hunter2@db/plan?sslmode=maybe")
        #expect(mode.status == 2 && mode.err.contains("sslmode \"maybe\" is not one of disable, allow, prefer, require, verify-ca, verify-full"))
        #expect(!mode.err.contains("hunter2"))
        let port = h.run("card", "list", "--project", "postgres://db:70000/plan")
        #expect(port.status == 2 && port.err.contains("port \"70000\" is not a number from 1 to 65535"))
    }
}
