// swift-tools-version: 6.2
import PackageDescription

// The pipeline, one module per job, each with its own test target (see README, top and "Layout"):
// DocgenInput → DocgenMarkdown → DocgenSpec → DocgenSchema → DocgenSwift → DocgenRender → DocgenOutput,
// with DocgenDialects telling the reading stages how the tree's SDK language writes things,
// DocgenConfig and DocgenKeys feeding them settings, and DocgenKit running them in order.
let package = Package(
    name: "docgen",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "docgen", targets: ["docgen"]),
        .library(name: "DocgenKit", targets: ["DocgenKit"]),
        .library(name: "DocgenRuntime", targets: ["DocgenRuntime"]),
        // What a generated client (`--client`) needs besides the models: a separate product, so
        // a team that only wants models adds no dependency.
        .library(name: "DocgenClientRuntime", targets: ["DocgenClientRuntime"]),
        .library(name: "WebhookModels", targets: ["WebhookModels"]),
        // For the fuzz package in Fuzz/ (and the tests that replay its findings).
        .library(name: "DocgenFuzzChecks", targets: ["DocgenFuzzChecks"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-openapi-runtime", from: "1.13.4"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        // Tests only: the generated client over real HTTP.
        .package(url: "https://github.com/apple/swift-openapi-urlsession", from: "1.4.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CCMark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"]), .brew(["cmark"])]
        ),
        .target(name: "DocgenRuntime"),
        // Requests and responses of a generated client, over swift-openapi-runtime's ClientTransport.
        .target(name: "DocgenClientRuntime", dependencies: [
            "DocgenRuntime",
            .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
            .product(name: "HTTPTypes", package: "swift-http-types"),
        ]),
        // renameat2(RENAME_EXCHANGE) for the writer's atomic swap; Swift's Glibc hides it.
        .target(name: "CDocgenSystem"),
        .target(name: "DocgenDiagnostics"),
        // What differs between the SDK languages' docs: one value per language, one file each.
        .target(name: "DocgenDialects", dependencies: ["DocgenDiagnostics"]),
        .target(name: "DocgenMarkdown", dependencies: ["CCMark", "DocgenDiagnostics"]),
        .target(name: "DocgenSpec", dependencies: ["DocgenDialects", "DocgenMarkdown", "DocgenDiagnostics"]),
        .target(name: "DocgenSchema", dependencies: ["DocgenDialects", "DocgenSpec", "DocgenMarkdown", "DocgenDiagnostics"]),
        // Contexts and templates for Swift and its doc pages; DocgenRender knows no language.
        .target(name: "DocgenSwift", dependencies: ["DocgenSchema", "DocgenRender", "DocgenDiagnostics"]),
        // The Swift client (`--client`): the operations' HTTP facts in, a file per group out.
        .target(name: "DocgenClient", dependencies: ["DocgenSwift", "DocgenSchema", "DocgenRender", "DocgenDiagnostics"]),
        .target(name: "DocgenDiff", dependencies: ["DocgenSwift", "DocgenSchema", "DocgenDialects", "DocgenDiagnostics"]),
        .target(name: "DocgenRender", dependencies: ["DocgenDiagnostics"]),
        // A Markdown page per model (and an index) from what the Swift translation decided.
        .target(name: "DocgenDocs", dependencies: ["DocgenSwift", "DocgenSchema", "DocgenRender", "DocgenDiagnostics"]),
        // Loading a tree from disk (or a git revision): files in, `[SourceFile]` out.
        .target(name: "DocgenInput", dependencies: ["DocgenDiagnostics"]),
        // docgen.json: a located reader, `Configuration.File` out.
        .target(name: "DocgenConfig", dependencies: ["DocgenInput", "DocgenClient", "DocgenSwift", "DocgenSchema", "DocgenDialects", "DocgenDiagnostics"]),
        // A vendor's OpenAPI document as evidence (`--openapi`): a Schema and the document in, the
        // Schema with what the docs cannot say filled out; and the one doc-model ↔ component matching.
        .target(name: "DocgenOpenAPI", dependencies: ["DocgenInput", "DocgenSchema", "DocgenDialects", "DocgenDiagnostics"]),
        // The keys feature: sample payloads and OpenAPI documents in, a learned JSONKeyRule out.
        .target(name: "DocgenKeys", dependencies: ["DocgenInput", "DocgenOpenAPI", "DocgenSchema", "DocgenDiagnostics"]),
        // Plan, stage, publish and lock: `[OutputFile]` in, folders on disk out.
        .target(name: "DocgenOutput", dependencies: ["DocgenInput", "DocgenRender", "DocgenDiagnostics", "CDocgenSystem"]),
        // The pipeline every command, test and fuzz target runs: configuration in, files and a report out.
        .target(
            name: "DocgenKit",
            dependencies: ["DocgenInput", "DocgenConfig", "DocgenKeys", "DocgenOpenAPI", "DocgenOutput", "DocgenClient", "DocgenRender", "DocgenSwift", "DocgenDocs", "DocgenDiff",
                           "DocgenSchema", "DocgenSpec", "DocgenMarkdown", "DocgenDialects", "DocgenDiagnostics"]
        ),
        .target(
            name: "DocgenFuzzChecks",
            dependencies: ["DocgenKit", "DocgenDiff", "DocgenDialects", "DocgenRender", "DocgenSwift", "DocgenSchema", "DocgenMarkdown",
                           "DocgenDiagnostics"]
        ),
        .executableTarget(
            name: "docgen",
            dependencies: [
                "DocgenKit", "DocgenDiff", "DocgenOpenAPI", "DocgenSwift", "DocgenDiagnostics",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Generated from Specs/ by `Scripts/generate` and checked in. Built with MainActor as the
        // default isolation to prove generated code works in such modules too.
        .target(
            name: "WebhookModels",
            dependencies: ["DocgenRuntime"],
            exclude: [".docgen-manifest"],
            swiftSettings: [.defaultIsolation(MainActor.self)]
        ),
        // Generated from the test fixtures (every dialect construct; Swift keywords as names).
        .target(name: "DialectModels", dependencies: ["DocgenRuntime"], path: "Tests/GeneratedModels/Dialect",
                exclude: [".docgen-manifest"]),
        .target(name: "KeywordZooModels", dependencies: ["DocgenRuntime"], path: "Tests/GeneratedModels/KeywordZoo",
                exclude: [".docgen-manifest"]),
        // The same fixture with `"swiftFiles": "grouped"`.
        .target(name: "DialectGroupedModels", dependencies: ["DocgenRuntime"], path: "Tests/GeneratedModels/DialectGrouped",
                exclude: [".docgen-manifest"]),
        // The same fixture through each example template set in Templates/Examples/.
        .target(name: "FinalClassExampleModels", dependencies: ["DocgenRuntime"], path: "Tests/GeneratedModels/Examples/FinalClass",
                exclude: [".docgen-manifest"]),
        .target(name: "IdentifiableExampleModels", dependencies: ["DocgenRuntime"], path: "Tests/GeneratedModels/Examples/Identifiable",
                exclude: [".docgen-manifest"]),
        .target(name: "NoValidatorsExampleModels", dependencies: ["DocgenRuntime"], path: "Tests/GeneratedModels/Examples/NoValidators",
                exclude: [".docgen-manifest"]),
        // Models the docs link and do not describe, from the fixture's OpenAPI document (stand-ins).
        .target(name: "StandInModels", dependencies: ["DocgenRuntime"], path: "Tests/GeneratedModels/StandIn",
                exclude: [".docgen-manifest"]),
        // The cross-dialect fixture API, generated from its Python, TypeScript and Go docs.
        .target(name: "PythonPetModels", dependencies: ["DocgenRuntime"], path: "Tests/GeneratedModels/CrossDialect/Python",
                exclude: [".docgen-manifest"]),
        .target(name: "TypeScriptPetModels", dependencies: ["DocgenRuntime"], path: "Tests/GeneratedModels/CrossDialect/TypeScript",
                exclude: [".docgen-manifest"]),
        .target(name: "GoPetModels", dependencies: ["DocgenRuntime"], path: "Tests/GeneratedModels/CrossDialect/Go",
                exclude: [".docgen-manifest"]),
        .target(name: "JavaPetModels", dependencies: ["DocgenRuntime"], path: "Tests/GeneratedModels/CrossDialect/Java",
                exclude: [".docgen-manifest"]),
        .target(name: "CSharpPetModels", dependencies: ["DocgenRuntime"], path: "Tests/GeneratedModels/CrossDialect/CSharp",
                exclude: [".docgen-manifest"]),
        .target(name: "PHPPetModels", dependencies: ["DocgenRuntime"], path: "Tests/GeneratedModels/CrossDialect/PHP",
                exclude: [".docgen-manifest"]),
        .target(name: "RubySorbetPetModels", dependencies: ["DocgenRuntime"], path: "Tests/GeneratedModels/CrossDialect/RubySorbet",
                exclude: [".docgen-manifest"]),
        .target(name: "RubyCrystallinePetModels", dependencies: ["DocgenRuntime"], path: "Tests/GeneratedModels/CrossDialect/RubyCrystalline",
                exclude: [".docgen-manifest"]),
        // The client of the petstore fixture (`--client --openapi`), generated and checked in.
        .target(name: "PetstoreClient", dependencies: ["DocgenRuntime", "DocgenClientRuntime"], path: "Tests/GeneratedModels/PetstoreClient",
                exclude: [".docgen-manifest"]),
        .target(name: "TestSupport", dependencies: ["DocgenKit"], path: "Tests/TestSupport"),
        .testTarget(
            name: "GeneratedClientTests",
            dependencies: ["PetstoreClient", "DocgenClientRuntime", "DocgenRuntime",
                           .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
                           .product(name: "HTTPTypes", package: "swift-http-types"),
                           .product(name: "OpenAPIURLSession", package: "swift-openapi-urlsession")],
            exclude: ["Fixtures"]
        ),
        .testTarget(name: "DocgenRuntimeTests", dependencies: ["DocgenRuntime"]),
        .testTarget(
            name: "GeneratedModelsTests",
            dependencies: ["WebhookModels", "DialectModels", "DialectGroupedModels",
                           "FinalClassExampleModels", "IdentifiableExampleModels", "NoValidatorsExampleModels", "KeywordZooModels", "StandInModels", "PythonPetModels", "TypeScriptPetModels", "GoPetModels",
                           "JavaPetModels", "CSharpPetModels", "PHPPetModels", "RubySorbetPetModels", "RubyCrystallinePetModels",
                           "DocgenRuntime", "TestSupport"],
            exclude: ["Fixtures"]
        ),
        .testTarget(name: "DocgenClientTests", dependencies: ["DocgenClient", "DocgenConfig", "DocgenKit", "DocgenSchema", "DocgenRender",
                                                             "DocgenDiagnostics", "TestSupport"]),
        .testTarget(name: "DocgenMarkdownTests", dependencies: ["DocgenMarkdown", "TestSupport"]),
        .testTarget(name: "DocgenDiagnosticsTests", dependencies: ["DocgenDiagnostics", "TestSupport"]),
        .testTarget(name: "DocgenInputTests", dependencies: ["DocgenInput", "TestSupport"]),
        .testTarget(name: "DocgenConfigTests", dependencies: ["DocgenConfig", "DocgenKit", "DocgenSchema", "DocgenSwift", "DocgenDiagnostics", "TestSupport"]),
        .testTarget(name: "DocgenOpenAPITests", dependencies: ["DocgenOpenAPI", "DocgenKit", "DocgenInput", "DocgenSchema", "DocgenDialects",
                                                          "DocgenDiagnostics", "TestSupport"]),
        .testTarget(name: "DocgenKeysTests", dependencies: ["DocgenKeys", "DocgenInput", "DocgenKit", "DocgenDialects", "DocgenSchema",
                                                           "DocgenDiagnostics", "TestSupport"],
                    exclude: ["Fixtures"]),
        .testTarget(name: "DocgenOutputTests", dependencies: ["DocgenOutput", "DocgenKit", "DocgenRender", "DocgenSwift", "DocgenDiagnostics",
                                                             "TestSupport"]),
        .testTarget(name: "DocgenSpecTests", dependencies: ["DocgenSpec", "DocgenMarkdown", "DocgenDialects", "DocgenDiagnostics"]),
        .testTarget(name: "DocgenRenderTests", dependencies: ["DocgenRender", "DocgenDiagnostics"]),
        .testTarget(name: "DocgenDocsTests", dependencies: ["DocgenDocs", "DocgenSwift", "DocgenSchema", "DocgenRender", "DocgenDiagnostics"]),
        .testTarget(name: "DocgenSwiftTests", dependencies: ["DocgenSwift", "DocgenRender", "DocgenSchema", "DocgenDiagnostics"]),
        .testTarget(name: "DocgenSchemaTests", dependencies: ["DocgenSchema", "DocgenDialects", "TestSupport"]),
        .testTarget(name: "DocgenDialectsTests", dependencies: ["DocgenDialects", "DocgenKit", "DocgenSchema", "TestSupport"],
                    exclude: ["Fixtures"]),
        .testTarget(name: "DocgenDiffTests", dependencies: ["DocgenDiff", "DocgenKit", "DocgenConfig", "DocgenSchema", "DocgenSwift", "DocgenDiagnostics", "TestSupport"],
                    exclude: ["Fixtures", "Snapshots"]),
        .testTarget(
            name: "DocgenKitTests",
            dependencies: ["DocgenKit", "DocgenOutput", "DocgenDialects", "DocgenRender", "DocgenSwift", "DocgenDocs", "DocgenSchema", "DocgenFuzzChecks",
                           "TestSupport"],
            exclude: ["EdgeCases", "Snapshots", "Fixtures"]
        ),
    ]
)
