import TerminalUI

/// The help overlay, generated from the live keymap and the command table so it is always
/// true: this screen's own keys first, then those that work everywhere.
struct HelpOverlay {
    let keymap: KeyMap<AppAction>
    let screen: Screen
    let theme: Theme

    func lines() -> [(keys: String, text: String, heading: Bool)] {
        var out: [(String, String, Bool)] = []
        var group = ""
        for b in keymap.bindings(in: screen.keys) where !b.keys.isEmpty {
            let heading = b.context == screen.keys && b.group != screen.title ? "\(screen.title): \(b.group)" : b.group
            if heading != group {
                if !group.isEmpty { out.append(("", "", false)) }
                group = heading
                out.append((group, "", true))
            }
            out.append((b.keys.map(\.description).joined(separator: " "), b.help, false))
        }
        out.append(("", "", false))
        out.append(("Commands (:)", "", true))
        for c in Commands.all { out.append((":" + c.usage, c.help, false)) }
        for (context, title) in [(FormAction.context, "In forms"), (PromptAction.context, "In prompts (/ : and the block reason)")] {
            out.append(("", "", false))
            out.append((title, "", true))
            for b in keymap.bindings(in: context) where !b.keys.isEmpty {
                out.append((b.keys.map(\.description).joined(separator: " "), b.help, false))
            }
        }
        return out
    }

    func draw(scroll: Int, into buffer: inout Buffer) {
        let area = Rect(x: 0, y: 0, width: buffer.width, height: buffer.height)
        let box = Panel.centred(width: 78, height: buffer.height - 2, in: area, top: 1)
        let style = theme.style("ui.overlay")
        let scrollKeys = [HelpAction.scrollDown, .scrollUp].compactMap { keymap.key(for: .help($0), in: HelpAction.context) }.joined(separator: "/")
        let inside = Panel(title: "Keys — any other key closes, \(scrollKeys) scroll").draw(in: box, into: &buffer, styles: theme.panel)
        let all = lines()
        let list = inside.columns([1, nil, 1])[1]
        let keyWidth = min(24, (list.width - 1) / 2)
        let start = min(scroll, max(0, all.count - list.height))
        let shown = ScrollList(count: all.count, selected: nil).draw(in: list, into: &buffer, first: start) { i, r, buffer in
            let line = all[i]
            if line.heading {
                buffer.putPadded(line.keys, x: r.x, y: r.y, width: r.width, style: theme.style("ui.title"))
            } else {
                let cells = r.columns([keyWidth, nil], gap: 1)
                let (keys, text) = (cells[0], cells[1])
                buffer.putPadded(line.keys, x: keys.x, y: r.y, width: keys.width, style: theme.style("ui.help.key"))
                buffer.putPadded(line.text, x: text.x, y: r.y, width: text.width, style: style)
            }
        }
        if shown.upperBound < all.count {
            let more = " ↓ \(all.count - shown.upperBound) more "
            buffer.put(more, x: box.maxX - DisplayWidth.of(more) - 2, y: box.maxY - 1, style: theme.style("board.more"))
        }
    }
}

/// A form as a centred box: a row per field, `!` beside a field at fault, and the focused
/// field's hint or error in full at the bottom.
struct FormOverlay {
    let form: any FormRows
    let title: String
    let theme: Theme
    let keys: FormKeyNames

    /// The form's main keys as the live keymap has them.
    var keysHint: String { "\(keys.save) save · \(keys.next) next · \(keys.cancel) cancel" }

    func draw(into buffer: inout Buffer) -> (x: Int, y: Int) {
        let count = form.rowCount
        let area = Rect(x: 0, y: 0, width: buffer.width, height: buffer.height)
        let box = Panel.centred(width: 76, height: count + 5, in: area)
        let inside = Panel(title: title).draw(in: box, into: &buffer, styles: theme.panel).columns([1, nil, 1])[1]
        let parts = inside.rows([nil, 1, 1])
        let (fields, footerLine, keysLine) = (parts[0], parts[1], parts[2])
        let labelWidth = 13
        var cursor = (x: fields.x + labelWidth, y: fields.y)
        ScrollList(count: count, selected: form.focusIndex).draw(in: fields, into: &buffer) { index, r, buffer in
            let (label, input, error) = form.row(index)
            let cells = r.columns([labelWidth, nil])
            buffer.putPadded((error != nil ? "! " : "") + label, x: cells[0].x, y: r.y, width: cells[0].width,
                             style: theme.style(error != nil ? "ui.form.error" : "ui.form.label"))
            let focused = index == form.focusIndex
            let x = input.draw(into: &buffer, x: cells[1].x, y: r.y, width: cells[1].width,
                               style: theme.style(focused ? "ui.form.field.focused" : "ui.form.field"), focused: focused)
            if focused { cursor = (x, r.y) }
        }
        let footer = form.footer(keys: keys)
        buffer.putPadded(footer.text, x: footerLine.x, y: footerLine.y, width: footerLine.width, style: theme.style(footer.isError ? "ui.form.error" : "ui.muted"))
        buffer.putPadded(keysHint, x: keysLine.x, y: keysLine.y, width: keysLine.width, style: theme.style("ui.muted"))
        return cursor
    }
}
