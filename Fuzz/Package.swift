// swift-tools-version: 6.2
import PackageDescription

// libFuzzer targets for docgen. Not part of the main build or tests; build and run with
// Fuzz/run (Docs/contributing.md). Each target checks an invariant beyond "no crash".
let targets = ["FuzzTableRow", "FuzzTypeExpression", "FuzzNames", "FuzzEscaping", "FuzzPipeline"]

let package = Package(
    name: "docgen-fuzz",
    dependencies: [.package(name: "docgen", path: "..")],
    targets: targets.map { name in
        .executableTarget(
            name: name,
            dependencies: [.product(name: "DocgenFuzzChecks", package: "docgen")],
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]
        )
    }
)
