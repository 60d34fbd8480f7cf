import Testing
@testable import TerminalUI

@Suite struct TabsTests {
    @Test func narrowTabsShrinkToTheirWholeKeyAndTheActiveOneKeepsItsName() {
        let tabs = Tabs([.init(key: "F2", title: "Board"), .init(key: "2", title: "RAID"), .init(key: nil, title: "Timeline")], active: 1)
        var b = Buffer(width: 30, height: 1)
        let end = tabs.draw(into: &b, x: 0, y: 0, compact: true, style: .plain, activeStyle: Style(attributes: .reverse))
        #expect(b.lines[0].hasPrefix(" F2  2 RAID  T "), "a rebound key is shown whole: \(b.lines[0])")
        #expect(end == tabs.width(compact: true))
        #expect(tabs.width(compact: false) == DisplayWidth.of(" F2 Board  2 RAID  Timeline "))
        #expect(b[5, 0].style == Style(attributes: .reverse), "the active tab has its style")
    }
}
