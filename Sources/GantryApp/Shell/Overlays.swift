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
        out.append(("", "", false))
        out.append(("In forms", "", true))
        for b in keymap.bindings(in: FormAction.context) where !b.keys.isEmpty {
            out.append((b.keys.map(\.description).joined(separator: " "), b.help, false))
        }
        return out
    }

    func draw(scroll: Int, into buffer: inout Buffer) {
        let w = min(buffer.width - 2, 78), h = buffer.height - 2
        let box = Rect(x: (buffer.width - w) / 2, y: 1, width: w, height: h)
        let style = theme.style("ui.overlay")
        buffer.fill(box, style: style)
        buffer.box(box, style: theme.style("ui.border"))
        buffer.put(" Keys — any other key closes, j/k scroll ", x: box.x + 2, y: box.y, style: theme.style("ui.title"))
        let all = lines()
        let rows = box.height - 2
        let start = min(scroll, max(0, all.count - rows))
        let keyWidth = min(24, (w - 4) / 2)
        for (i, line) in all.dropFirst(start).prefix(rows).enumerated() {
            let y = box.y + 1 + i
            if line.heading {
                buffer.putPadded(line.keys, x: box.x + 2, y: y, width: w - 4, style: theme.style("ui.title"))
            } else {
                buffer.putPadded(line.keys, x: box.x + 2, y: y, width: keyWidth, style: theme.style("ui.help.key"))
                buffer.putPadded(line.text, x: box.x + 3 + keyWidth, y: y, width: w - 5 - keyWidth, style: style)
            }
        }
        if start + rows < all.count {
            buffer.put(" ↓ more ", x: box.maxX - 10, y: box.maxY - 1, style: theme.style("board.more"))
        }
    }
}

/// A form as a centred box: a row per field, `!` beside a field at fault, and the focused
/// field's hint or error in full at the bottom.
struct FormOverlay {
    let form: any FormRows
    let title: String
    let theme: Theme

    func draw(into buffer: inout Buffer) -> (x: Int, y: Int) {
        let count = form.rowCount
        let w = min(buffer.width - 2, 76)
        let h = min(buffer.height - 2, count + 5)
        let box = Rect(x: (buffer.width - w) / 2, y: max(1, (buffer.height - h) / 2), width: w, height: h)
        buffer.fill(box, style: theme.style("ui.overlay"))
        buffer.box(box, style: theme.style("ui.border"))
        buffer.put(" \(title) ", x: box.x + 2, y: box.y, style: theme.style("ui.title"))
        let labelWidth = 13
        let fieldX = box.x + 2 + labelWidth
        let fieldWidth = box.maxX - 2 - fieldX
        let visibleRows = box.height - 4
        let first = max(0, min(form.focusIndex - visibleRows + 1, count - visibleRows))
        var cursor = (x: fieldX, y: box.y + 1)
        for (row, index) in (first..<count).prefix(visibleRows).enumerated() {
            let y = box.y + 1 + row
            let (label, input, error) = form.row(index)
            buffer.putPadded((error != nil ? "! " : "") + label, x: box.x + 2, y: y, width: labelWidth,
                             style: theme.style(error != nil ? "ui.form.error" : "ui.form.label"))
            let focused = index == form.focusIndex
            let x = input.draw(into: &buffer, x: fieldX, y: y, width: fieldWidth,
                               style: theme.style(focused ? "ui.form.field.focused" : "ui.form.field"), focused: focused)
            if focused { cursor = (x, y) }
        }
        let footer = form.footer
        buffer.putPadded(footer.text, x: box.x + 2, y: box.maxY - 3, width: w - 4, style: theme.style(footer.isError ? "ui.form.error" : "ui.muted"))
        buffer.putPadded("enter save · tab next · esc cancel", x: box.x + 2, y: box.maxY - 2, width: w - 4, style: theme.style("ui.muted"))
        return cursor
    }
}
