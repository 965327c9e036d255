// swift-tools-version: 6.2
import PackageDescription

// docgen's template engine beside hummingbird-project/swift-mustache on the same templates and
// the same structured contexts (README "Templates"). A package of its own, so docgen and its
// users never resolve swift-mustache. Run: Scripts/bench-templates.
let package = Package(
    name: "TemplateEngines",
    platforms: [.macOS(.v13)],
    dependencies: [
        // docgen itself, through a link Scripts/bench-templates makes (a path package is named after
        // its folder, and a clone's folder can have any name).
        .package(path: ".build/link/docgen"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    ],
    targets: [
        .executableTarget(
            name: "template-engines",
            dependencies: [
                .product(name: "DocgenKit", package: "docgen"),
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
    ]
)
