"""`Scripts/bench --peer`: docgen beside apple/swift-openapi-generator 1.14.3 on the same APIs.

For each API it gives docgen the vendor's docs tree and the peer (`--mode types`) the OpenAPI
document the docs were generated from, then measures, in one run:
  generate      wall time of each generator writing its output, and of a dry run (docgen's
                --dry-run; the peer's --dry-run), the median of 3
  lines, files  of each output; properties = `public var` declarations in it
  touch build   `swift build` (debug) after touching every generated file: what a team pays
                after regenerating; its dependencies (DocgenRuntime / OpenAPIRuntime) are built
  scratch       the generated module's build folder removed, then `swift build` (debug)
  release       `swift build -c release` (whole module) of the generated module, and its
                object size per model (docgen) or per schema (peer)
Both outputs are compiled by SwiftPM in a package of their own under .build/peer, each beside its
runtime library, so both pay the same per-package and per-file costs.

Not in CI: one run takes about an hour on 2 cores. The peer is built in release from the package
mirror the first time. The peer rejects security requirements naming undeclared schemes (stackone's
document has some); they are dropped from the copy it reads, since types mode does not use them.
"""
import json
import os
import shutil
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.join(os.path.dirname(ROOT), "shared", "corpora")
PEER = os.path.join(ROOT, ".build", "peer")
DOCGEN = os.path.join(ROOT, ".build", "release", "docgen")
PEER_VERSION = "1.14.3"

# The largest shared trees docgen reads, with the OpenAPI document their docs came from.
TREES = [
    ("stackone (C#)", "stackone-csharp-2025-12", "docs/Models"),
    ("openrouter (Go)", "openrouter-go-2026-08", "docs/models"),
]


class BuildFailed(Exception):
    pass


def timed(command, cwd=ROOT, env=None):
    start = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True, env=env)
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        # The compiler's own error lines (its warnings would bury them), or the output's tail.
        errors = [line for line in (result.stdout + result.stderr).splitlines() if "error:" in line]
        raise BuildFailed(f"{' '.join(command)} failed after {seconds:.0f} s: "
                          + ("; ".join(errors[:5]) if errors else (result.stdout + result.stderr)[-2000:]))
    return seconds


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text)


def peer_generator():
    """Builds swift-openapi-generator from the package mirror (release), once."""
    folder = os.path.join(PEER, "generator")
    binary = os.path.join(folder, ".build", "release", "swift-openapi-generator")
    if not os.path.exists(binary):
        write(os.path.join(folder, "Package.swift"), f"""// swift-tools-version:5.9
import PackageDescription
let package = Package(
    name: "PeerGenerator",
    dependencies: [.package(url: "https://github.com/apple/swift-openapi-generator", exact: "{PEER_VERSION}")],
    targets: [.target(name: "Unused", path: "Unused")]
)
""")
        write(os.path.join(folder, "Unused", "unused.swift"), "")
        print(f"building swift-openapi-generator {PEER_VERSION} (release, once; several minutes)...", flush=True)
        timed(["swift", "build", "-c", "release", "--product", "swift-openapi-generator"], cwd=folder)
    return binary


def exclusive_bounds_as_numbers(node):
    """3.0's `exclusiveMinimum: true` beside `minimum: 0`, written in a 3.1 document (openrouter's
    does), as 3.1 spells it (`exclusiveMinimum: 0`): the same bound, in the form the peer's
    parser requires of a 3.1 document."""
    if isinstance(node, dict):
        for flag, bound in (("exclusiveMinimum", "minimum"), ("exclusiveMaximum", "maximum")):
            if isinstance(node.get(flag), bool):
                if node[flag] and bound in node:
                    node[flag] = node.pop(bound)
                else:
                    del node[flag]
        for value in node.values():
            exclusive_bounds_as_numbers(value)
    elif isinstance(node, list):
        for value in node:
            exclusive_bounds_as_numbers(value)


def peer_input(source, destination):
    """The OpenAPI document as the peer can read it: security requirements naming undeclared
    schemes dropped (types mode does not use them), 3.0-style exclusive bounds in 3.1 rewritten."""
    try:
        import yaml
    except ImportError:
        subprocess.run([sys.executable, "-m", "pip", "install", "-q", "pyyaml"], check=True)
        import yaml
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    with open(source, encoding="utf-8") as handle:
        document = yaml.load(handle, Loader=loader)
    schemes = set(((document.get("components") or {}).get("securitySchemes") or {}))
    def declared(requirements):
        return [r for r in requirements if set(r) <= schemes]
    for path in (document.get("paths") or {}).values():
        for operation in path.values():
            if isinstance(operation, dict) and "security" in operation:
                operation["security"] = declared(operation["security"])
    if str(document.get("openapi", "")).startswith("3.1"):
        exclusive_bounds_as_numbers(document)
    if "security" in document:
        document["security"] = declared(document["security"])
    with open(destination, "w", encoding="utf-8") as handle:
        json.dump(document, handle)


def package(folder, kind, sources):
    """A package compiling generated `sources` beside its runtime; returns the module folder."""
    if kind == "docgen":
        manifest = f"""// swift-tools-version:6.0
import PackageDescription
let package = Package(
    name: "DocgenOutput",
    targets: [
        .target(name: "DocgenRuntime", path: "Runtime"),
        .target(name: "Models", dependencies: ["DocgenRuntime"], path: "Models"),
    ]
)
"""
        runtime = os.path.join(folder, "Runtime")
        shutil.rmtree(runtime, ignore_errors=True)
        shutil.copytree(os.path.join(ROOT, "Sources", "DocgenRuntime"), runtime)
        module = os.path.join(folder, "Models")
    else:
        manifest = """// swift-tools-version:5.9
import PackageDescription
let package = Package(
    name: "PeerOutput",
    dependencies: [.package(url: "https://github.com/apple/swift-openapi-runtime", from: "1.13.4")],
    targets: [.target(name: "Models", dependencies: [.product(name: "OpenAPIRuntime", package: "swift-openapi-runtime")],
                      path: "Models")]
)
"""
        module = os.path.join(folder, "Models")
    write(os.path.join(folder, "Package.swift"), manifest)
    shutil.rmtree(module, ignore_errors=True)
    shutil.copytree(sources, module)
    return module


def output_stats(folder):
    files = [os.path.join(folder, f) for f in sorted(os.listdir(folder)) if f.endswith(".swift")]
    lines = properties = 0
    for path in files:
        with open(path, encoding="utf-8") as handle:
            for line in handle:
                lines += 1
                if line.lstrip().startswith("public var "):
                    properties += 1
    return {"files": len(files), "lines": lines, "properties": properties}


def builds(folder, module, release):
    """Touch + debug build, from-scratch build of the generated module, optional release build."""
    timed(["swift", "build"], cwd=folder)  # dependencies and a first build
    for name in os.listdir(module):
        os.utime(os.path.join(module, name))
    touch = timed(["swift", "build"], cwd=folder)
    # From scratch: every product of the generated module removed (its objects, dependency
    # records and module), SwiftPM's plan kept (without its file maps it cannot build at all).
    debug = os.path.join(folder, ".build", "debug")
    products = os.path.join(debug, "Models.build")
    for name in os.listdir(products):
        if not (name.endswith(".json") or name.endswith(".resp") or name in ("sources", "Include")):
            path = os.path.join(products, name)
            shutil.rmtree(path) if os.path.isdir(path) else os.remove(path)
    for modules in (debug, os.path.join(debug, "Modules")):
        for name in os.listdir(modules) if os.path.isdir(modules) else []:
            if name.startswith("Models.swift"):
                path = os.path.join(modules, name)
                shutil.rmtree(path) if os.path.isdir(path) else os.remove(path)
    scratch = timed(["swift", "build"], cwd=folder)
    result = {"touch": touch, "scratch": scratch}
    if release:
        # The runtime first (not timed), then the generated module once: a whole-module build
        # compiles all of it whatever changed, so building it twice would only double the wait.
        runtime = "DocgenRuntime" if os.path.isdir(os.path.join(folder, "Runtime")) else "OpenAPIRuntime"
        timed(["swift", "build", "-c", "release", "--target", runtime], cwd=folder)
        result["release"] = timed(["swift", "build", "-c", "release", "--target", "Models"], cwd=folder)
        objects = os.path.join(folder, ".build", "release", "Models.build")
        object_files = [os.path.join(objects, f) for f in sorted(os.listdir(objects)) if f.endswith(".o")]
        result["object bytes"] = sum(os.path.getsize(f) for f in object_files)
        result["code bytes"] = code_bytes(object_files)
    return result


def code_bytes(object_files):
    """What the objects add to an app: text + data + bss (`size`), without the debug info that
    makes up most of an object file's bytes."""
    listing = subprocess.run(["size", "--totals"] + object_files, capture_output=True, text=True, check=True).stdout
    return int(listing.strip().splitlines()[-1].split()[3])


def median_time(command, repeat=3):
    return statistics.median(timed(command) for _ in range(repeat))


def compare(name, docs, openapi, release, generator):
    work = os.path.join(PEER, "runs", name.split()[0])
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    peer_doc = os.path.join(work, "openapi.json")
    peer_input(openapi, peer_doc)
    write(os.path.join(work, "openapi-generator-config.yaml"), "generate:\n  - types\naccessModifier: public\n")
    docgen_out, peer_out = os.path.join(work, "docgen-out"), os.path.join(work, "peer-out")

    def docgen(dry):
        out = docgen_out + ("-dry" if dry else "")
        shutil.rmtree(out, ignore_errors=True)
        return [DOCGEN, "generate", "--specs", docs, "--output", out] + (["--dry-run"] if dry else [])

    # Both layouts are built whatever the default (`auto`) picks for this tree.
    grouped_out = docgen_out + "-grouped"
    layouts = {}
    for layout, out in (("perModel", docgen_out), ("grouped", grouped_out)):
        layouts[layout] = os.path.join(work, layout + ".docgen.json")
        with open(layouts[layout], "w", encoding="utf-8") as handle:
            json.dump({"specs": docs, "output": out, "swiftFiles": layout}, handle)

    def peer(dry):
        out = peer_out + ("-dry" if dry else "")
        shutil.rmtree(out, ignore_errors=True)
        return [generator, "generate", "--config", os.path.join(work, "openapi-generator-config.yaml"),
                "--output-directory", out, peer_doc] + (["--dry-run"] if dry else [])

    r = {"name": name}
    r["docgen write"] = median_time(docgen(False))
    r["docgen dry"] = median_time(docgen(True))
    r["peer write"] = median_time(peer(False))
    r["peer dry"] = median_time(peer(True))
    timed(peer(False))
    for layout, out in (("perModel", docgen_out), ("grouped", grouped_out)):
        shutil.rmtree(out, ignore_errors=True)
        timed([DOCGEN, "generate", "--config", layouts[layout]])
    r["grouped"] = output_stats(grouped_out)
    r["docgen"] = output_stats(docgen_out)
    r["peer"] = output_stats(peer_out)
    r["docgen"]["types"] = sum(1 for f in os.listdir(docgen_out) if f.endswith(".swift")
                               and "typealias" not in open(os.path.join(docgen_out, f), encoding="utf-8").read())
    r["peer"]["types"] = len((json.load(open(peer_doc)).get("components") or {}).get("schemas") or {})
    r["grouped"]["types"] = r["docgen"]["types"]
    for side, out in (("docgen", docgen_out), ("grouped", grouped_out), ("peer", peer_out)):
        folder = os.path.join(work, side + "-package")
        module = package(folder, "peer" if side == "peer" else "docgen", out)
        print(f"  {name}: building {side}'s output...", flush=True)
        try:
            r[side].update(builds(folder, module, release))
        except BuildFailed as failure:  # the peer's output of a large API can exhaust memory
            r[side]["failed"] = str(failure)
        print(f"  {name}: {side}: {r[side]}", flush=True)
    return r


def report(results, release):
    print("\nper API: docgen (docs tree) vs swift-openapi-generator (its OpenAPI document), debug builds with SwiftPM")
    for r in results:
        d, p = r["docgen"], r["peer"]
        print(f"\n{r['name']}")
        print(f"  generate (write)     docgen {r['docgen write']:.2f} s   peer {r['peer write']:.2f} s   = {r['docgen write'] / r['peer write']:.2f}×")
        print(f"  generate (dry run)   docgen {r['docgen dry']:.2f} s   peer {r['peer dry']:.2f} s   = {r['docgen dry'] / r['peer dry']:.2f}×")
        print(f"  output               docgen {d['files']} files, {d['lines']:,} lines, {d['properties']:,} properties, {d['types']:,} types"
              f"   peer {p['files']} files, {p['lines']:,} lines, {p['properties']:,} properties")
        g = r["grouped"]
        print(f"  docgen, swiftFiles grouped: {g['files']} files")
        for side in ("docgen", "grouped", "peer"):
            if "failed" in r[side]:
                print(f"  {side} output did not build: {r[side]['failed']}")
        if any("failed" in r[side] for side in ("docgen", "grouped", "peer")):
            for side in ("docgen", "grouped"):
                d = r[side]
                if "touch" in d:
                    print(f"  {side}: touch + debug {d['touch']:.1f} s, from scratch {d['scratch']:.1f} s,"
                          f" {d['touch'] / d['properties'] * 1e3:.1f} / {d['scratch'] / d['properties'] * 1e3:.1f} ms per property")
            continue
        for side, label in (("docgen", "docgen per model"), ("grouped", "docgen grouped")):
            d = r[side]
            for key, what in (("touch", "touch + debug build"), ("scratch", "from-scratch debug build")):
                dp, pp = d[key] / d["properties"] * 1e3, p[key] / p["properties"] * 1e3
                print(f"  {what:<25}{label:<15}{d[key]:6.1f} s   peer {p[key]:6.1f} s   = {d[key] / p[key]:.2f}× whole output;"
                      f" per property {dp:.1f} ms vs {pp:.1f} ms = {dp / pp:.2f}×")
            if release:
                print(f"  {'release (WMO) build':<25}{label:<15}{d['release']:6.1f} s   peer {p['release']:6.1f} s   = {d['release'] / p['release']:.2f}×;"
                      f" objects {d['object bytes'] / 1e6:.1f} MB vs {p['object bytes'] / 1e6:.1f} MB;"
                      f" code {d['code bytes'] / 1e6:.1f} MB = {d['code bytes'] / d['types'] / 1e3:.1f} kB per type"
                      f" vs {p['code bytes'] / 1e6:.1f} MB = {p['code bytes'] / max(p['types'], 1) / 1e3:.1f} kB per schema")


def main(synthetic, release=True):
    """`synthetic(count, openapi_path)` writes the cribl-sized tree and returns its docs folder."""
    try:
        return compare_all(synthetic, release)
    except BuildFailed as failure:
        sys.exit(f"bench --peer: {failure}")


def compare_all(synthetic, release):
    generator = peer_generator()
    apis = []
    if os.path.isdir(SHARED):
        for name, folder, specs in TREES:
            apis.append((name, os.path.join(SHARED, folder, specs), os.path.join(SHARED, folder, ".speakeasy", "out.openapi.yaml")))
    else:
        print("notice: ../shared/corpora is absent; comparing on the synthetic tree only")
    openapi = os.path.join(PEER, "synthetic-4123.openapi.json")
    apis.append(("synthetic 4,123 docs (cribl-sized)", synthetic(4123, openapi), openapi))
    only = os.environ.get("PEER_ONLY")
    results = []
    for name, docs, document in apis:
        if only and only not in name:
            continue
        print(f"comparing on {name}...", flush=True)
        results.append(compare(name, docs, document, release, generator))
        report(results[-1:], release)
    print("\n=== summary ===")
    report(results, release)
