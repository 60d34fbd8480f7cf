import Foundation
import Testing
import Planning
import PlanStore

@Suite struct ProcessTests {
    @Test func nonUTF8ArgumentsAreRefusedWithUsageStatus() throws {
        let h = try CLIHarness.withProject()
        let r = try BinaryHarness.shell(#"$GANTRY card add "$(printf 'bad \377 title')""#, in: h.dir)
        #expect(r.status == 2)
        #expect(r.err == "gantry: Argument 3 is not valid UTF-8; Gantry stores text as UTF-8. Re-type it or convert it with iconv.\n")
        #expect(try ProjectStore.open(at: h.projectPath).load().cards.isEmpty)
    }

    @Test func usageErrorsExitTwoAndHelpExitsZero() throws {
        let h = try CLIHarness()
        let bad = try BinaryHarness.shell("$GANTRY card list --bogus", in: h.dir)
        #expect(bad.status == 2)
        #expect(bad.err.contains("Unknown option '--bogus'"))
        let help = try BinaryHarness.shell("$GANTRY card --help", in: h.dir)
        #expect(help.status == 0)
        #expect(help.out.contains("gantry card <subcommand>"))
    }

    func modes(_ path: String) throws -> [String] {
        try ["", "-wal", "-shm"].map { suffix in
            let attrs = try FileManager.default.attributesOfItem(atPath: path + suffix)
            return String((attrs[.posixPermissions] as? Int ?? 0), radix: 8)
        }
    }

    func createAndTouch(umask: String) throws -> (files: [String], dir: String) {
        let h = try CLIHarness()
        let r = try BinaryHarness.shell("umask \(umask) && $GANTRY init", in: h.dir)
        #expect(r.status == 0, "\(r.err)")
        let store = try ProjectStore.open(at: h.projectPath)
        let p = try store.load()
        try store.apply(try p.addCard(CardDraft(title: "x"), board: try p.board(named: nil), now: Date()), actor: "t", at: Date())
        let dirMode = String((try FileManager.default.attributesOfItem(atPath: h.dir + "/.gantry")[.posixPermissions] as? Int ?? 0), radix: 8)
        return (try modes(h.projectPath), dirMode)
    }

    @Test func projectFilesAreGroupWritableUnderUmask002() throws {
        let (files, dir) = try createAndTouch(umask: "002")
        #expect(files == ["664", "664", "664"])
        #expect(dir == "775")
    }

    @Test func projectFilesAreNeverWorldWritable() throws {
        let (files, dir) = try createAndTouch(umask: "000")
        #expect(files == ["664", "664", "664"])
        #expect(dir == "775")
        let (strict, strictDir) = try createAndTouch(umask: "077")
        #expect(strict == ["600", "600", "600"])
        #expect(strictDir == "700")
    }

    /// Two processes, 500 edits and moves each, on the same 20 cards (disjoint fields): every change
    /// lands in the journal and in the state, and nobody sees "database is locked".
    @Test func twoConcurrentWritersLoseNothing() async throws {
        let h = try CLIHarness.withProject()
        for i in 1...20 { try h.expectOK("card", "add", "Card \(i)") }
        let before = try ProjectStore.open(at: h.projectPath).latestSeq()
        // Round r = i / 20 touches every card once; even rounds edit text, odd rounds flip a value.
        let writerA = """
            i=0; while [ $i -lt 500 ]; do c=$(( i % 20 + 1 )); r=$(( i / 20 ))
              if [ $(( r % 2 )) -eq 0 ]; then $GANTRY card edit GAN-$c --title "A $i" || exit 1
              elif [ $(( r % 4 )) -eq 1 ]; then $GANTRY card move GAN-$c "In progress" --force || exit 1
              else $GANTRY card move GAN-$c "To do" --force || exit 1; fi
              i=$(( i + 1 )); done
            """
        let writerB = """
            i=0; while [ $i -lt 500 ]; do c=$(( i % 20 + 1 )); r=$(( i / 20 ))
              if [ $(( r % 2 )) -eq 0 ]; then $GANTRY card edit GAN-$c --description "B $i" || exit 1
              elif [ $(( r % 4 )) -eq 1 ]; then $GANTRY card edit GAN-$c --priority high || exit 1
              else $GANTRY card edit GAN-$c --priority low || exit 1; fi
              i=$(( i + 1 )); done
            """
        let dir = h.dir, project = h.projectPath
        let a = Task.detached { try BinaryHarness.shell(writerA, in: dir, environment: ["GANTRY_PROJECT": project, "GANTRY_USER": "alice"]) }
        let b = Task.detached { try BinaryHarness.shell(writerB, in: dir, environment: ["GANTRY_PROJECT": project, "GANTRY_USER": "bob"]) }
        let ra = try await a.value, rb = try await b.value
        #expect(ra.status == 0 && rb.status == 0)
        #expect(ra.err.isEmpty, "\(ra.err.prefix(500))")
        #expect(rb.err.isEmpty, "\(rb.err.prefix(500))")
        #expect(!(ra.err + rb.err).contains("locked"))

        let store = try ProjectStore.open(at: h.projectPath)
        let entries = try store.journal(after: before)
        #expect(entries.filter { $0.actor == "alice" }.count == 500)
        #expect(entries.filter { $0.actor == "bob" }.count == 500)
        let p = try store.load()
        let doing = try p.column(named: "In progress", on: try p.board(named: nil))
        let lastTextRound = 24, lastFlipRound = 23
        for c in 1...20 {
            let card = try p.card(key: "GAN-\(c)")
            #expect(card.title == "A \(lastTextRound * 20 + c - 1)")
            #expect(card.description == "B \(lastTextRound * 20 + c - 1)")
            #expect((card.columnID == doing.id) == (lastFlipRound % 4 == 1))
            #expect(card.priority == (lastFlipRound % 4 == 1 ? .high : .low))
        }
    }

    /// Ten processes at once on one project, each adding its own cards (keys allocated under
    /// contention), editing and moving them: every change lands, no key is given twice, and no
    /// process shows an error.
    @Test func tenConcurrentProcessesLoseNothing() async throws {
        let h = try CLIHarness.withProject()
        try h.expectOK("column", "wip", "To do", "none")
        try h.expectOK("column", "wip", "In progress", "none")
        let before = try ProjectStore.open(at: h.projectPath).latestSeq()
        let rounds = 8
        let script = """
            i=1; while [ $i -le \(rounds) ]; do
              key=$($GANTRY card add "$GANTRY_USER card $i" | cut -d' ' -f2)
              [ -n "$key" ] || exit 1
              $GANTRY card edit "$key" --description "edited by $GANTRY_USER" || exit 1
              $GANTRY card move "$key" "In progress" || exit 1
              i=$(( i + 1 )); done
            """
        let dir = h.dir, project = h.projectPath
        let results = try await withThrowingTaskGroup(of: (String, BinaryHarness.Result).self) { group in
            for n in 1...10 {
                let user = "user\(n)"
                group.addTask {
                    (user, try BinaryHarness.shell(script, in: dir, environment: ["GANTRY_PROJECT": project, "GANTRY_USER": user]))
                }
            }
            var all: [(String, BinaryHarness.Result)] = []
            for try await r in group { all.append(r) }
            return all
        }
        for (user, r) in results {
            #expect(r.status == 0, "\(user): \(r.err.prefix(300))")
            #expect(r.err.isEmpty, "\(user): \(r.err.prefix(300))")
        }
        let store = try ProjectStore.open(at: h.projectPath)
        let entries = try store.journal(after: before)
        #expect(entries.count == 10 * rounds * 3)
        let p = try store.load()
        let cards = p.cards.values.filter { $0.title.hasPrefix("user") }
        #expect(cards.count == 10 * rounds)
        #expect(Set(cards.map(\.key)).count == cards.count, "no key given twice")
        let doing = try p.column(named: "In progress", on: try p.board(named: nil))
        for card in cards {
            let owner = String(card.title.prefix { $0 != " " })
            #expect(card.description == "edited by \(owner)")
            #expect(card.columnID == doing.id)
        }
    }
}
