// swift-tools-version: 6.0
import PackageDescription

// The pipeline, one module per stage (see README "Architecture"):
// disk → DocgenKit.SpecLoader → DocgenMarkdown → DocgenSpec → DocgenSchema → (writers) → disk
let package = Package(
    name: "docgen",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "docgen", targets: ["docgen"]),
        .library(name: "DocgenKit", targets: ["DocgenKit"]),
        .library(name: "DocgenRuntime", targets: ["DocgenRuntime"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CCMark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"]), .brew(["cmark"])]
        ),
        .target(name: "DocgenRuntime"),
        .target(name: "DocgenDiagnostics"),
        .target(name: "DocgenMarkdown", dependencies: ["CCMark", "DocgenDiagnostics"]),
        .target(name: "DocgenSpec", dependencies: ["DocgenMarkdown", "DocgenDiagnostics"]),
        .target(name: "DocgenSchema", dependencies: ["DocgenSpec", "DocgenMarkdown", "DocgenDiagnostics"]),
        .target(name: "DocgenKit", dependencies: ["DocgenSchema", "DocgenSpec", "DocgenMarkdown", "DocgenDiagnostics"]),
        .executableTarget(
            name: "docgen",
            dependencies: [
                "DocgenKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(name: "TestSupport", dependencies: ["DocgenKit"], path: "Tests/TestSupport"),
        .testTarget(name: "DocgenRuntimeTests", dependencies: ["DocgenRuntime"]),
        .testTarget(name: "DocgenMarkdownTests", dependencies: ["DocgenMarkdown", "TestSupport"]),
        .testTarget(name: "DocgenSchemaTests", dependencies: ["DocgenSchema", "TestSupport"]),
        .testTarget(
            name: "DocgenKitTests",
            dependencies: ["DocgenKit", "TestSupport"],
            exclude: ["EdgeCases", "Snapshots", "Fixtures"]
        ),
    ]
)
