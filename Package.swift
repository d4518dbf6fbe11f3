// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "smarketing",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "smarketing", targets: ["smarketing"]),
        .executable(name: "smarketing-bench", targets: ["smarketing-bench"]),
        .library(name: "SmarketingModel", targets: ["SmarketingModel"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        // `import`: a streaming RFC 4180 reader for CRM and ad exports, and TOML for --map files.
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        // Test-only: readable diffs when a golden screen or widget does not match.
        .package(url: "https://github.com/pointfreeco/swift-custom-dump", from: "1.7.3"),
    ],
    targets: [
        // The JSON-backed model: value types, KPI math, the store, the exporters (Markdown minutes,
        // the KPI table and JSON). Foundation only, plus the C library's file calls for atomic saves.
        .target(name: "SmarketingModel"),
        // Terminal-free UI core: state, actions, reducer, key map, layout, widgets drawing into a grid,
        // themes parsed from bytes. It touches neither the terminal nor the disk.
        .target(name: "SmarketingUI", dependencies: ["SmarketingModel"]),
        // `smarketing import`: CRM and ad-spend exports (CSV) into the workspace's weekly records,
        // under one written definition per number, with the provenance kept.
        .target(
            name: "SmarketingImport",
            dependencies: [
                "SmarketingModel",
                .product(name: "CSV", package: "CSV.swift"),
                .product(name: "TOMLKit", package: "TOMLKit"),
            ]
        ),
        // Wide-character ncurses: the module map and a C shim, nothing else.
        .systemLibrary(
            name: "CNcursesw",
            pkgConfig: "ncursesw",
            providers: [.apt(["libncursesw5-dev"])]
        ),
        // The terminal edge: the ncurses backend (keys in, grid out, colours, signals, suspend and
        // restore), the dashboard runner, file watching, the external editor and theme files.
        .target(name: "SmarketingTerminal", dependencies: ["CNcursesw", "SmarketingUI"]),
        // A pseudo-terminal in C (forkpty) to run the dashboard under: used by the benchmarks and the fault tests.
        .target(name: "CPseudoTerminal", linkerSettings: [.linkedLibrary("util")]),
        // Benchmarks: a generator for large workspaces and the suite behind BENCHMARKS.md.
        .executableTarget(
            name: "smarketing-bench",
            dependencies: ["SmarketingModel", "SmarketingUI", "CPseudoTerminal"],
            path: "Sources/SmarketingBenchmarks"
        ),
        // A helper for the crash-safety tests: saves in a loop until killed.
        .executableTarget(name: "smarketing-save-torture", dependencies: ["SmarketingModel"], path: "Sources/SmarketingSaveTorture"),
        // The floor for the start-up comparison: a minimal C ncurses program.
        .executableTarget(name: "ncurses-floor", path: "Sources/NcursesFloor", linkerSettings: [.linkedLibrary("ncursesw")]),
        // The command line: parses arguments and wires the model, the UI and the terminal together;
        // holds no logic of its own.
        .executableTarget(
            name: "smarketing",
            dependencies: [
                "SmarketingModel",
                "SmarketingUI",
                "SmarketingTerminal",
                "SmarketingImport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "SmarketingModelTests",
            dependencies: ["SmarketingModel", "SmarketingImport", .product(name: "Yams", package: "Yams")],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "SmarketingUITests",
            dependencies: ["SmarketingUI", "SmarketingModel", .product(name: "CustomDump", package: "swift-custom-dump")],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "SmarketingCLITests",
            dependencies: ["smarketing", "SmarketingModel"]
        ),
        // CI runs a short smoke pass of the benchmark so it cannot rot (no timings asserted).
        .testTarget(
            name: "SmarketingBenchmarkSmokeTests",
            dependencies: ["smarketing-bench", "smarketing", "ncurses-floor"]
        ),
        // What the test suites share: running programs without Foundation's Process (tmux's server
        // would inherit its descriptors) and the soak switch. A plain library; it uses no test framework.
        .target(
            name: "SmarketingTestSupport",
            path: "Tests/SmarketingTestSupport"
        ),
        // Nothing lost, nothing injected: bad input, fuzzing, crashes mid-save, abuse of the UI.
        .testTarget(
            name: "SmarketingFaultTests",
            dependencies: ["smarketing", "smarketing-save-torture", "SmarketingModel", "SmarketingUI", "CPseudoTerminal", "SmarketingTestSupport"]
        ),
        // The terminal edge without a terminal: the runner's event loop on a fake backend (quitting,
        // conflicts, the editor, resizes, signals) and theme files on disk.
        .testTarget(
            name: "SmarketingTerminalTests",
            dependencies: ["SmarketingTerminal", "SmarketingUI", "SmarketingModel", "SmarketingTestSupport"],
            exclude: ["Fixtures"]
        ),
        // Drives the built binary in tmux: real pseudo-terminal, real keys, real files.
        .testTarget(
            name: "SmarketingE2ETests",
            dependencies: ["smarketing", "SmarketingModel", "SmarketingTestSupport", "CPseudoTerminal"]
        ),
    ]
)
