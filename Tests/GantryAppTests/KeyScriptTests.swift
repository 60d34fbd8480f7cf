import Foundation
import Testing
import Planning
import PlanStore
import TerminalUI
@testable import GantryApp

@Suite struct KeyScriptTests {
    static func roomyColumns(_ store: any ProjectStoring) throws {
        try AppHarness.sample(store)
        for name in ["In progress", "Review"] {
            let p = try store.load()
            try store.apply(try p.setWIPLimit(try p.column(named: name, on: try p.board(named: nil)), to: 9), actor: "fatima", at: AppHarness.now)
        }
    }

    @Test func moveACardTwoColumnsRightThenUndo() throws {
        let h = try AppHarness(build: Self.roomyColumns)
        h.press("l", "j", "j")                     // To do, third card
        let key = try #require(h.state.selectedCard?.key)
        #expect(key == "GAN-12")
        h.press("L", "L")
        #expect(try h.column(of: key) == "Review")
        #expect(h.state.selectedCard?.key == key, "the selection follows the card")
        #expect(h.state.selectedColumn == 3)
        #expect(h.text.contains("Moved \(key) In progress → Review"))
        h.press("u")
        #expect(try h.column(of: key) == "In progress")
        #expect(h.state.message?.text == "Undid: moved \(key) In progress → Review")
        h.press("C-r")
        #expect(try h.column(of: key) == "Review")
        #expect(try h.store.journal().suffix(4).map(\.actor) == ["ana", "ana", "ana", "ana"])
    }

    @Test func wipLimitRefusesAMoveWithTheNumbers() throws {
        let h = try MemoryHarness()
        h.press("l", "j", "j", "L")
        #expect(h.state.message?.text == "In progress is over its WIP limit (5, limit 4); moving GAN-12 there would make 6. Finish something first, or :wip N.")
        #expect(try h.column(of: "GAN-12") == "To do")
        h.press(":", "move In progress", "enter")
        #expect(h.state.message?.text == "In progress is over its WIP limit (5, limit 4); moving GAN-12 there would make 6. Finish something first, or :wip N.", "the app never speaks of --force")
        #expect(try h.column(of: "GAN-12") == "To do")
        h.press(":", "wip 9", "enter")
        #expect(try h.load().columns.values.first { $0.name == "To do" }?.wipLimit == 9, ":wip sets the selected column")
    }

    @Test func aNewCardInAFullColumnAsksBeforeBreakingTheLimit() throws {
        let h = try MemoryHarness()
        let before = try h.load().cards.count
        h.press("l", ":", "new Quick fix", "enter")
        #expect(h.state.message?.text == "To do is at its WIP limit (8 of 8); a new card would make 9. Finish something first, :wip N, or n to add it through the form anyway.")
        h.press("n", "Call the vendor", "enter")
        #expect(h.state.message?.text == "To do is at its WIP limit (8 of 8); a new card would make 9. Press enter again to add it anyway; esc cancels.")
        #expect(try h.load().cards.count == before, "nothing is added until the user says so")
        h.press("enter")
        #expect(try h.column(of: "GAN-\(SampleProject.cardCount + 1)") == "To do")
        #expect(try h.load().cards.count == before + 1)
    }

    @Test func filterByAssigneeShowsOnlyTheirCards() throws {
        let h = try MemoryHarness()
        h.press("/", "assignee:chen", "enter")
        let visible = h.state.view.columns.indices.flatMap { h.state.view.ids(inColumn: $0) }.compactMap { h.state.project.cards[$0] }
        #expect(!visible.isEmpty)
        #expect(visible.allSatisfy { $0.assignee == "chen" })
        #expect(h.text.contains("match assignee:chen"))
        #expect(h.state.selectedCard?.assignee == "chen", "the backlog has none of chen's cards, so the first match is selected")
        h.press("/", "assignee:ben", "enter")
        #expect(h.text.contains("match assignee:ben"), "the reopened prompt's text is replaced by typing, not appended to")
        h.press("/", "end", " label:backend", "enter")
        #expect(h.text.contains("match assignee:ben label:backend"), "moving the cursor first keeps the text to edit")
        h.press("esc")
        #expect(h.screen.last?.contains("filter:") == false)
        #expect(h.state.view.ids(inColumn: 0).count == 12)
    }

    @Test func aBadFilterKeepsThePromptOpenAndSaysWhy() throws {
        let h = try MemoryHarness()
        h.press("/", "asignee:chen", "enter")
        guard case .filterPrompt(let field) = h.state.mode else { Issue.record("prompt should stay open"); return }
        #expect(field.value == "asignee:chen")
        #expect(h.state.message?.isError == true)
        #expect(h.state.message?.text.contains("unknown field \"asignee\"") == true)
        #expect(h.screen[h.screen.count - 2].contains("unknown field"))
    }

    @Test func newCardThroughTheFormWithValidation() throws {
        let h = try MemoryHarness()
        h.press("l", "n")
        h.type("Offline mode banner")
        h.press("tab", "tab", "C-u")
        h.type("story")
        h.press("enter")
        guard case .form(let form) = h.state.mode else { Issue.record("form should stay open"); return }
        #expect(form.focus == .type)
        #expect(form.errors[.type] == "use one of feature bug chore spike epic")
        #expect(h.text.contains("! Type"))
        h.press("C-u")
        h.type("bug")
        h.press("tab", "tab", "ben", "tab", "ui, mobile", "tab", "tab", "+2d", "enter")
        #expect(h.state.message?.text.hasPrefix("To do is at its WIP limit (8 of 8)") == true)
        h.press("enter")
        #expect(h.state.mode == .board)
        let card = try h.card("GAN-\(SampleProject.cardCount + 1)")
        #expect(card.title == "Offline mode banner")
        #expect(card.type == .bug)
        #expect(card.assignee == "ben")
        #expect(card.labels == ["ui", "mobile"])
        #expect(card.due?.description == "2026-11-28")
        #expect(try h.column(of: "GAN-\(SampleProject.cardCount + 1)") == "To do")
        #expect(h.state.selectedCardID == card.id, "the new card is selected")
    }

    @Test func unknownAssigneeIsShownInTheForm() throws {
        let h = try MemoryHarness()
        h.press("e", "tab", "tab", "tab", "tab", "C-u", "zed", "enter")
        guard case .form(let form) = h.state.mode else { Issue.record("form should stay open"); return }
        #expect(form.errors[.assignee] == "no member zed")
        h.press("esc")
        #expect(h.state.mode == .board)
        #expect(try h.card("GAN-2").assignee == "ana")
    }

    @Test func deleteAsksFirst() throws {
        let h = try MemoryHarness()
        h.press("d")
        #expect(h.screen.last?.contains("Delete GAN-2") == true)
        h.press("n")
        #expect(try h.load().cards.count == SampleProject.cardCount)
        h.press("d", "y")
        #expect(try h.load().cards.count == SampleProject.cardCount - 1)
        #expect(h.state.selectedCard?.key == "GAN-17", "selection moves to the next card")
        h.press("u")
        #expect(try h.load().cards.count == SampleProject.cardCount)
    }

    @Test func blockAndUnblock() throws {
        let h = try MemoryHarness()
        h.press("b", "Waiting for design", "enter")
        #expect(try h.card("GAN-2").blockedReason == "Waiting for design")
        #expect(h.screen[2].contains("⊘ GAN-2"))
        h.press("b")
        #expect(try h.card("GAN-2").blockedReason == nil)
    }

    @Test func rankWithinAColumn() throws {
        let h = try MemoryHarness()
        h.press("j", "K")
        let p = try h.load()
        let backlog = p.columns(of: try p.board(named: nil).id)[0]
        #expect(p.cards(inColumn: backlog.id).prefix(2).map(\.key) == ["GAN-17", "GAN-2"])
        #expect(h.state.selectedCard?.key == "GAN-17")
    }

    @Test func swimlanesCycle() throws {
        let h = try MemoryHarness()
        h.press("s")
        #expect(h.state.swimlanes == .assignee)
        #expect(h.text.contains("▸ Ana Silva (@ana)"))
        h.press("s")
        #expect(h.text.contains("▸ Critical"))
        h.press("s")
        #expect(h.text.contains("▸ GAN-1 One-page checkout"))
        h.terminal.size = (80, 60)
        h.handle(.resize(width: 80, height: 60))
        #expect(h.text.contains("▸ GAN-2 Saved payment methods"), "a lane's title runs across the board, not cut at the first column")
        h.press("s")
        #expect(h.state.swimlanes == .none)
    }

    @Test(arguments: Screen.allCases) func helpIsGeneratedFromTheKeymapOfEachScreen(screen: Screen) throws {
        let h = try MemoryHarness(height: 140)
        h.press(AppAction.defaultKeyMap.key(for: screen.opener)!, "?")
        let forms = AppAction.defaultKeyMap.bindings(in: FormAction.context) + AppAction.defaultKeyMap.bindings(in: PromptAction.context)
        for binding in AppAction.defaultKeyMap.bindings(in: screen.keys) + forms {
            #expect(h.text.contains(binding.help), "\(binding.name) missing from the \(screen) help")
        }
        let here = Set((AppAction.defaultKeyMap.bindings(in: screen.keys) + forms).map(\.help))
        for binding in AppAction.defaultKeyMap.bindings where binding.context != screen.keys && binding.context != "global" && !here.contains(binding.help) {
            #expect(!h.text.contains(binding.help), "another screen's \(binding.name) in the \(screen) help")
        }
        h.press("x")
        #expect(h.state.mode == .board)
    }

    @Test func theDefaultKeysHaveNoConflicts() {
        #expect(AppAction.defaultKeyMap.conflicts == [])
    }

    /// A rebinding applies where it is written, every hint follows it, and a key it takes from
    /// another action is reported with the config line.
    @Test func rebindingsAreLiveInEveryHintAndConflictsAreReportedWithTheirLine() throws {
        let config = AppConfig.parse("""
            theme = "dark"
            [keys]
            new-card = "a"
            quit = "Q"
            [keys.board]
            edit-card = "b"
            """, file: "config.toml")
        var keymap = AppAction.defaultKeyMap
        let problems = keymap.override(config.keys)
        #expect(problems == ["line 6: keys.board.edit-card: b was toggle-blocked's key (board) and is now edit-card's, which has no key left"])
        let h = try MemoryHarness(keymap: keymap)
        #expect(h.screen.last?.hasSuffix("? help  Q quit ") == true, "\(h.screen.last ?? "")")
        h.press("a")
        guard case .form = h.state.mode else { Issue.record("a opens the new-card form"); return }
        h.press("esc", "4")
        #expect(h.text.contains("a action"), "the stand-up keeps its own a")
        h.press("X", "y")
        h.press("2", "a")
        guard case .raidForm = h.state.mode else { Issue.record("a is new-card on the RAID log too: [keys] rebinds it everywhere"); return }
    }

    /// Forms are a keymap context of their own: `[keys.form]` rebinds their keys, the help shows
    /// the live ones, and letters there are text, never a global key.
    @Test func formKeysAreAContextOfTheirOwn() throws {
        let config = AppConfig.parse("""
            [keys.form]
            save = "C-w"
            """, file: "config.toml")
        var keymap = AppAction.defaultKeyMap
        #expect(keymap.override(config.keys) == [])
        let h = try MemoryHarness(height: 110, keymap: keymap)
        h.press("n", "Ship it q", "enter")
        #expect(!h.state.shouldQuit, "q is text in a form")
        guard case .form(let form) = h.state.mode else { Issue.record("enter no longer saves: \(h.state.mode)"); return }
        #expect(form[.title] == "Ship it q")
        #expect(h.text.contains("C-w save · tab next · esc cancel"), "the form's own hint follows the keymap")
        h.press("C-w")
        #expect(h.state.mode == .board)
        #expect(h.state.project.cards.values.contains { $0.title == "Ship it q" })
        h.press("?")
        #expect(h.screen.contains { $0.contains("C-w") && $0.contains("Save") }, "the help shows the form's live keys")
    }

    @Test func theRaidFormOpensTheEditorOnItsDescription() throws {
        let h = try MemoryHarness()
        h.editor = { _ in "The vendor may slip a quarter." }
        h.press("2", "n", "C-e")
        #expect(h.state.message == .info("A risk has no description; its fields say it all."))
        h.press("esc", "]", "n", "Vendor risk", "C-e")
        #expect(h.effects.last == .editDescription(cardID: nil, text: ""))
        guard case .raidForm(let form) = h.state.mode else { Issue.record("the form stays open: \(h.state.mode)"); return }
        #expect(form[.description] == "The vendor may slip a quarter.")
        #expect(form[.title] == "Vendor risk")
    }

    @Test func unboundKeysSayWhatToDo() throws {
        let h = try MemoryHarness()
        h.press("Q")
        #expect(h.state.message == .error("Q does nothing here. Press ? for the keys."))
    }

    @Test func commandLine() throws {
        let h = try MemoryHarness()
        h.press(":", "swimlanes priority", "enter")
        #expect(h.state.swimlanes == .priority)
        h.press(":", "move Done", "enter")
        #expect(try h.column(of: "GAN-2") == "Done")
        h.press(":", "frobnicate", "enter")
        #expect(h.state.message?.text.hasPrefix("Unknown command :frobnicate.") == true)
        h.press(":", "q", "enter")
        #expect(h.state.shouldQuit)
    }

    @Test func mouseClickSelectsAndWheelScrolls() throws {
        let h = try MemoryHarness()
        let col = BoardLayout(width: 120, height: 40, columnCount: 5).column(2)
        h.handle(.mouse(.left, x: col.x + 3, y: 7))
        #expect(h.state.selectedCard?.key == "GAN-5")
        h.handle(.mouse(.wheelDown, x: col.x + 3, y: 7))
        #expect(h.state.selectedCard?.key == "GAN-6")
    }

    @Test func descriptionGoesThroughTheEditor() throws {
        let dir = NSTemporaryDirectory() + "gantry-editor-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let script = dir + "/editor.sh"
        // The fake editor records the file name it was given and writes text that a shell would expand.
        try "#!/bin/sh\necho \"$1\" > \(dir)/argument\nprintf '%s' 'Text with $(echo expanded)' > \"$1\"\n"
            .write(toFile: script, atomically: true, encoding: .utf8)
        chmod(script, 0o755)
        let h = try AppHarness(editor: ["VISUAL": "/bin/sh " + script, "EDITOR": "nano"])
        h.press("E")
        #expect(h.terminal.suspensions == 1)
        #expect(try h.card("GAN-2").description == "Text with $(echo expanded)")
        let argument = try String(contentsOfFile: dir + "/argument", encoding: .utf8)
        #expect(argument.hasSuffix("/description.md\n"))
        #expect(!FileManager.default.fileExists(atPath: argument.trimmingCharacters(in: .newlines)), "the private file is removed")
        #expect(DescriptionEditor(environment: ["EDITOR": "vim -u NONE"]).command == ["vim", "-u", "NONE"])
        #expect(DescriptionEditor(environment: [:]).command == ["vi"])
    }

    @Test func resizeBelowTheMinimumAsksForMoreRoom() throws {
        let h = try MemoryHarness()
        h.terminal.size = (30, 10)
        h.handle(.resize(width: 30, height: 10))
        #expect(h.text.contains("Gantry needs at least"))
        #expect(h.text.contains("this window is 30×10."))
        h.terminal.size = (80, 24)
        h.handle(.resize(width: 80, height: 24))
        #expect(h.screen.count == 24 && h.screen.allSatisfy { DisplayWidth.of($0) == 80 })
        #expect(h.screen[1].contains("Backlog"))
    }

    @Test func everySizeDrawsAlignedRows() throws {
        let h = try MemoryHarness()
        for (w, hgt) in [(40, 12), (57, 19), (80, 24), (101, 33), (160, 50), (250, 70)] {
            h.terminal.size = (w, hgt)
            h.handle(.resize(width: w, height: hgt))
            #expect(h.screen.count == hgt)
            #expect(h.screen.allSatisfy { DisplayWidth.of($0) == w }, "\(w)×\(hgt)")
        }
        #expect(h.screen[1].contains("Done"), "250 columns show the whole board")
    }

    @Test func longColumnsSayInFullHowManyCardsAreOffScreen() throws {
        let h = try AppHarness(width: 80, height: 24) { store in
            try AppHarness.sample(store)
            let p = try store.load()
            let backlog = try p.column(named: "Backlog", on: try p.board(named: nil))
            let cards = (0..<1_200).map { i in
                Card(boardID: backlog.boardID, columnID: backlog.id, rank: 1_000_000 + Double(i), title: "Imported \(i)",
                     enteredColumnAt: AppHarness.now, createdAt: AppHarness.now).creation()
            }
            try store.apply(Change(summary: "imported cards", edits: cards), actor: "x", at: AppHarness.now)
        }
        let hidden = 12 + 1_200 - BoardLayout(width: 80, height: 24, columnCount: 5).cardsPerColumn
        #expect(h.screen[22].contains("↓ \(hidden) more"), "\(h.screen[22])")
        #expect(h.screen.allSatisfy { DisplayWidth.of($0) == 80 })
        h.press("G")
        let above = 12 + 1_200 - BoardLayout(width: 80, height: 24, columnCount: 5).cardsPerColumn
        #expect(h.screen[1].contains("↑ \(above)"), "the header says how many are above: \(h.screen[1])")
        #expect(h.screen[2].trimmingCharacters(in: .whitespaces).hasPrefix("GAN-") && !h.screen[2].contains("more"), "the first card's header is whole: \(h.screen[1...4])")
    }

    @Test func wideTitlesKeepBordersAligned() throws {
        let h = try AppHarness(width: 80, height: 24) { store in
            try AppHarness.sample(store)
            let p = try store.load()
            try store.apply(try p.editCard(try p.card(key: "GAN-2"), CardDraft(title: "支払い方法を保存する機能 🎉 with emoji")),
                            actor: "x", at: AppHarness.now)
        }
        let wide = h.screen[3], plain = h.screen[7]
        #expect(wide.contains("支払い方法"))
        let secondColumn = BoardLayout(width: 80, height: 24, columnCount: 5).column(1).x
        /// The text of a row from the second column on, measured in cells.
        func tail(_ line: String) -> String {
            var width = 0
            var index = line.startIndex
            while width < secondColumn, index < line.endIndex { width += DisplayWidth.of(line[index]); index = line.index(after: index) }
            return String(line[index...])
        }
        #expect(DisplayWidth.of(wide) == 80 && DisplayWidth.of(plain) == 80)
        #expect(tail(wide).hasPrefix(" One-page checkout"), "second column starts at the same cell: \(wide)")
        #expect(tail(plain).hasPrefix(" Checkout observability"))
    }

    @Test func hostileTitlesShowHarmlessText() throws {
        let h = try AppHarness(width: 80, height: 24) { store in
            try AppHarness.sample(store)
            let p = try store.load()
            // Stored before input refused control characters (or written by another tool).
            let card = try p.card(key: "GAN-2")
            try store.apply(Change(summary: "old", edits: [EntityEdit(kind: .card, id: card.id, label: card.key, operation: .update,
                                                                      fields: [FieldChange(name: "title", from: .text(card.title), to: .text("x\u{1B}]52;c;aGk=\u{07}\u{1B}[2J"))])]),
                            actor: "x", at: AppHarness.now)
        }
        #expect(h.screen[3].contains("x␛]52;c;aGk=␇␛[2J"))
        #expect(!(h.terminal.screen?.cells.contains { $0.text.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F } } ?? true))
    }

    @Test func otherSessionsChangesAppearWithoutMovingTheSelection() throws {
        let h = try AppHarness()
        h.press("j", "j")
        let selected = h.state.selectedCard?.key
        let other = try h.reopen()
        let p = try other.load()
        try other.apply(try p.moveCard(try p.card(key: "GAN-10"), to: try p.column(named: "Done", on: try p.board(named: nil)), now: AppHarness.now),
                        actor: "ben", at: AppHarness.now)
        h.runtime.tick()
        #expect(h.state.project.cards.values.first { $0.key == "GAN-10" }.map { h.state.project.columns[$0.columnID]?.name } == "Done")
        #expect(h.state.selectedCard?.key == selected)
    }

    @Test func thePreviewFrameMatchesTheFullOne() throws {
        let full = try AppHarness(width: 80, height: 24)
        let preview = try AppRuntime(store: full.store, backend: TestTerminal(width: 80, height: 24), theme: AppHarness.testTheme,
                                     keymap: AppAction.defaultKeyMap, actor: "ana", clock: { AppHarness.now },
                                     editor: DescriptionEditor(environment: [:]), preview: true)
        #expect(preview.state.project.cards.count < full.state.project.cards.count)
        let first = preview.state.render(theme: AppHarness.testTheme, width: 80, height: 24)
        #expect(first.buffer.lines == full.screen)
        preview.completeLoad()
        #expect(preview.state.project.cards.count == full.state.project.cards.count)
        #expect(preview.state.previewTotals == nil)
    }

    /// The whole project is read on another thread after the preview's first frame: moving the
    /// selection is answered from the preview meanwhile; another session's change replayed onto
    /// the preview is replayed again onto the project read before it, and the feed shows it once;
    /// a key that needs every card waits for the read.
    @Test func keysAreAnsweredFromThePreviewWhileTheProjectLoads() throws {
        let full = try AppHarness(width: 80, height: 24)
        let preview = try AppRuntime(store: try full.reopen(), backend: TestTerminal(width: 80, height: 24), theme: AppHarness.testTheme,
                                     keymap: AppAction.defaultKeyMap, actor: "ana", clock: { AppHarness.now },
                                     editor: DescriptionEditor(environment: [:]), preview: true)
        let gate = DispatchSemaphore(value: 0)
        preview.loadGate = gate
        preview.startLoad()
        preview.handle(.key(.char("j")))
        #expect(preview.isLoading, "a selection move did not wait for the read")
        #expect(preview.state.selectedRow == 1)
        preview.handle(.key(.char("?")))
        #expect(preview.isLoading && preview.state.mode == .help(scroll: 0), "help opened without waiting")
        usleep(300_000) // the read of this small project is done by now, and waits at the gate
        let other = try full.reopen()
        let p = try other.load()
        let moved = try p.card(key: "GAN-10")
        let entry = try other.apply(try p.moveCard(moved, to: try p.column(named: "Done", on: try p.board(named: nil)), now: AppHarness.now),
                                    actor: "ben", at: AppHarness.now)
        preview.tick()
        #expect(preview.state.sharing.activity.filter { $0.seq == entry.seq }.count == 1)
        gate.signal()
        preview.handle(.key(.escape))
        preview.handle(.key(.char("L")))
        #expect(!preview.isLoading, "moving a card waited for the whole project")
        #expect(preview.state.project.cards.count == full.state.project.cards.count)
        #expect(preview.state.project.cards[moved.id]?.columnID == (try other.load()).cards[moved.id]?.columnID)
        #expect(preview.state.sharing.activity.filter { $0.seq == entry.seq }.count == 1, "the replayed row is not in the feed twice")
        #expect(preview.state.sharing.activity.last?.summary.hasPrefix("moved") == true, "the card move went through: \(preview.state.message?.text ?? "")")
        let fresh = BoardView(project: preview.state.project, boardID: preview.state.boardID, filter: nil, swimlanes: .none)
        for c in fresh.columns.indices {
            #expect(preview.state.view.ids(inColumn: c) == fresh.ids(inColumn: c), "the board arranged with the read, then updated, is the board")
        }
    }

    @Test func monoThemeKeepsStateVisible() throws {
        let themes = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../themes").standardizedFileURL.path
        let (mono, _) = ThemeLoader(searchPaths: [themes]).load("mono", depth: .none)
        let h = try MemoryHarness(width: 120, height: 40, theme: mono)
        let b = try #require(h.terminal.screen)
        func attributes(of text: String, row: Int) -> TextAttributes? {
            guard let x = h.screen[row].range(of: text).map({ h.screen[row].distance(from: h.screen[row].startIndex, to: $0.lowerBound) }) else { return nil }
            var col = 0, cells = 0
            while cells < x { col += 1; if !b[col - 1, row].isContinuation { cells += 1 } }
            return b[col, row].style.attributes
        }
        #expect(attributes(of: "5/4 over", row: 1)?.contains(.reverse) == true, "WIP breach")
        #expect(attributes(of: "▌", row: 2)?.contains(.reverse) == true, "selection")
        #expect(attributes(of: "⊘", row: 6)?.contains(.underline) == true, "blocked")
        #expect(b.cells.allSatisfy { $0.style.foreground == .default && $0.style.background == .default })
    }
}
