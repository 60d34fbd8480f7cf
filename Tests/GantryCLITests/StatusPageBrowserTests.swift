import Foundation
import Testing
@testable import GantryCLI

/// The HTML status report as a reader sees it: rendered by a real browser (Chromium from
/// Debian, headless), on a desktop and a phone, light and dark, and printed. The checks read the
/// laid-out page (no sideways scrolling, charts with a size) and the pixels of its screenshots.
@Suite(.enabled(if: Chromium.path != nil, "Chromium is not installed (apt-get install chromium); .ci/run installs it"))
struct StatusPageBrowserTests {
    static func samplePage() throws -> (CLIHarness, String) {
        let h = try CLIHarness()
        try h.expectOK("demo", "--output", "sample.sqlite")
        try h.expectOK("report", "status", "--project", "sample.sqlite", "--format", "html", "--output", "status.html")
        return (h, h.dir + "/status.html")
    }

    @Test func onAPhoneThePageFitsTheScreenAndTheChartsHaveASize() throws {
        let (h, page) = try Self.samplePage()
        defer { withExtendedLifetime(h) {} }
        let phone = try Chromium.measure(page, width: 390)
        #expect(phone.viewport <= 640, "narrow enough for the phone layout (headless Chromium's narrowest window is \(phone.viewport))")
        #expect(phone.scrollWidth <= phone.viewport, "nothing makes the page scroll sideways: \(phone.scrollWidth) > \(phone.viewport)")
        #expect(phone.tableHeadHidden, "tables become labelled rows on a phone")
        #expect(phone.charts.count == 3, "burndown, milestone slip and heat map")
        for (w, hgt) in phone.charts { #expect(w >= 200 && hgt >= 100, "a chart drawn at \(w)×\(hgt)") }
        let desktop = try Chromium.measure(page, width: 1280)
        #expect(desktop.scrollWidth <= desktop.viewport)
        #expect(!desktop.tableHeadHidden)
        #expect(desktop.overall == "Red")
    }

    @Test func lightAndDarkScreenshotsShowTheReportInTheReadersColours() throws {
        let (h, page) = try Self.samplePage()
        let light = try Chromium.screenshot(page, to: h.dir + "/light.png", width: 1280, height: 2000, dark: false, scale: 0.5)
        let dark = try Chromium.screenshot(page, to: h.dir + "/dark.png", width: 390, height: 1600, dark: true, scale: 1)
        #expect(light.width == 640 && light.height == 1000, "\(light)")
        #expect(dark.width == 390 && dark.height == 1600, "\(dark)")
        #expect(light.luminance > 200, "a light page: \(light)")
        #expect(dark.luminance < 70, "a dark page: \(dark)")
        for shot in [light, dark] {
            #expect(shot.ink > 0.02, "text and charts cover the page, it is not blank: \(shot)")
            #expect(shot.red > 0.0005, "the red chips and late bars are drawn: \(shot)")
            #expect(shot.colours > 30, "more than text on a background: \(shot)")
        }
    }

    @Test func printsToAFewPages() throws {
        let (h, page) = try Self.samplePage()
        let pdf = h.dir + "/status.pdf"
        try Chromium.run(["--print-to-pdf=\(pdf)", "--no-pdf-header-footer", "file://\(page)"])
        let data = try Data(contentsOf: URL(fileURLWithPath: pdf))
        #expect(data.starts(with: Array("%PDF".utf8)))
        let text = String(decoding: data, as: UTF8.self)
        let pages = try NSRegularExpression(pattern: "/Type\\s*/Page(?!s)").numberOfMatches(in: text, range: NSRange(text.startIndex..., in: text))
        #expect((2...8).contains(pages), "the sample's report prints on a few A4/Letter pages, not one endless one: \(pages)")
    }
}

/// Headless Chromium, driven the way a person's browser would open the file.
enum Chromium {
    static let path = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) }

    struct Layout {
        var viewport: Int, scrollWidth: Int
        var charts: [(Int, Int)]
        var tableHeadHidden: Bool
        var overall: String
    }

    struct Shot: CustomStringConvertible {
        var width: Int, height: Int
        var luminance: Double, red: Double, ink: Double
        var colours: Int
        var description: String { "\(width)×\(height) luminance \(Int(luminance)) red \(red) ink \(ink) colours \(colours)" }
    }

    @discardableResult
    static func run(_ args: [String]) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: try #require(path))
        p.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
                       "--user-data-dir=\(NSTemporaryDirectory())gantry-chromium-\(UUID().uuidString)"] + args
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        #expect(p.terminationStatus == 0, "chromium \(args) exited \(p.terminationStatus)")
        return String(decoding: data, as: UTF8.self)
    }

    /// Lays the page out at `width` and reads back what the reader would see; the script is added
    /// to a copy, the report itself has none.
    static func measure(_ page: String, width: Int) throws -> Layout {
        let html = try String(contentsOfFile: page, encoding: .utf8)
        let probe = """
            <script>document.body.setAttribute("data-measure", JSON.stringify({iw: innerWidth, sw: document.documentElement.scrollWidth,
            svgs: [...document.querySelectorAll("svg")].map(s => { const r = s.getBoundingClientRect(); return [Math.round(r.width), Math.round(r.height)] }),
            thead: getComputedStyle(document.querySelector("thead")).display, overall: document.querySelector(".overall .rag").textContent}))</script>
            """
        let copy = page + ".measure.html"
        try html.replacingOccurrences(of: "</body>", with: probe + "</body>").write(toFile: copy, atomically: true, encoding: .utf8)
        let dom = try run(["--window-size=\(width),900", "--dump-dom", "file://\(copy)"])
        let attribute = try #require(dom.range(of: "data-measure=\"").map { dom[$0.upperBound...] })
        let json = String(attribute[..<attribute.firstIndex(of: "\"")!]).replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&amp;", with: "&")
        let m = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let svgs = (m["svgs"] as? [[Int]] ?? []).map { ($0[0], $0[1]) }
        return Layout(viewport: m["iw"] as? Int ?? 0, scrollWidth: m["sw"] as? Int ?? .max, charts: svgs,
                      tableHeadHidden: m["thead"] as? String == "none", overall: m["overall"] as? String ?? "")
    }

    static func screenshot(_ page: String, to png: String, width: Int, height: Int, dark: Bool, scale: Double) throws -> Shot {
        try run(["--window-size=\(width),\(height)", "--force-device-scale-factor=\(scale)", "--screenshot=\(png)", "file://\(page)"]
                + (dark ? ["--force-dark-mode"] : []))
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Browser/png_stats.py").path
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", script, png]
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        let m = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any], "png_stats.py printed \(String(decoding: data, as: UTF8.self))")
        return Shot(width: m["width"] as? Int ?? 0, height: m["height"] as? Int ?? 0, luminance: m["luminance"] as? Double ?? 0,
                    red: m["red"] as? Double ?? 0, ink: m["ink"] as? Double ?? 0, colours: m["colours"] as? Int ?? 0)
    }
}
