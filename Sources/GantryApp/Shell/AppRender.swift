import TerminalUI

/// A drawn frame: the cells, and where the terminal cursor belongs (nil hides it).
public struct Frame: Sendable, Equatable {
    public var buffer: Buffer
    public var cursor: (x: Int, y: Int)?

    public static func == (a: Frame, b: Frame) -> Bool {
        a.buffer == b.buffer && a.cursor?.x == b.cursor?.x && a.cursor?.y == b.cursor?.y
    }
}

extension AppState {
    /// Draws the whole screen for this state. Pure: the same state, theme and size give the same frame.
    public func render(theme: Theme, width: Int, height: Int) -> Frame {
        var buffer = Buffer(width: width, height: height, fill: Cell(" ", style: theme.style("ui")))
        let layout = BoardLayout(width: width, height: height, columnCount: view.columns.count)
        if layout.isTooSmall {
            let lines = ["Gantry needs at least", "\(BoardLayout.minimumWidth)×\(BoardLayout.minimumHeight);",
                         "this window is \(width)×\(height).", "Enlarge it, or \(keyName(.global(.quit))) to quit."]
            for (i, line) in lines.enumerated() {
                let y = height / 2 - 2 + i
                buffer.put(line, x: max(0, (width - DisplayWidth.of(line)) / 2), y: y, style: theme.style("ui.prompt"))
            }
            return Frame(buffer: buffer, cursor: nil)
        }
        let chrome = Chrome(state: self, theme: theme, width: width, height: height)
        chrome.drawTitle(into: &buffer)
        let areas = Rect(x: 0, y: 0, width: width, height: height).columns([contentWidth(width), nil])
        drawScreen(theme: theme, width: areas[0].width, height: height, into: &buffer)
        if areas[1].width > 0 {
            SidePanel(state: self, theme: theme, x: areas[1].x, width: areas[1].width, height: height).draw(into: &buffer)
        }
        var cursor = chrome.drawStatus(into: &buffer)
        switch mode {
        case .help(let scroll): HelpOverlay(keymap: keymap, screen: screen, theme: theme).draw(scroll: scroll, into: &buffer)
        case .form(let form):
            let title = form.isNew ? "New card in \(project.columns[form.columnID]?.name ?? "")"
                : "Edit \(form.cardID.flatMap { project.cards[$0]?.key } ?? "")"
            cursor = FormOverlay(form: form, title: title, theme: theme, keys: formKeys).draw(into: &buffer)
        case .raidForm(let form):
            let title = form.isNew ? "New \(form.type.rawValue)" : "Edit \(form.itemID.flatMap { project.raidItems[$0]?.key } ?? "")"
            cursor = FormOverlay(form: form, title: title, theme: theme, keys: formKeys).draw(into: &buffer)
        default: break
        }
        switch mode {
        case .filterPrompt, .commandPrompt, .blockPrompt, .timePrompt, .sprintPrompt:
            // The prompt holds the bottom line; a message (a filter error, say) goes just above it.
            if let message {
                buffer.putPadded(" " + message.text, x: 0, y: height - 2, width: width,
                                 style: theme.style(message.isError ? "ui.statusbar.error" : "ui.statusbar"))
            }
        default: break
        }
        return Frame(buffer: buffer, cursor: cursor)
    }
}
