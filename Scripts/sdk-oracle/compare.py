#!/usr/bin/env python3
"""Replays the oracle's recorded SDK calls through docgen's generated Swift client and compares
the requests. See README.md in this folder ("compare.py").

    Scripts/sdk-oracle/compare.py                       every vendor, docs only and with --openapi
    Scripts/sdk-oracle/compare.py dub egain --reading openapi --min 80

Per vendor and reading: generate models + client into a scratch SwiftPM package (depends on this
repository by path), generate a Replay executable that calls the Swift method of every recorded
call with the recorded arguments through a recording ClientTransport, run it, and compare each
request with the SDK's. Prints a summary table; writes every difference to
OUT/compare-VENDOR-READING.txt. Exit status: 0 (differences are the report), 1 when --min is
not met, 2 on an internal failure (a Replay that does not build, docgen failing to generate).
A generated client that does not compile is reported (first errors verbatim) and the run goes on.
"""

from __future__ import annotations

import argparse
import base64
import collections
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from email.parser import BytesParser
from email.policy import HTTP as HTTP_POLICY
from typing import Any, Dict, List, Optional, Tuple
from urllib.parse import parse_qsl

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
CORPORA = os.path.join(os.path.dirname(ROOT), "shared", "corpora")
VENDORS = {
    "clerk": "clerk-ruby-2026-06",
    "dub": "dub-ts-2026-06",
    "egain": "egain-java-2026-04",
    "openrouter": "openrouter-go-2026-08",
}
# What a user tells docgen that neither the docs nor the OpenAPI document say (Docs/client.md,
# "What the docs cannot say"): clerk's SDK adds `Clerk-API-Version` in a before-request hook.
# (OpenRouter's SDK globals are not given here: its SDK sends them only to the operations whose
# document declares them, where a config header goes to every call: 91 extra headers.)
VENDOR_CLIENT_CONFIG = {
    "clerk": {"headers": {"Clerk-API-Version": "2025-11-10"}},
}
READINGS = ("docs", "openapi")
SERVER = "https://api.example.test"
MODULE = "GeneratedAPI"
# Transport plumbing and SDK identity: never compared.
IGNORED_HEADERS = {"accept-encoding", "connection", "host", "user-agent", "content-length", "x-clerk-sdk"}


def norm(text: str) -> str:
    return re.sub(r"[_\-$.\[\]`]", "", text.lower())


# --------------------------------------------------------------------------- generated client

class SwiftParam:
    def __init__(self, label: str, name: str, type_: str, has_default: bool):
        self.label = label          # as written (may carry backticks), "_" for none
        self.name = name
        self.type = type_
        self.has_default = has_default
        self.wire: Optional[str] = None
        self.location: Optional[str] = None   # query / path / header / cookie / body

    @property
    def optional(self) -> bool:
        return self.has_default or self.type.endswith("?")

    @property
    def bare(self) -> str:
        return self.label.strip("`")


class SwiftOp:
    def __init__(self, op_id, method, path, source, group, name, params, file):
        self.op_id, self.method, self.path, self.source = op_id, method, path, source
        self.group, self.name, self.params, self.file = group, name, params, file
        self.accessor: Optional[List[str]] = None


def split_top(text: str, sep: str = ",") -> List[str]:
    out, depth, cur = [], 0, []
    for ch in text:
        if ch in "([<{":
            depth += 1
        elif ch in ")]>}":
            depth -= 1
        if ch == sep and depth == 0:
            out.append("".join(cur))
            cur = []
        else:
            cur.append(ch)
    if "".join(cur).strip():
        out.append("".join(cur))
    return [p.strip() for p in out if p.strip()]


FUNC_RE = re.compile(r"^        public func (`?\w+`?)\((.*)\) async throws\(")
DOC_HEAD_RE = re.compile(r"^        /// `([A-Z]+) ([^`]*)` \(`([^`]+)`, from (\w+)")
DOC_PARAM_RE = re.compile(r"^        ///   - (`?\w+`?): .*\((?:(query|path|header|cookie) `([^`]+)`|(the body)), by \w+\)\s*$")
STRUCT_RE = re.compile(r"^    public struct (\w+)\b")
ACCESSOR_RE = re.compile(r"^\s*public var (`?\w+`?): (\w+) \{ \w+\(core: core\) \}")


def parse_client(src_dir: str) -> Dict[str, Any]:
    files = sorted(f for f in os.listdir(src_dir) if f.endswith(".swift"))
    client_name, client_file, init_params = None, None, []
    for f in files:
        text = open(os.path.join(src_dir, f), encoding="utf-8").read()
        m = re.search(r"^public struct (\w+): Swift\.Sendable \{\n(?:.*\n)*?    public var core: DocgenClientRuntime\.\w+\n", text, re.M)
        if m:
            client_name, client_file = m.group(1), f
            init = re.search(r"    public init\(\n(.*?)\n    \) \{", text, re.S)
            for part in split_top(init.group(1).replace("\n", " ")):
                label = part.split(":")[0].strip()
                init_params.append((label, part.split(":", 1)[1].strip()))
            break
    if client_name is None:
        return {"client": None, "ops": [], "init": [], "accessors": {}}
    accessors: Dict[str, List[Tuple[str, str]]] = collections.defaultdict(list)  # owner struct -> [(prop, type)]
    ops: List[SwiftOp] = []
    for f in files:
        lines = open(os.path.join(src_dir, f), encoding="utf-8").read().splitlines()
        owner = client_name if f == client_file else None
        doc: List[str] = []
        for line in lines:
            sm = STRUCT_RE.match(line)
            if sm and f != client_file:
                owner = sm.group(1)
            am = ACCESSOR_RE.match(line)
            if am and owner:
                accessors[owner].append((am.group(1), am.group(2)))
            if line.startswith("        ///"):
                doc.append(line)
                continue
            fm = FUNC_RE.match(line)
            if fm and doc and owner:
                head = DOC_HEAD_RE.match(doc[0])
                if head:
                    params = []
                    for part in split_top(fm.group(2)):
                        decl, _, default = part.partition("=")
                        names, _, type_ = decl.partition(":")
                        bits = names.split()
                        label, name = (bits[0], bits[1]) if len(bits) > 1 else (bits[0], bits[0])
                        params.append(SwiftParam(label, name, type_.strip(), bool(default.strip())))
                    for d in doc:
                        pm = DOC_PARAM_RE.match(d)
                        if not pm:
                            continue
                        for p in params:
                            if p.bare == pm.group(1).strip("`") or p.name.strip("`") == pm.group(1).strip("`"):
                                p.location = pm.group(2) or "body"
                                p.wire = pm.group(3)
                    ops.append(SwiftOp(head.group(3), head.group(1), head.group(2), head.group(4), owner,
                                       fm.group(1), params, f))
            doc = []
    # Accessor paths from the client struct.
    paths: Dict[str, List[str]] = {}
    queue = [(client_name, [])]
    seen = {client_name}
    while queue:
        owner, path = queue.pop(0)
        for prop, type_ in accessors.get(owner, []):
            if type_ in seen:
                continue
            seen.add(type_)
            paths[type_] = path + [prop]
            queue.append((type_, path + [prop]))
    for op in ops:
        op.accessor = paths.get(op.group)
    return {"client": client_name, "ops": ops, "init": init_params, "accessors": accessors}


def patch_duplicate_accessors(src_dir: str) -> List[str]:
    """Renames the second and later `public var x: T { T(core: core) }` of the same name in the
    client struct to `x_`, `x__` (a workaround for a docgen bug; off by default)."""
    patched = []
    for f in sorted(os.listdir(src_dir)):
        if not f.endswith(".swift"):
            continue
        path = os.path.join(src_dir, f)
        text = open(path, encoding="utf-8").read()
        if not re.search(r"^    public var core: DocgenClientRuntime\.\w+$", text, re.M):
            continue
        seen: Dict[str, int] = collections.Counter()
        out = []
        for line in text.splitlines(keepends=True):
            m = re.match(r"^(    public var )(`?\w+`?)(: \w+ \{ \w+\(core: core\) \})", line)
            if m:
                name = m.group(2)
                if seen[name]:
                    new = name.strip("`") + "_" * seen[name]
                    patched.append(f"{name} -> {new} ({m.group(3).split()[1]})")
                    line = m.group(1) + new + line[m.end(2):]
                seen[name] += 1
            out.append(line)
        if patched:
            with open(path, "w", encoding="utf-8") as fh:
                fh.write("".join(out))
    return patched


# --------------------------------------------------------------------------- planning calls

def plan_call(op: SwiftOp, record: Dict[str, Any]) -> Tuple[Optional[str], Optional[str], List[str]]:
    """(Swift call expression, skip reason, record arguments not passed)."""
    args: Dict[str, Any] = record["args"]
    globals_ = set(record.get("globals") or {})
    by_norm: Dict[str, str] = {}
    for key in args:
        by_norm.setdefault(norm(key), key)
    used = set()
    matched: Dict[int, str] = {}
    for i, p in enumerate(op.params):
        for cand in (p.bare, p.name, p.wire):
            if cand and norm(cand) in by_norm and by_norm[norm(cand)] not in used:
                matched[i] = by_norm[norm(cand)]
                used.add(matched[i])
                break
    leftover = [k for k in args if k not in used and k not in globals_]
    body_params = [i for i, p in enumerate(op.params) if p.location == "body" and i not in matched]
    if not body_params and len(op.params) == 1 and op.params[0].bare == "request" and 0 not in matched:
        body_params = [0]
    pieces = []
    for i, p in enumerate(op.params):
        label = "" if p.label == "_" else p.label + ": "
        if i in matched and p.location == "body":
            keys = [matched[i]] + leftover
            pieces.append(f"{label}r.either({json.dumps(matched[i])}, {json.dumps(keys)})")
            used.update(leftover)
            leftover = []
        elif i in matched:
            pieces.append(f"{label}r.arg({json.dumps(matched[i])})")
        elif i in body_params and len(leftover) == 1:
            pieces.append(f"{label}r.either({json.dumps(leftover[0])}, {json.dumps(leftover)})")
            used.update(leftover)
            leftover = []
        elif i in body_params and (leftover or not p.optional):
            pieces.append(f"{label}r.rest({json.dumps(leftover)})")
            used.update(leftover)
            leftover = []
        elif not p.optional:
            where = f"{p.location} `{p.wire}`" if p.wire else (p.location or "parameter")
            return None, f"the Swift method requires '{p.bare}' ({where}), the SDK call gives no such argument", []
    if op.accessor is None:
        return None, f"no accessor reaches group {op.group}", []
    expr = "c." + "".join(a + "." for a in op.accessor) + op.name + "(" + ", ".join(pieces) + ")"
    unpassed = sorted(k for k in args if k not in used)
    return expr, None, unpassed


# --------------------------------------------------------------------------- scratch package

PACKAGE_SWIFT = """// swift-tools-version: 6.2
import PackageDescription
let package = Package(
    name: "sdk-oracle-replay",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "docgen", path: "{root}"),
        .package(url: "https://github.com/apple/swift-openapi-runtime", from: "1.13.4"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
    ],
    targets: [
        .target(name: "{module}", dependencies: [
            .product(name: "DocgenRuntime", package: "docgen"),
            .product(name: "DocgenClientRuntime", package: "docgen"),
            .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
            .product(name: "HTTPTypes", package: "swift-http-types"),
        ], exclude: [".docgen-manifest"], swiftSettings: [.unsafeFlags(["-suppress-warnings"])]),
        .executableTarget(name: "Replay", dependencies: [
            "{module}",
            .product(name: "DocgenRuntime", package: "docgen"),
            .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
            .product(name: "HTTPTypes", package: "swift-http-types"),
        ], swiftSettings: [.unsafeFlags(["-suppress-warnings"])]),
    ]
)
"""


def write_package(work: str) -> None:
    os.makedirs(os.path.join(work, "Sources", "Replay"), exist_ok=True)
    text = PACKAGE_SWIFT.replace("{root}", ROOT).replace("{module}", MODULE)
    path = os.path.join(work, "Package.swift")
    if not os.path.exists(path) or open(path).read() != text:
        with open(path, "w") as fh:
            fh.write(text)
    resolved = os.path.join(ROOT, "Package.resolved")
    if os.path.exists(resolved) and not os.path.exists(os.path.join(work, "Package.resolved")):
        shutil.copy(resolved, os.path.join(work, "Package.resolved"))
    shutil.copy(os.path.join(HERE, "ReplaySupport.swift"), os.path.join(work, "Sources", "Replay", "ReplaySupport.swift"))


def write_main(work: str, client: Dict[str, Any], calls: List[Dict[str, Any]]) -> Dict[int, int]:
    """Writes main.swift; returns {first line of call_i: i}."""
    init_args = ["serverURL: replayServerURL", "transport: recorder"]
    for label, type_ in client["init"]:
        if label in ("serverURL", "transport", "middlewares"):
            continue
        if type_.startswith("Swift.String?"):
            init_args.append(f"{label}: replayCredential")
    lines = [
        "// Generated by Scripts/sdk-oracle/compare.py. Do not edit.",
        f"import {MODULE}",
        "",
        "let recorder = ReplayRecorder()",
        f"let client = {client['client']}({', '.join(init_args)})",
        "for call in replayLoadCalls() {",
        "    recorder.reset()",
        "    var failure: (any Error)? = nil",
        "    do { try await replayDispatch(call.index, client, ReplayArgs(args: call.args)) } catch { failure = error }",
        "    replayEmit(call, recorder.sent, failure)",
        "}",
        "",
        f"func replayDispatch(_ i: Int, _ c: {client['client']}, _ r: ReplayArgs) async throws {{",
        "    switch i {",
    ]
    for call in calls:
        lines.append(f"    case {call['index']}: try await call_{call['index']}(c, r)")
    lines += ["    default: break", "    }", "}", ""]
    starts = {}
    for call in calls:
        starts[len(lines) + 1] = call["index"]
        lines.append(f"func call_{call['index']}(_ c: {client['client']}, _ r: ReplayArgs) async throws {{")
        lines.append(f"    _ = try await {call['expr']}")
        lines.append("}")
    with open(os.path.join(work, "Sources", "Replay", "main.swift"), "w") as fh:
        fh.write("\n".join(lines) + "\n")
    return starts


def swift_build(work: str, log) -> Tuple[bool, str, float]:
    start = time.perf_counter()
    run = subprocess.run(["nice", "swift", "build", "--product", "Replay"], cwd=work, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    out = run.stdout + "\n" + run.stderr
    log(f"    swift build: {'ok' if run.returncode == 0 else 'FAILED'} in {seconds:.0f} s")
    return run.returncode == 0, out, seconds


def error_lines(output: str, work: str, marker: str) -> List[str]:
    lines = output.splitlines()
    out = []
    for i, line in enumerate(lines):
        if ": error:" in line and marker in line:
            block = [line.replace(work + "/", "")]
            for follow in lines[i + 1:i + 12]:
                if not follow.strip() or ": error:" in follow or ": warning:" in follow or ": note:" in follow or follow.startswith("["):
                    break
                block.append(follow)
            out.append("\n".join(block))
    seen, uniq = set(), []
    for b in out:
        if b not in seen:
            seen.add(b)
            uniq.append(b)
    return uniq


# --------------------------------------------------------------------------- normalising requests

def parse_body(raw: Optional[bytes], ctype: str) -> Any:
    if not raw:
        return None
    mime = ctype.split(";")[0].strip().lower()
    if mime == "application/json" or mime.endswith("+json"):
        try:
            return json.loads(raw)
        except ValueError:
            return {"raw": base64.b64encode(raw).decode()}
    if mime == "application/x-www-form-urlencoded":
        return {"form": [list(p) for p in parse_qsl(raw.decode(), keep_blank_values=True)]}
    if mime.startswith("multipart/"):
        msg = BytesParser(policy=HTTP_POLICY).parsebytes(b"Content-Type: " + ctype.encode() + b"\r\n\r\n" + raw)
        parts = []
        for part in msg.iter_parts():
            payload = part.get_payload(decode=True) or b""
            entry = {"name": part.get_param("name", header="content-disposition"), "filename": part.get_filename(),
                     "contentType": part.get("content-type")}
            try:
                entry["value"] = payload.decode("utf-8")
            except UnicodeDecodeError:
                entry["raw"] = base64.b64encode(payload).decode()
            parts.append(entry)
        return {"multipart": parts}
    return {"raw": base64.b64encode(raw).decode()}


def swift_request(line: Dict[str, Any]) -> Dict[str, Any]:
    headers = dict(line.get("headers") or {})
    raw = base64.b64decode(line["bodyBase64"]) if "bodyBase64" in line else None
    ctype = headers.get("content-type", "")
    body = parse_body(raw, ctype)
    m = re.search(r'boundary="?([^";]+)"?', ctype)
    if m:
        headers["content-type"] = ctype.replace(m.group(1), "BOUNDARY")
    return {"method": line["method"], "path": line["path"], "rawPath": line["rawPath"], "baseURL": line["baseURL"],
            "query": [tuple(q) for q in line.get("query") or []], "headers": headers, "body": body}


def same_json(a: Any, b: Any) -> bool:
    if isinstance(a, bool) or isinstance(b, bool):
        return type(a) is type(b) and a == b
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return a == b
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(same_json(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(same_json(x, y) for x, y in zip(a, b))
    return type(a) is type(b) and a == b


def short(value: Any, n: int = 90) -> str:
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    return text if len(text) <= n else text[:n - 3] + "..."


def body_diffs(sdk: Any, swift: Any, path: str, out: List[Tuple[str, str, Any, Any]]) -> None:
    """(kind, path, sdk, swift) for each structural difference."""
    if same_json(sdk, swift):
        return
    if isinstance(sdk, dict) and isinstance(swift, dict):
        for k in sdk:
            if k not in swift:
                out.append(("missing", f"{path}.{k}", sdk[k], None))
        for k in swift:
            if k not in sdk:
                out.append(("extra", f"{path}.{k}", None, swift[k]))
        for k in sdk:
            if k in swift:
                body_diffs(sdk[k], swift[k], f"{path}.{k}", out)
        return
    if isinstance(sdk, list) and isinstance(swift, list) and len(sdk) == len(swift):
        for i, (x, y) in enumerate(zip(sdk, swift)):
            body_diffs(x, y, f"{path}[{i}]", out)
        return
    out.append(("value", path, sdk, swift))


def jtype(v: Any) -> str:
    if v is None:
        return "null"
    if isinstance(v, bool):
        return "bool"
    if isinstance(v, (int, float)):
        return "number"
    if isinstance(v, str):
        return "string"
    if isinstance(v, list):
        return "array"
    return "object"


def json_keys(value: Any, into: set) -> set:
    if isinstance(value, dict):
        for k, v in value.items():
            into.add(norm(k))
            json_keys(v, into)
    elif isinstance(value, list):
        for v in value:
            json_keys(v, into)
    return into


def given(key: str, args: Dict[str, Any], unpassed: List[str]) -> str:
    """How the SDK call gave the value for `key`: "unpassed" (an argument Swift has no parameter
    for), "passed", "global" or "" (not given: the SDK's own default)."""
    k = norm(key)
    if any(norm(u) == k for u in unpassed):
        return "unpassed"
    if any(norm(a) == k for a in args):
        return "passed"
    if k in json_keys(args, set()):
        return "nested"
    return ""


def compare(sdk: Dict[str, Any], swift: Dict[str, Any], args: Dict[str, Any], unpassed: List[str],
            globals_: Dict[str, Any]) -> List[Tuple[str, str]]:
    """[(cause, detail)] — empty when the requests agree."""
    out: List[Tuple[str, str]] = []
    global_keys = {norm(g) for g in globals_}
    if sdk["method"] != swift["method"]:
        out.append(("method differs", f"SDK {sdk['method']}, Swift {swift['method']}"))
    sdk_host = "/".join(sdk["url"].split("/")[:3])
    sdk_path, swift_path = sdk["path"], swift["path"]
    if sdk_host != SERVER:
        base = sdk_path[: len(sdk_path) - len(swift_path)] if sdk_path.endswith(swift_path) else "?"
        out.append(("SDK sends to the operation's own server", f"SDK {sdk_host}{base}…, Swift {swift['baseURL']}"))
        if sdk_path.endswith(swift_path):
            sdk_path = swift_path
    if sdk_path != swift_path:
        out.append(("path differs", f"SDK {sdk_path}, Swift {swift_path}"))
    elif sdk["rawPath"] != swift["rawPath"] and sdk_host == SERVER:
        out.append(("path percent-encoding differs", f"SDK {sdk['rawPath']}, Swift {swift['rawPath']}"))
    # Query, as multisets.
    sq = collections.Counter(tuple(q) for q in sdk["query"])
    wq = collections.Counter(swift["query"])
    if sq != wq:
        skeys = {k for k, _ in sq}
        wkeys = {k for k, _ in wq}
        svals = lambda k: sorted(v for (kk, v), n in sq.items() for _ in range(n) if kk == k)
        wvals = lambda k: sorted(v for (kk, v), n in wq.items() for _ in range(n) if kk == k)
        only_s, only_w = sorted(skeys - wkeys), sorted(wkeys - skeys)
        for k in list(only_s):
            for k2 in list(only_w):
                if norm(k) == norm(k2) or svals(k) == wvals(k2):
                    out.append(("query key renamed", f"SDK {k}={','.join(svals(k))}, Swift {k2}={','.join(wvals(k2))}"))
                    only_s.remove(k)
                    only_w.remove(k2)
                    break
        for k in only_s:
            how = given(k, args, unpassed)
            what = {"unpassed": "query parameter the Swift method lacks",
                    "passed": "query parameter passed to Swift but not sent",
                    "nested": "query parameter the SDK takes from inside an object argument",
                    "": "query default only the SDK sends"}[how]
            out.append((what, f"{k}={','.join(svals(k))}"))
        for k in only_w:
            out.append(("query parameter only Swift sends", f"{k}={','.join(wvals(k))}"))
        for k in sorted(skeys & wkeys):
            a, b = svals(k), wvals(k)
            if a == b:
                continue
            if sorted(",".join(a).split(",")) == sorted(",".join(b).split(",")):
                out.append(("array explode vs comma", f"SDK {k}={a}, Swift {k}={b}"))
            else:
                out.append(("query value differs", f"{k}: SDK {a}, Swift {b}"))
    # Headers.
    sh = {k: v for k, v in sdk["headers"].items() if k not in IGNORED_HEADERS}
    wh = {k: v for k, v in swift["headers"].items() if k not in IGNORED_HEADERS}
    for k in sorted(set(sh) | set(wh)):
        a, b = sh.get(k), wh.get(k)
        if a == b:
            continue
        if k == "content-type" and a and b and a.replace(" ", "").lower() == b.replace(" ", "").lower():
            continue
        if b is None:
            how = given(k, args, unpassed)
            if how == "unpassed":
                what = f"header {k}: the Swift method has no parameter for it"
            elif how in ("passed", "nested"):
                what = f"header {k} passed to Swift but not sent"
            elif norm(k) in global_keys:
                what = f"header {k}: an SDK global the Swift client lacks"
            else:
                what = f"header {k}: default only the SDK sends"
            out.append((what, f"SDK {k}: {a}"))
        elif a is None:
            out.append((f"header {k} only Swift sends", f"Swift {k}: {b}"))
        else:
            out.append((f"header {k} differs", f"SDK {a!r}, Swift {b!r}"))
    # Body.
    sb, wb = sdk["body"], swift["body"]
    if not same_json(sb, wb):
        if sb is None and wb == {}:
            out.append(("body null vs {}", "SDK sends no body, Swift sends {}"))
        elif sb == {} and wb is None:
            out.append(("body {} vs null", "SDK sends {}, Swift sends no body"))
        elif sb is None:
            out.append(("body only Swift sends", short(wb)))
        elif wb is None:
            out.append(("body missing in Swift", short(sb)))
        elif not isinstance(sb, type(wb)) and not isinstance(wb, type(sb)):
            out.append(("body shape differs", f"SDK {jtype(sb)}, Swift {jtype(wb)}"))
        else:
            diffs: List[Tuple[str, str, Any, Any]] = []
            body_diffs(sb, wb, "$", diffs)
            missing = [d for d in diffs if d[0] == "missing"]
            extra = [d for d in diffs if d[0] == "extra"]
            for m in list(missing):
                for e in list(extra):
                    if m[1].rsplit(".", 1)[0] == e[1].rsplit(".", 1)[0] and same_json(m[2], e[3]):
                        out.append(("body key renamed", f"SDK {m[1]}, Swift {e[1]}"))
                        missing.remove(m)
                        extra.remove(e)
                        break
            known = json_keys(args, {norm(a) for a in args})
            defaults = [d for d in missing if norm(d[1].rsplit(".", 1)[-1]) not in known]
            missing = [d for d in missing if d not in defaults]
            if defaults:
                out.append(("body field only the SDK sends (its default)", "; ".join(f"{d[1]}={short(d[2], 50)}" for d in defaults[:4]) +
                            (f" (+{len(defaults) - 4})" if len(defaults) > 4 else "")))
            if missing:
                out.append(("body field missing in Swift", "; ".join(f"{d[1]}={short(d[2], 50)}" for d in missing[:4]) +
                            (f" (+{len(missing) - 4})" if len(missing) > 4 else "")))
            if extra:
                out.append(("body field only Swift sends", "; ".join(f"{d[1]}={short(d[3], 50)}" for d in extra[:4]) +
                            (f" (+{len(extra) - 4})" if len(extra) > 4 else "")))
            values = [d for d in diffs if d[0] == "value"]
            typed = [d for d in values if jtype(d[2]) != jtype(d[3])]
            for kind, group in (("body value type differs", typed), ("body value differs", [d for d in values if d not in typed])):
                if group:
                    out.append((kind, "; ".join(f"{d[1]}: SDK {short(d[2], 40)}, Swift {short(d[3], 40)}" for d in group[:3]) +
                                (f" (+{len(group) - 3})" if len(group) > 3 else "")))
    return out


# --------------------------------------------------------------------------- one reading

class Result:
    def __init__(self, vendor: str, reading: str):
        self.vendor, self.reading = vendor, reading
        self.client_ops = 0
        self.sdk_ops = 0
        self.both_ops = 0
        self.sdk_only_ops: List[str] = []
        self.left_out_ops: Dict[str, str] = {}
        self.client_only_ops: List[str] = []
        self.calls = 0            # recorded calls of operations in both
        self.skipped: Dict[str, List[str]] = collections.defaultdict(list)
        self.compared = 0
        self.identical = 0
        self.causes: Dict[str, List[str]] = collections.defaultdict(list)
        self.compile_errors: List[str] = []
        self.note = ""
        self.seconds = 0.0

    @property
    def share(self) -> Optional[float]:
        return 100.0 * self.identical / self.calls if self.calls else None


def run_reading(vendor: str, reading: str, ns, work: str, log) -> Result:
    t0 = time.perf_counter()
    res = Result(vendor, reading)
    tree = os.path.join(ns.corpora, VENDORS[vendor])
    records = [json.loads(l) for l in open(os.path.join(ns.records, f"{vendor}.jsonl"), encoding="utf-8")]
    for i, r in enumerate(records):
        r["_index"] = i
    src = os.path.join(work, "Sources", MODULE)
    shutil.rmtree(src, ignore_errors=True)
    config: Dict[str, Any] = {"specs": os.path.join(tree, "docs"), "output": src, "client": VENDOR_CLIENT_CONFIG.get(vendor, True)}
    if reading == "openapi":
        config["openapi"] = os.path.join(tree, ".speakeasy", "out.openapi.yaml")
    config_path = os.path.join(work, "docgen.json")
    with open(config_path, "w") as fh:
        json.dump(config, fh)
    cmd = [ns.docgen, "generate", "--config", config_path]
    gen = subprocess.run(cmd, capture_output=True, text=True)
    if gen.returncode != 0:
        raise RuntimeError(f"docgen generate failed for {vendor}/{reading}:\n{gen.stderr[-3000:]}")
    summary = [l.split(": note: ", 1)[1] for l in gen.stderr.splitlines() if "[client.summary]" in l]
    left_out: Dict[str, str] = {}
    for l in gen.stderr.splitlines():
        m = re.search(r"operation '([^']+)' is left out of the client: (.*) \[client\.operation-left-out\]", l)
        if m:
            left_out.setdefault(m.group(1).lower(), m.group(2))
    patched = patch_duplicate_accessors(src) if ns.patch_duplicate_accessors else []
    if patched:
        res.note = "patched (--patch-duplicate-accessors): " + ", ".join(patched)
        log(f"    {res.note}")
    client = parse_client(src)
    ops_by_id: Dict[str, SwiftOp] = {}
    for op in client["ops"]:
        ops_by_id.setdefault(op.op_id, op)
    ops_ci = {k.lower(): v for k, v in ops_by_id.items()}
    res.client_ops = len(ops_by_id)
    log(f"  {vendor}/{reading}: {summary[0] if summary else 'no client summary'}")
    sdk_ops = collections.OrderedDict()
    for r in records:
        sdk_ops.setdefault(r["operationId"], []).append(r)
    res.sdk_ops = len(sdk_ops)
    both = []
    for op_id, recs in sdk_ops.items():
        op = ops_by_id.get(op_id) or ops_ci.get(op_id.lower())
        if op is None:
            reason = left_out.get(op_id.lower())
            if reason:
                res.left_out_ops[op_id] = reason
                res.causes["operation left out by the client: " + re.sub(r" \(.*", "", reason)].append(
                    f"{op_id} ({len(recs)} calls)")
            else:
                res.sdk_only_ops.append(op_id)
                res.causes["SDK-only operation (not in the generated client)"].append(f"{op_id} ({len(recs)} calls)")
            continue
        both.append((op, recs))
    matched_ids = {op.op_id for op, _ in both}
    res.client_only_ops = sorted(k for k in ops_by_id if k not in matched_ids)
    res.both_ops = len(both)
    calls = []
    for op, recs in both:
        for r in recs:
            res.calls += 1
            expr, reason, unpassed = plan_call(op, r)
            label = f"{r['operationId']} [{r['case']}]"
            if reason:
                res.skipped[reason].append(label)
                continue
            calls.append({"index": r["_index"], "operationId": r["operationId"], "case": r["case"], "args": r["args"],
                          "expr": expr, "unpassed": unpassed, "op": op, "record": r})
    details: List[str] = []
    if not client["ops"]:
        res.note = "the generated client has no operations" + (f" ({summary[0]})" if summary else "")
    elif calls:
        write_package(work)
        dropped: Dict[int, str] = {}
        for attempt in range(4):
            live = [c for c in calls if c["index"] not in dropped]
            starts = write_main(work, client, live)
            with open(os.path.join(work, "calls.json"), "w") as fh:
                json.dump([{k: c[k] for k in ("index", "operationId", "case", "args")} for c in live], fh)
            ok, output, _ = swift_build(work, log)
            if ok:
                break
            gen_errors = error_lines(output, work, f"/Sources/{MODULE}/")
            if gen_errors:
                res.compile_errors = gen_errors
                res.note = "the generated client does not compile"
                break
            replay_errors = error_lines(output, work, "/Sources/Replay/main.swift")
            if not replay_errors:
                raise RuntimeError(f"swift build failed for {vendor}/{reading} without a located error:\n{output[-4000:]}")
            lines_sorted = sorted(starts)
            newly = 0
            for err in replay_errors:
                m = re.search(r"main\.swift:(\d+):", err)
                if not m:
                    continue
                n = int(m.group(1))
                owner = max((s for s in lines_sorted if s <= n), default=None)
                if owner is not None and n <= owner + 2 and starts[owner] not in dropped:
                    dropped[starts[owner]] = err.splitlines()[0].split(": error: ", 1)[-1]
                    newly += 1
            if not newly:
                raise RuntimeError(f"Replay does not build for {vendor}/{reading}:\n" + "\n".join(replay_errors[:10]))
            log(f"    dropping {newly} call(s) whose Swift call does not type-check; rebuilding")
        else:
            raise RuntimeError(f"Replay does not build for {vendor}/{reading} after 4 attempts")
        for c in calls:
            if c["index"] in dropped:
                res.skipped["the Swift call does not type-check: " + re.sub(r"'[^']*'", "'…'", dropped[c["index"]])].append(
                    f"{c['operationId']} [{c['case']}]: {c['expr'][:160]} — {dropped[c['index']]}")
        if not res.compile_errors:
            exe = os.path.join(work, ".build", "debug", "Replay")
            run = subprocess.run([exe, os.path.join(work, "calls.json")], capture_output=True, text=True, timeout=ns.timeout)
            if run.returncode != 0:
                raise RuntimeError(f"Replay exited {run.returncode} for {vendor}/{reading}:\n{run.stderr[-3000:]}")
            lines = {}
            for l in run.stdout.splitlines():
                if l.strip():
                    d = json.loads(l)
                    lines[d["index"]] = d
            for c in calls:
                if c["index"] in dropped:
                    continue
                d = lines.get(c["index"])
                label = f"{c['operationId']} [{c['case']}]"
                if d is None:
                    res.skipped["Replay printed no line"].append(label)
                    continue
                if not d.get("requests"):
                    err = d.get("error", "")
                    if d.get("argumentError") and err.startswith("argument '{}'"):
                        sent = "no body" if rec_body_none(c["record"]) else "a body"
                        res.skipped[f"the Swift method requires a body model the SDK call leaves out (the SDK sends {sent})"].append(f"{label}: {err[:300]}")
                    elif d.get("argumentError"):
                        res.skipped["an argument does not decode into the Swift type"].append(f"{label}: {err[:300]}")
                    elif "Unserialisable request" in err or "cannot serialise" in err:
                        res.causes["Swift client refuses to serialise the request"].append(f"{label}: {err[:300]}")
                        res.compared += 1
                        details.append(f"{label}\n  call: {c['expr'][:300]}\n  Swift client refuses to serialise the request: {err[:500]}")
                    else:
                        res.skipped["the Swift call sent no request"].append(f"{label}: {err[:300]}")
                    continue
                res.compared += 1
                rec = c["record"]
                diffs = compare(rec["request"], swift_request(d), rec["args"], c["unpassed"], rec.get("globals") or {})
                if not diffs:
                    res.identical += 1
                    continue
                for cause, detail in diffs:
                    res.causes[cause].append(f"{label}: {detail}")
                details.append(f"{label}\n  call: {c['expr'][:300]}" +
                               (f"\n  record arguments not passed: {', '.join(c['unpassed'])}" if c["unpassed"] else "") +
                               "".join(f"\n  {cause}: {detail}" for cause, detail in diffs))
    res.seconds = time.perf_counter() - t0
    write_report(res, details, ns.out, summary)
    return res


def rec_body_none(record: Dict[str, Any]) -> bool:
    return record["request"].get("body") is None


def write_report(res: Result, details: List[str], out_dir: str, summary: List[str]) -> None:
    path = os.path.join(out_dir, f"compare-{res.vendor}-{res.reading}.txt")
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(f"# {res.vendor} ({VENDORS[res.vendor]}), reading: {res.reading}\n")
        if summary:
            fh.write(f"docgen: {summary[0]}\n")
        if res.note:
            fh.write(f"note: {res.note}\n")
        share = f"{res.share:.1f}%" if res.share is not None else "n/a"
        fh.write(f"client operations {res.client_ops}, SDK operations {res.sdk_ops}, in both {res.both_ops}; "
                 f"calls {res.calls}, skipped {sum(map(len, res.skipped.values()))}, compared {res.compared}, "
                 f"identical {res.identical} ({share})\n")
        if res.compile_errors:
            fh.write("\n## compile errors (first 30)\n")
            for e in res.compile_errors[:30]:
                fh.write(e + "\n")
        fh.write("\n## causes (calls affected)\n")
        for cause, items in sorted(res.causes.items(), key=lambda kv: (-len(kv[1]), kv[0])):
            fh.write(f"{len(items):5d}  {cause}\n")
            for item in items:
                fh.write(f"         {item}\n")
        fh.write("\n## skipped calls, by reason\n")
        for reason, items in sorted(res.skipped.items(), key=lambda kv: (-len(kv[1]), kv[0])):
            fh.write(f"{len(items):5d}  {reason}\n")
            for item in items:
                fh.write(f"         {item}\n")
        fh.write(f"\n## operations only in the client (no SDK record): {len(res.client_only_ops)}\n")
        for op in res.client_only_ops:
            fh.write(f"         {op}\n")
        fh.write(f"\n## mismatching calls: {len(details)}\n")
        for d in details:
            fh.write(d + "\n")


# --------------------------------------------------------------------------- main

def main(argv: Optional[List[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("vendors", nargs="*", default=[], metavar="VENDOR",
                    help=f"any of {', '.join(sorted(VENDORS))} (default: all)")
    ap.add_argument("--reading", choices=["docs", "openapi", "both"], default="both")
    ap.add_argument("--records", default="/tmp/sdk-oracle", help="folder of VENDOR.jsonl (record.py's output)")
    ap.add_argument("--out", default="/tmp/sdk-oracle", help="folder for compare-VENDOR-READING.txt")
    ap.add_argument("--corpora", default=CORPORA)
    ap.add_argument("--docgen", default=os.path.join(ROOT, ".build", "debug", "docgen"))
    ap.add_argument("--work", help="scratch package folder (kept, and reused by the next run); default a temp dir, removed")
    ap.add_argument("--examples", type=int, default=2, help="examples per cause in the summary (default 2)")
    ap.add_argument("--timeout", type=int, default=600, help="seconds one Replay run may take")
    ap.add_argument("--patch-duplicate-accessors", action="store_true",
                    help="work around a client with two group accessors of one name by renaming the later ones x_ (reported)")
    ap.add_argument("--min", type=float, metavar="PERCENT",
                    help="fail (exit 1) when a reading's identical calls are below PERCENT of its calls of operations in both")
    ns = ap.parse_args(argv)
    vendors = ns.vendors or sorted(VENDORS)
    unknown = [v for v in vendors if v not in VENDORS]
    if unknown:
        ap.error(f"unknown vendor(s) {', '.join(unknown)}; known: {', '.join(sorted(VENDORS))}")
    readings = READINGS if ns.reading == "both" else (ns.reading,)
    if not os.path.exists(ns.docgen):
        print(f"error: {ns.docgen} is missing (swift build --product docgen)", file=sys.stderr)
        return 2
    os.makedirs(ns.out, exist_ok=True)
    work = ns.work or tempfile.mkdtemp(prefix="sdk-oracle-replay-")
    os.makedirs(work, exist_ok=True)
    log = lambda msg: print(msg, file=sys.stderr, flush=True)
    start = time.perf_counter()
    results: List[Result] = []
    failed = False
    try:
        for vendor in vendors:
            for reading in readings:
                try:
                    results.append(run_reading(vendor, reading, ns, work, log))
                except Exception as exc:  # an internal failure: report, go on, exit 2
                    failed = True
                    log(f"error: {vendor}/{reading}: {exc}")
    finally:
        if not ns.work:
            shutil.rmtree(work, ignore_errors=True)
    print_summary(results, ns.examples)
    print(f"\ntotal {time.perf_counter() - start:.0f} s; details in {ns.out}/compare-VENDOR-READING.txt")
    if failed:
        return 2
    if ns.min is not None:
        low = [r for r in results if r.share is not None and r.share < ns.min]
        for r in low:
            print(f"below --min {ns.min:g}%: {r.vendor}/{r.reading} {r.share:.1f}%", file=sys.stderr)
        if low:
            return 1
    return 0


def print_summary(results: List[Result], examples: int) -> None:
    head = ["vendor", "reading", "client ops", "SDK ops", "in both", "SDK-only", "left out", "calls", "skipped",
            "compared", "identical", "identical %", "build"]
    rows = []
    for r in results:
        rows.append([r.vendor, r.reading, str(r.client_ops), str(r.sdk_ops), str(r.both_ops), str(len(r.sdk_only_ops)),
                     str(len(r.left_out_ops)), str(r.calls), str(sum(map(len, r.skipped.values()))), str(r.compared),
                     str(r.identical), f"{r.share:.1f}" if r.share is not None else "n/a",
                     "FAILS" if r.compile_errors else ("-" if not r.client_ops else f"{r.seconds:.0f} s")])
    widths = [max(len(h), *(len(row[i]) for row in rows)) if rows else len(h) for i, h in enumerate(head)]
    print(" | ".join(h.ljust(w) for h, w in zip(head, widths)))
    print("-|-".join("-" * w for w in widths))
    for row in rows:
        print(" | ".join(c.ljust(w) for c, w in zip(row, widths)))
    for r in results:
        print(f"\n## {r.vendor} / {r.reading}" + (f" — {r.note}" if r.note else ""))
        if r.compile_errors:
            print("  compile errors (first 5):")
            for e in r.compile_errors[:5]:
                print("    " + e.replace("\n", "\n    "))
        for cause, items in sorted(r.causes.items(), key=lambda kv: (-len(kv[1]), kv[0])):
            print(f"  {len(items):4d}  {cause}")
            for item in items[:examples]:
                print(f"          e.g. {item[:220]}")
        for reason, items in sorted(r.skipped.items(), key=lambda kv: (-len(kv[1]), kv[0])):
            print(f"  {len(items):4d}  skipped: {reason}")
            for item in items[:examples]:
                print(f"          e.g. {item[:220]}")


if __name__ == "__main__":
    sys.exit(main())
