// swift-tools-version: 6.0
import PackageDescription

/// Release binaries carry the Swift runtime and Foundation inside them: they run on a server
/// without a Swift toolchain, and start faster and smaller than with the shared libraries
/// (no dynamic relocation of libFoundation and libswiftCore, only the code Gantry uses).
/// Debug builds link the shared libraries, which is quicker.
let selfContainedRelease: [LinkerSetting] = [
    .unsafeFlags(["-static-stdlib"], .when(configuration: .release)),
    .linkedLibrary("_CFXMLInterface", .when(platforms: [.linux], configuration: .release)),
    .linkedLibrary("xml2", .when(platforms: [.linux], configuration: .release)),
]
let staticRuntimeModules: [SwiftSetting] = [.unsafeFlags(["-static-stdlib"], .when(configuration: .release))]

let package = Package(
    name: "Gantry",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "gantry", targets: ["gantry"]),
        .executable(name: "gantry-bench", targets: ["gantry-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/LebJe/TOMLKit", exact: "0.6.0"),
        .package(url: "https://github.com/yaslab/CSV.swift", exact: "2.5.2"),
        .package(url: "https://github.com/CoreOffice/XMLCoder", exact: "0.18.2"),
        .package(url: "https://github.com/vapor/postgres-nio", exact: "1.33.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", exact: "2.37.6"),
        .package(url: "https://github.com/apple/swift-log", exact: "1.16.2"),
    ],
    targets: [
        .target(name: "Planning"),
        .target(name: "PlanStore", dependencies: [
            "Planning",
            .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        .target(name: "PlanStorePostgres", dependencies: [
            "Planning", "PlanStore",
            .product(name: "PostgresNIO", package: "postgres-nio"),
            .product(name: "NIOSSL", package: "swift-nio-ssl"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        .target(name: "TerminalUI", dependencies: [.product(name: "TOMLKit", package: "TOMLKit")]),
        .target(name: "Interchange", dependencies: [
            "Planning",
            .product(name: "CSV", package: "CSV.swift"),
            .product(name: "XMLCoder", package: "XMLCoder"),
        ]),
        .systemLibrary(name: "CNcursesw"),
        .target(name: "CursesTerminal", dependencies: ["CNcursesw", "TerminalUI"]),
        .target(name: "GantryApp", dependencies: [
            "Planning", "PlanStore", "TerminalUI", .product(name: "TOMLKit", package: "TOMLKit"),
        ]),
        .target(name: "GantryCLI", dependencies: [
            "Planning", "PlanStore", "PlanStorePostgres", "TerminalUI", "Interchange",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "TOMLKit", package: "TOMLKit"),
        ]),
        .executableTarget(name: "gantry", dependencies: ["GantryCLI", "GantryApp", "CursesTerminal", "PlanStore", "TerminalUI"],
                          swiftSettings: staticRuntimeModules, linkerSettings: selfContainedRelease),
        .executableTarget(name: "gantry-bench", dependencies: ["Planning", "PlanStore", "PlanStorePostgres", "GantryCLI", "GantryApp", "TerminalUI",
                                                            .product(name: "ArgumentParser", package: "swift-argument-parser")],
                          swiftSettings: staticRuntimeModules, linkerSettings: selfContainedRelease),
        .testTarget(name: "PlanningTests", dependencies: ["Planning"]),
        .target(name: "GantryTestSupport"),
        .testTarget(name: "PlanStoreTests", dependencies: ["Planning", "PlanStore", "PlanStorePostgres", "GantryTestSupport"]),
        .testTarget(name: "InterchangeTests", dependencies: ["Interchange", "Planning", .product(name: "CSV", package: "CSV.swift")],
                    exclude: ["Fixtures"]),
        .testTarget(name: "TerminalUITests", dependencies: ["TerminalUI", "Planning"]),
        .testTarget(name: "GantryAppTests", dependencies: ["GantryApp", "Planning", "PlanStore", "PlanStorePostgres", "TerminalUI", "GantryTestSupport"],
                    exclude: ["Snapshots"]),
        .testTarget(name: "GantryCLITests", dependencies: ["Planning", "PlanStore", "GantryCLI", "TerminalUI", "gantry", "GantryTestSupport"],
                    exclude: ["Browser/png_stats.py"]),
    ],
    swiftLanguageModes: [.v6]
)
