/// A row of tabs, each named by the key that opens it and its title ("2 RAID"). When room is
/// short the inactive tabs shrink to their key (or the title's first letter when unbound); the
/// active one always keeps its name.
public struct Tabs {
    public struct Tab {
        public var key: String?
        public var title: String

        public init(key: String?, title: String) {
            self.key = key
            self.title = title
        }

        var full: String { (key.map { "\($0) " } ?? "") + title }
        var compact: String { key ?? String(title.prefix(1)) }
    }

    public var tabs: [Tab]
    public var active: Int

    public init(_ tabs: [Tab], active: Int) {
        self.tabs = tabs
        self.active = active
    }

    private func label(_ i: Int, compact: Bool) -> String { compact && i != active ? tabs[i].compact : tabs[i].full }

    /// The cells the row takes, each tab padded by a space either side.
    public func width(compact: Bool) -> Int {
        tabs.indices.reduce(0) { $0 + DisplayWidth.of(label($1, compact: compact)) + 2 }
    }

    /// Draws the row from (x, y); returns the column after the last tab.
    @discardableResult
    public func draw(into buffer: inout Buffer, x: Int, y: Int, compact: Bool, style: Style, activeStyle: Style) -> Int {
        var x = x
        for i in tabs.indices {
            x += buffer.put(" \(label(i, compact: compact)) ", x: x, y: y, style: i == active ? activeStyle : style)
        }
        return x
    }
}
