// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "learnsite",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "learnsite", targets: ["LearnsiteCLI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
    ],
    targets: [
        // cmark-gfm from the system (Debian: libcmark-gfm-dev, libcmark-gfm-extensions-dev).
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"]), .brew(["cmark-gfm"])]
        ),
        // Makes concurrent parsing safe: see Sources/CCmarkGFMShim/CCmarkGFMShim.c.
        .target(
            name: "CCmarkGFMShim",
            linkerSettings: [
                .linkedLibrary("dl"),
                // The library must find our definition in the executable's dynamic symbol table.
                .unsafeFlags(["-Xlinker", "--export-dynamic-symbol=cmark_manage_extensions_special_characters"]),
            ]
        ),
        // Markdown -> HTML through cmark-gfm; knows nothing about the site.
        .target(name: "LearnsiteMarkdown", dependencies: ["CCmarkGFM", "CCmarkGFMShim"]),
        // The content model and its loading from a Content/ folder (front matter, site.yml, glossary, references).
        .target(name: "LearnsiteContent", dependencies: ["LearnsiteCSV", .product(name: "Yams", package: "Yams")]),
        // Atomic writing of a generated tree of files.
        .target(name: "LearnsiteOutput"),
        // Mustache templates and assets: the built-in theme (Templates/, embedded) and a user's overrides.
        .target(
            name: "LearnsiteTheme",
            dependencies: ["LearnsiteContent"],
            plugins: ["EmbedTheme"]
        ),
        // Document bodies rendered once for every output (site and handouts), and the views they share.
        .target(name: "LearnsiteRendering", dependencies: ["LearnsiteContent", "LearnsiteMarkdown", "LearnsiteTheme"]),
        // The public website: view models, pages. Never depends on attendance.
        .target(name: "LearnsiteSite", dependencies: ["LearnsiteContent", "LearnsiteRendering", "LearnsiteTheme", "LearnsiteOutput"]),
        // Printable A4 handouts and trainer packs (HTML, and PDF through WeasyPrint).
        .target(name: "LearnsiteHandouts", dependencies: ["LearnsiteContent", "LearnsiteRendering", "LearnsiteTheme", "LearnsiteOutput", "LearnsiteSite"]),
        // A streaming, byte-level RFC 4180 CSV reader (registers, the public training calendar).
        // The CSV reader's 64-bytes-at-a-time search for delimiters, quotes and line ends (SSE2).
        .target(name: "CCSVScan"),
        .target(name: "LearnsiteCSV", dependencies: ["CCSVScan"]),
        // PRIVATE training registers (CSV) and the reports made from them. Nothing public depends on it.
        .target(
            name: "LearnsiteAttendance",
            dependencies: ["LearnsiteContent", "LearnsiteCSV", "LearnsiteMarkdown", "LearnsiteTheme", "LearnsiteHandouts",
                           .product(name: "Yams", package: "Yams")],
            // Run-time exclusivity checks on the per-row tables' class properties cost 7% of a million-row
            // report's CPU (0.53 s -> 0.49 s); debug builds, which the tests use, keep them.
            swiftSettings: [.unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))]
        ),
        // The build as a pipeline of steps: load -> render -> write.
        .target(name: "LearnsiteBuild", dependencies: ["LearnsiteContent", "LearnsiteRendering", "LearnsiteTheme", "LearnsiteSite", "LearnsiteHandouts", "LearnsiteOutput"]),
        // `learnsite check`: everything a build would warn about, and what only a reviewer would spot.
        .target(name: "LearnsiteCheck", dependencies: ["LearnsiteBuild", "LearnsiteContent", "LearnsiteMarkdown", "LearnsiteRendering", "LearnsiteSite"]),
        // `learnsite serve`: the built site on loopback, rebuilt on every change, with live reload.
        .target(name: "LearnsitePreview", dependencies: ["LearnsiteBuild", "LearnsiteContent", .product(name: "Hummingbird", package: "hummingbird")]),
        .executableTarget(
            name: "LearnsiteCLI",
            dependencies: ["LearnsiteBuild", "LearnsiteCheck", "LearnsitePreview", "LearnsiteAttendance", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            // mimalloc (Debian: libmimalloc-dev) takes the place of glibc's malloc in the whole process: glibc grows
            // each thread's heap a page at a time with `mprotect`, which stalls the other core's page faults
            // (a 10,000-page build: 21,500 `mprotect` calls, 4.5% of its time; see README, Performance).
            linkerSettings: [.linkedLibrary("mimalloc", .when(platforms: [.linux]))]
        ),
        // Build-time tool: embeds the default theme (Templates/) into the binary.
        .executableTarget(name: "EmbedFiles"),
        .plugin(name: "EmbedTheme", capability: .buildTool(), dependencies: ["EmbedFiles"]),

        // Temporary content folders for tests.
        .target(name: "LearnsiteTestSupport", path: "Tests/LearnsiteTestSupport"),
        .testTarget(name: "LearnsiteMarkdownTests", dependencies: ["LearnsiteMarkdown", "LearnsiteTestSupport"]),
        .testTarget(name: "LearnsiteContentTests", dependencies: ["LearnsiteContent", "LearnsiteTestSupport", "Yams"]),
        .testTarget(name: "LearnsiteOutputTests", dependencies: ["LearnsiteOutput", "LearnsiteTestSupport"]),
        .testTarget(name: "LearnsiteThemeTests", dependencies: ["LearnsiteTheme", "LearnsiteContent", "LearnsiteTestSupport"]),
        .testTarget(name: "LearnsiteSiteTests", dependencies: ["LearnsiteSite", "LearnsiteRendering", "LearnsiteTheme", "LearnsiteContent", "LearnsiteTestSupport"]),
        .testTarget(name: "LearnsiteBuildTests", dependencies: ["LearnsiteBuild", "LearnsiteContent", "LearnsiteCSV", "LearnsiteTestSupport"]),
        .testTarget(name: "LearnsiteHandoutsTests", dependencies: ["LearnsiteHandouts", "LearnsiteRendering", "LearnsiteTheme", "LearnsiteContent", "LearnsiteTestSupport"]),
        .testTarget(name: "LearnsiteAttendanceTests", dependencies: ["LearnsiteAttendance", "LearnsiteContent", "LearnsiteTestSupport"]),
        .testTarget(name: "LearnsiteCSVTests", dependencies: ["LearnsiteCSV", "LearnsiteTestSupport"]),
        .testTarget(name: "LearnsitePreviewTests", dependencies: ["LearnsitePreview", "LearnsiteBuild", "LearnsiteTestSupport"]),
        .testTarget(name: "LearnsiteCheckTests", dependencies: ["LearnsiteCheck", "LearnsiteBuild", "LearnsiteContent", "LearnsiteTestSupport"]),
    ]
)
