#!/usr/bin/env python3
"""Record, offline, the exact HTTP request a vendor's Speakeasy Python SDK sends
for every operation. See README.md in this folder for the output contract.

    /work/sdk-venv/bin/python Scripts/sdk-oracle/record.py clerk --out /tmp/sdk-oracle/clerk.jsonl
"""

from __future__ import annotations

import argparse
import base64
import collections.abc
import datetime as dt
import decimal
import enum
import importlib
import importlib.metadata
import inspect
import io
import json
import re
import sys
import types
import typing
import warnings
from email.parser import BytesParser
from email.policy import HTTP as HTTP_POLICY
from typing import Any, Dict, List, Optional, Tuple
from urllib.parse import parse_qsl, unquote

import httpx
import pydantic
import pydantic_core

try:  # typing_extensions ships with pydantic
    import typing_extensions as te
except ImportError:  # pragma: no cover
    te = None

warnings.simplefilter("ignore")

FAKE_KEY = "test-key"
SERVER_URL = "https://api.example.test"

VENDORS = {
    "clerk": {"module": "clerk_backend_api", "dist": "clerk-backend-api"},
    "dub": {"module": "dub", "dist": "dub"},
    "egain": {"module": "egain_api_python", "dist": "egain-api-python"},
    "openrouter": {"module": "openrouter", "dist": "openrouter"},
}

# SDK constructor parameters that are plumbing, not security or global parameters.
CTOR_PLUMBING = {
    "self", "server_idx", "server", "url_params", "server_url", "client",
    "async_client", "retry_config", "timeout_ms", "debug_logger",
}
# Per-call parameters every Speakeasy method has; never set (they don't change the request
# except http_headers/server_url, which we leave alone to see the SDK's own choices).
METHOD_PLUMBING = {"self", "retries", "server_url", "timeout_ms", "http_headers"}

FIXED_DATETIME = dt.datetime(2024, 1, 2, 3, 4, 5, tzinfo=dt.timezone.utc)
FIXED_DATE = dt.date(2024, 1, 2)


class CannotBuild(Exception):
    pass


# --------------------------------------------------------------------------- value builder

_TYPE_ALIAS_TYPES: Tuple[type, ...] = tuple(
    t for t in (getattr(typing, "TypeAliasType", None), getattr(te, "TypeAliasType", None)) if t
)
_UNION_ORIGINS = tuple(o for o in (typing.Union, getattr(types, "UnionType", None)) if o)
_LIST_ORIGINS = (
    list, set, frozenset, collections.abc.Iterable, collections.abc.Sequence,
    collections.abc.MutableSequence, collections.abc.Set, collections.abc.Collection,
)
_DICT_ORIGINS = (dict, collections.abc.Mapping, collections.abc.MutableMapping)


def _is_typeddict(tp: Any) -> bool:
    return isinstance(tp, type) and (
        typing.is_typeddict(tp) or (te is not None and te.is_typeddict(tp))
    )


class Builder:
    """Builds deterministic argument values from type annotations.

    mode "required": models get only their required fields; "all": every field that can be
    built (optional fields that cannot be built are omitted and listed in self.omitted).
    """

    def __init__(self, mode: str, unset_cls: Optional[type], list_items: int = 1):
        self.mode = mode
        self.list_items = list_items
        self.unset_cls = unset_cls
        self.omitted: List[str] = []

    def build(self, tp: Any, name: str, path: str, stack: Tuple[type, ...] = ()) -> Any:
        # Unwrap string forward references should never reach us (get_type_hints resolved them).
        if isinstance(tp, typing.ForwardRef) or isinstance(tp, str):
            raise CannotBuild(f"unresolved forward reference {tp!r}")
        if _TYPE_ALIAS_TYPES and isinstance(tp, _TYPE_ALIAS_TYPES):
            return self.build(tp.__value__, name, path, stack)
        origin = typing.get_origin(tp)
        args = typing.get_args(tp)
        if origin is not None and _TYPE_ALIAS_TYPES and isinstance(origin, _TYPE_ALIAS_TYPES):
            value = origin.__value__
            params = getattr(origin, "__type_params__", ()) or ()
            if params:
                value = value[args if len(args) > 1 else args[0]]
            return self.build(value, name, path, stack)
        if origin is typing.Annotated or (te is not None and origin is te.Annotated):
            return self.build(args[0], name, path, stack)
        if tp is Any or tp is object:
            return f"string-{name}"
        if origin in _UNION_ORIGINS:
            members = [
                a for a in args
                if a is not type(None) and not (self.unset_cls and a is self.unset_cls)
            ]
            errors = []
            for member in members:
                try:
                    return self.build(member, name, path, stack)
                except CannotBuild as exc:
                    errors.append(str(exc))
            raise CannotBuild(f"{path}: no buildable union member ({'; '.join(errors)[:300]})")
        if origin is typing.Literal or (te is not None and origin is te.Literal):
            return args[0]
        if origin in _LIST_ORIGINS:
            item = args[0] if args else Any
            return [self.build(item, name, path + f"[{i}]", stack) for i in range(self.list_items)]
        if origin is tuple:
            return tuple(self.build(a, name, path, stack) for a in args if a is not Ellipsis)
        if origin in _DICT_ORIGINS:
            item = args[1] if len(args) > 1 else Any
            return {"key": self.build(item, name, path + ".key", stack)}
        if origin is type or origin is collections.abc.Callable:
            raise CannotBuild(f"{path}: callable/type parameter")
        if origin is not None:
            # e.g. IO[bytes]
            if isinstance(origin, type) and issubclass(origin, (io.IOBase, typing.IO)):
                raise CannotBuild(f"{path}: stream (IO) value")
            return self.build(origin, name, path, stack)
        if not isinstance(tp, type):
            if isinstance(tp, typing.TypeVar):
                return f"string-{name}"
            raise CannotBuild(f"{path}: unsupported annotation {tp!r}")
        return self._build_class(tp, name, path, stack)

    def _build_class(self, tp: type, name: str, path: str, stack: Tuple[type, ...]) -> Any:
        if issubclass(tp, bool):
            return True
        if issubclass(tp, enum.Enum):
            members = list(tp)
            if not members:
                raise CannotBuild(f"{path}: empty enum {tp.__name__}")
            return members[0]
        if issubclass(tp, str):
            return f"string-{name}"
        if issubclass(tp, int):
            return 7
        if issubclass(tp, float):
            return 1.5
        if issubclass(tp, decimal.Decimal):
            return decimal.Decimal("1.5")
        if issubclass(tp, dt.datetime):
            return FIXED_DATETIME
        if issubclass(tp, dt.date):
            return FIXED_DATE
        if issubclass(tp, (bytes, bytearray)):
            return f"bytes-{name}".encode()
        if issubclass(tp, (io.IOBase, typing.IO)):
            raise CannotBuild(f"{path}: stream (IO) value")
        if self.unset_cls is not None and issubclass(tp, self.unset_cls):
            raise CannotBuild(f"{path}: Unset")
        if issubclass(tp, pydantic.BaseModel):
            return self._build_model(tp, path, stack)
        if _is_typeddict(tp):
            return self._build_typeddict(tp, path, stack)
        if tp is dict:
            return {"key": f"string-{name}"}
        if tp is list:
            return [f"string-{name}"]
        raise CannotBuild(f"{path}: unsupported type {tp.__module__}.{tp.__qualname__}")

    def _build_model(self, cls: type, path: str, stack: Tuple[type, ...]) -> Any:
        if cls in stack:
            raise CannotBuild(f"{path}: recursive model {cls.__name__}")
        stack = stack + (cls,)
        kwargs: Dict[str, Any] = {}
        for fname, field in cls.model_fields.items():
            required = field.is_required()
            if not required and self.mode != "all":
                continue
            fpath = f"{path}.{fname}"
            try:
                kwargs[fname] = self.build(field.annotation, fname, fpath, stack)
            except CannotBuild as exc:
                if required:
                    raise
                self.omitted.append(str(exc))
        try:
            return cls(**kwargs)
        except Exception as exc:  # pydantic.ValidationError and friends
            raise CannotBuild(f"{path}: {cls.__name__} rejected built fields: {exc}"[:400])

    def _build_typeddict(self, cls: type, path: str, stack: Tuple[type, ...]) -> Any:
        if cls in stack:
            raise CannotBuild(f"{path}: recursive TypedDict {cls.__name__}")
        stack = stack + (cls,)
        hints = typing.get_type_hints(cls, include_extras=True)
        required = getattr(cls, "__required_keys__", set(hints))
        out = {}
        for key, hint in hints.items():
            if key not in required and self.mode != "all":
                continue
            try:
                out[key] = self.build(hint, key, f"{path}.{key}", stack)
            except CannotBuild as exc:
                if key in required:
                    raise
                self.omitted.append(str(exc))
        return out


# --------------------------------------------------------------------------- wire JSON of args

def wire(value: Any) -> Any:
    """The value as JSON, as the SDK would put it on the wire (aliases, unset fields dropped)."""
    return pydantic_core.to_jsonable_python(value, by_alias=True, bytes_mode="utf8")


# --------------------------------------------------------------------------- request snapshot

def _headers(request: httpx.Request) -> Dict[str, str]:
    out: Dict[str, List[str]] = {}
    for key, val in request.headers.multi_items():
        out.setdefault(key.lower(), []).append(val)
    return {k: ", ".join(v) for k, v in out.items()}


def _multipart(content: bytes, content_type: str) -> List[Dict[str, Any]]:
    msg = BytesParser(policy=HTTP_POLICY).parsebytes(
        b"Content-Type: " + content_type.encode() + b"\r\n\r\n" + content
    )
    parts = []
    for part in msg.iter_parts():
        payload = part.get_payload(decode=True) or b""
        entry: Dict[str, Any] = {
            "name": part.get_param("name", header="content-disposition"),
            "filename": part.get_filename(),
            "contentType": part.get("content-type"),
        }
        try:
            entry["value"] = payload.decode("utf-8")
        except UnicodeDecodeError:
            entry["raw"] = base64.b64encode(payload).decode()
        parts.append(entry)
    return parts


def snapshot(request: httpx.Request) -> Dict[str, Any]:
    content = request.read()
    headers = _headers(request)
    ctype = headers.get("content-type", "")
    body: Any = None
    if content:
        mime = ctype.split(";")[0].strip().lower()
        if mime == "application/json" or mime.endswith("+json"):
            try:
                body = json.loads(content)
            except ValueError:
                body = {"raw": base64.b64encode(content).decode()}
        elif mime == "application/x-www-form-urlencoded":
            body = {"form": [list(p) for p in parse_qsl(content.decode(), keep_blank_values=True)]}
        elif mime.startswith("multipart/"):
            body = {"multipart": _multipart(content, ctype)}
            # httpx picks a random boundary; normalise it so runs repeat byte for byte.
            m = re.search(r'boundary="?([^";]+)"?', ctype)
            if m:
                headers["content-type"] = ctype.replace(m.group(1), "BOUNDARY")
                # content-length is unchanged: the random boundary has a fixed length.
        else:
            body = {"raw": base64.b64encode(content).decode()}
    url = request.url
    return {
        "method": request.method,
        "url": str(url),
        "path": unquote(url.raw_path.split(b"?")[0].decode("ascii")),
        "rawPath": url.raw_path.split(b"?")[0].decode("ascii"),
        "rawQuery": url.query.decode("ascii"),
        "query": [[k, v] for k, v in url.params.multi_items()],
        "headers": headers,
        "body": body,
    }


# --------------------------------------------------------------------------- SDK discovery

OP_ID_RE = re.compile(r'operation_id="([^"]+)"')
METHOD_RE = re.compile(r'method="([A-Z]+)"')
PATH_RE = re.compile(r'path="([^"]+)"')


class Vendor:
    def __init__(self, key: str, list_items: int = 1):
        info = VENDORS[key]
        self.list_items = list_items
        self.key = key
        self.dist = info["dist"]
        self.module = info["module"]
        self.version = importlib.metadata.version(self.dist)
        self.pkg = importlib.import_module(self.module)
        sdk_mod = importlib.import_module(self.module + ".sdk")
        self.base_sdk = importlib.import_module(self.module + ".basesdk").BaseSDK
        self.sdk_cls = next(
            obj for obj in vars(sdk_mod).values()
            if isinstance(obj, type) and issubclass(obj, self.base_sdk) and obj is not self.base_sdk
            and obj.__module__ == sdk_mod.__name__
        )
        try:
            self.unset_cls = type(importlib.import_module(self.module + ".types").UNSET)
        except Exception:
            self.unset_cls = None
        # Constructor: security parameter(s) vs global parameters.
        sig = inspect.signature(self.sdk_cls.__init__)
        doc = inspect.getdoc(self.sdk_cls.__init__) or ""
        hints = typing.get_type_hints(self.sdk_cls.__init__, include_extras=True)
        self.security_params: List[str] = []
        self.global_params: Dict[str, Any] = {}
        for name in sig.parameters:
            if name in CTOR_PLUMBING:
                continue
            if re.search(rf":param {name}: .*required for authentication", doc) or name == "security":
                self.security_params.append(name)
            else:
                self.global_params[name] = hints.get(name, str)

    def make_sdk(self, case: str, handler) -> Tuple[Any, Dict[str, Any], Dict[str, Any]]:
        kwargs: Dict[str, Any] = {
            "server_url": SERVER_URL,
            "client": httpx.Client(transport=httpx.MockTransport(handler)),
            "async_client": httpx.AsyncClient(transport=httpx.MockTransport(handler)),
        }
        security = {}
        for name in self.security_params:
            if name == "security":
                raise SystemExit("multi-scheme security object not supported yet")
            security[name] = FAKE_KEY
        kwargs.update(security)
        globals_set: Dict[str, Any] = {}
        if case == "all":
            b = Builder("all", self.unset_cls, self.list_items)
            for name, hint in self.global_params.items():
                try:
                    globals_set[name] = b.build(hint, name, name)
                except CannotBuild:
                    pass
        kwargs.update(globals_set)
        return self.sdk_cls(**kwargs), security, {k: wire(v) for k, v in globals_set.items()}

    def walk(self, root) -> List[Tuple[List[str], Any]]:
        """All (accessor path, sub-SDK) pairs below root, depth first, sorted by name."""
        out: List[Tuple[List[str], Any]] = []

        def names_of(obj) -> List[str]:
            names = set(getattr(type(obj), "_sub_sdk_map", {}) or {})
            for klass in type(obj).__mro__:
                if klass is self.base_sdk or klass is object:
                    continue
                names.update(getattr(klass, "__annotations__", {}).keys())
            names.update(k for k in vars(obj).keys())
            return sorted(n for n in names if not n.startswith("_") and n not in ("parent_ref", "sdk_configuration"))

        def visit(obj, path: List[str], seen: set):
            for name in names_of(obj):
                try:
                    child = getattr(obj, name)
                except Exception:
                    continue
                if not isinstance(child, self.base_sdk) or id(child) in seen:
                    continue
                cpath = path + [name]
                out.append((cpath, child))
                visit(child, cpath, seen | {id(child)})

        visit(root, [], {id(root)})
        return out

    def operations(self, group) -> List[Dict[str, Any]]:
        ops = []
        cls = type(group)
        for name in sorted(dir(cls)):
            if name.startswith("_") or name.endswith("_async"):
                continue
            func = getattr(cls, name, None)
            if not inspect.isfunction(func) or hasattr(self.base_sdk, name):
                continue
            try:
                src = inspect.getsource(func)
            except (OSError, TypeError):
                continue
            m = OP_ID_RE.search(src)
            if not m:
                continue
            mm, pm = METHOD_RE.search(src), PATH_RE.search(src)
            ops.append({
                "name": name,
                "operationId": m.group(1),
                "declaredMethod": mm.group(1) if mm else None,
                "declaredPath": pm.group(1) if pm else None,
                "streams": "stream=True" in src or "EventStream" in src,
            })
        return ops


# --------------------------------------------------------------------------- driving calls

def drive(vendor: Vendor, sdk, captured: list, group_path: List[str], op: Dict[str, Any], case: str):
    """Returns (record or None, skip reason or None)."""
    group = sdk
    for part in group_path:
        group = getattr(group, part)
    method = getattr(group, op["name"])
    func = getattr(type(group), op["name"])
    sig = inspect.signature(func)
    try:
        hints = typing.get_type_hints(func, include_extras=True)
    except Exception as exc:
        return None, f"type hints unresolvable: {type(exc).__name__}"
    builder = Builder(case, vendor.unset_cls, vendor.list_items)
    kwargs: Dict[str, Any] = {}
    params = [p for p in sig.parameters.values() if p.name not in METHOD_PLUMBING]
    for p in params:
        required = p.default is inspect.Parameter.empty
        if case == "required" and not required:
            continue
        hint = hints.get(p.name, Any)
        try:
            kwargs[p.name] = builder.build(hint, p.name, p.name)
        except CannotBuild as exc:
            if required:
                return None, f"cannot build required argument: {exc}"
            builder.omitted.append(str(exc))

    wrapped = len(params) == 1 and params[0].name == "request"
    request_model = None
    if wrapped:
        value = kwargs.get("request")
        if isinstance(value, pydantic.BaseModel):
            request_model = type(value).__name__
            args = {f: wire(getattr(value, f)) for f in type(value).model_fields if f in value.model_fields_set}
        elif value is None:
            args = {}
        else:
            wrapped = False
            args = {"request": wire(value)}
    else:
        args = {k: wire(v) for k, v in kwargs.items()}

    captured.clear()
    error = None
    try:
        result = method(**kwargs)
        # Never iterate a returned stream or page iterator (that could send more requests).
        close = getattr(result, "close", None)
        if callable(close) and not isinstance(result, pydantic.BaseModel):
            try:
                close()
            except Exception:
                pass
    except BaseException as exc:  # the SDK failing to parse `{}` is expected
        if isinstance(exc, KeyboardInterrupt):
            raise
        error = f"{type(exc).__name__}"
    if not captured:
        return None, f"no request sent ({error or 'returned without a request'})"
    record = {
        "vendor": vendor.key,
        "sdkVersion": f"{vendor.dist}=={vendor.version}",
        "operationId": op["operationId"],
        "group": group_path,
        "sdkMethod": op["name"],
        "declaredMethod": op["declaredMethod"],
        "declaredPath": op["declaredPath"],
        "case": case,
        "args": args,
        "wrapped": wrapped,
        "request": captured[0],
    }
    if request_model:
        record["requestModel"] = request_model
    if len(captured) > 1:
        record["extraRequests"] = captured[1:]
    if builder.omitted:
        record["omitted"] = sorted(set(builder.omitted))
    if op["streams"]:
        record["streams"] = True
    return record, None


def main(argv: Optional[List[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("vendor", choices=sorted(VENDORS))
    ap.add_argument("--out", help="JSON Lines output file (default: stdout)")
    ap.add_argument("--list-items", type=int, default=1,
                    help="elements per built list (default 1; 2 shows array explode vs comma)")
    ns = ap.parse_args(argv)

    vendor = Vendor(ns.vendor, ns.list_items)
    captured: List[Dict[str, Any]] = []

    def handler(request: httpx.Request) -> httpx.Response:
        captured.append(snapshot(request))
        return httpx.Response(200, headers={"content-type": "application/json"}, content=b"{}")

    sdks = {}
    for case in ("required", "all"):
        sdk, security, globals_set = vendor.make_sdk(case, handler)
        sdks[case] = (sdk, security, globals_set)

    groups = vendor.walk(sdks["required"][0])
    records: List[Dict[str, Any]] = []
    skips: Dict[str, List[str]] = collections.defaultdict(list)
    op_count = 0
    recorded_ops = 0
    for group_path, group in groups:
        for op in vendor.operations(group):
            op_count += 1
            any_ok = False
            for case in ("required", "all"):
                sdk, security, globals_set = sdks[case]
                try:
                    record, reason = drive(vendor, sdk, captured, group_path, op, case)
                except Exception as exc:  # never let one operation stop the run
                    record, reason = None, f"driver error: {type(exc).__name__}: {exc}"[:300]
                label = f"{'.'.join(group_path)}.{op['name']} ({op['operationId']}) [{case}]"
                if record is None:
                    key = re.sub(r"\(.*", "", reason).strip() if reason.startswith("no request") else reason.split(":")[0]
                    skips[key].append(f"{label}: {reason}")
                    continue
                any_ok = True
                record["security"] = {k: v for k, v in security.items()}
                record["globals"] = globals_set
                records.append(record)
            recorded_ops += any_ok

    lines = [json.dumps(r, sort_keys=True, ensure_ascii=False) for r in records]
    text = "\n".join(lines) + ("\n" if lines else "")
    if ns.out:
        with open(ns.out, "w", encoding="utf-8") as fh:
            fh.write(text)
    else:
        sys.stdout.write(text)

    skipped_calls = sum(len(v) for v in skips.values())
    log = sys.stderr if not ns.out else sys.stdout
    print(f"{vendor.dist}=={vendor.version}: {len(groups)} groups, {op_count} operations found, "
          f"{recorded_ops} recorded (>=1 call), {len(records)} calls recorded, {skipped_calls} calls skipped",
          file=log)
    print(f"security: {vendor.security_params}; globals (set in 'all' only): {list(vendor.global_params)}", file=log)
    for reason, items in sorted(skips.items()):
        print(f"  skipped {len(items)} call(s): {reason}", file=log)
        for item in items:
            print(f"    {item}", file=log)
    return 0


if __name__ == "__main__":
    sys.exit(main())
