// swift-tools-version: 6.2
import PackageDescription

// docgen's YAML reader (DocgenInput.YAMLReader) beside jpsim/Yams (libyaml) on the shared OpenAPI
// documents: the same values (and PyYAML's, through Scripts/yaml_canonical.py), their locations,
// the time to a located tree, and what linking Yams costs a docgen-like executable. A package of
// its own, so docgen and its users never resolve Yams. Run: Scripts/bench-yaml.
let package = Package(
    name: "YAMLReaders",
    platforms: [.macOS(.v13)],
    dependencies: [
        // docgen itself, through a link Scripts/bench-yaml makes (as Benchmarks/TemplateEngines).
        .package(path: ".build/link/docgen"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        // The comparison: canonical values, locations and parse times, one document at a time.
        .executableTarget(
            name: "yaml-readers",
            dependencies: [
                .product(name: "DocgenKit", package: "docgen"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        // The dependency's cost: the same small program (read a YAML text, print its top-level
        // key count) with docgen's pipeline and reader, with Yams added beside them, and Yams alone.
        .executableTarget(name: "tiny-docgen", dependencies: [.product(name: "DocgenKit", package: "docgen")]),
        .executableTarget(
            name: "tiny-docgen-yams",
            dependencies: [.product(name: "DocgenKit", package: "docgen"), .product(name: "Yams", package: "Yams")]
        ),
        .executableTarget(name: "tiny-yams", dependencies: [.product(name: "Yams", package: "Yams")]),
    ]
)
