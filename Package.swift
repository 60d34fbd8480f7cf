// swift-tools-version: 6.0
import PackageDescription

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
    ],
    targets: [
        .target(name: "Planning"),
        .target(name: "PlanStore", dependencies: [
            "Planning",
            .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        .target(name: "TerminalUI", dependencies: [.product(name: "TOMLKit", package: "TOMLKit")]),
        .systemLibrary(name: "CNcursesw"),
        .target(name: "CursesTerminal", dependencies: ["CNcursesw", "TerminalUI"]),
        .target(name: "GantryApp", dependencies: [
            "Planning", "PlanStore", "TerminalUI", .product(name: "TOMLKit", package: "TOMLKit"),
        ]),
        .target(name: "GantryCLI", dependencies: [
            "Planning", "PlanStore", "TerminalUI",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "gantry", dependencies: ["GantryCLI", "GantryApp", "CursesTerminal", "PlanStore", "TerminalUI"]),
        .executableTarget(name: "gantry-bench", dependencies: ["Planning", "PlanStore", "GantryCLI", "GantryApp", "TerminalUI"]),
        .testTarget(name: "PlanningTests", dependencies: ["Planning"]),
        .testTarget(name: "PlanStoreTests", dependencies: ["Planning", "PlanStore"]),
        .testTarget(name: "TerminalUITests", dependencies: ["TerminalUI"]),
        .testTarget(name: "GantryAppTests", dependencies: ["GantryApp", "Planning", "PlanStore", "TerminalUI"],
                    exclude: ["Snapshots"]),
        .testTarget(name: "GantryCLITests", dependencies: ["Planning", "PlanStore", "GantryCLI", "TerminalUI", "gantry"]),
    ],
    swiftLanguageModes: [.v6]
)
