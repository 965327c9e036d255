#!/usr/bin/env python3
"""PyYAML's reading of one YAML document in yaml-readers' canonical form (see its main.swift):
one line per leaf, `POINTER<TAB>VALUE`, sorted. Writes OUT.lines and OUT.ms (the median load time
of ROUNDS loads with yaml.CSafeLoader, libyaml's C loader, or SafeLoader when it is missing).
Usage: pyyaml_canonical.py DOCUMENT OUT ROUNDS"""
import datetime
import json
import sys
import time

import yaml

Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def escaped(text):
    return json.dumps(text, ensure_ascii=False)[1:-1]


def key_text(key):
    if isinstance(key, str):
        return key
    if isinstance(key, bool):
        return "true" if key else "false"
    if key is None:
        return "null"
    if isinstance(key, float):
        return repr(key)
    return str(key)


def segment(key):
    return key_text(key).replace("~", "~0").replace("/", "~1")


def leaves(node, path, out):
    if isinstance(node, dict):
        if not node:
            out.append(escaped(path) + "\t{}")
        for key, value in node.items():
            leaves(value, path + "/" + segment(key), out)
    elif isinstance(node, list):
        if not node:
            out.append(escaped(path) + "\t[]")
        for position, value in enumerate(node):
            leaves(value, "%s/%d" % (path, position), out)
    elif isinstance(node, bool):
        out.append(escaped(path) + "\tb:" + ("true" if node else "false"))
    elif node is None:
        out.append(escaped(path) + "\tn:")
    elif isinstance(node, int):
        out.append(escaped(path) + "\ti:" + str(node))
    elif isinstance(node, float):
        out.append(escaped(path) + "\tf:" + repr(node))
    elif isinstance(node, str):
        out.append(escaped(path) + '\ts:"' + escaped(node) + '"')
    elif isinstance(node, (datetime.date, datetime.datetime)):
        out.append(escaped(path) + "\tt:" + node.isoformat())
    else:
        out.append(escaped(path) + "\t?" + type(node).__name__ + ":" + repr(node))


def main():
    document, out, rounds = sys.argv[1], sys.argv[2], int(sys.argv[3])
    with open(document, encoding="utf-8") as handle:
        text = handle.read()
    times = []
    value = None
    try:
        for _ in range(rounds):
            start = time.perf_counter()
            value = yaml.load(text, Loader=Loader)
            times.append((time.perf_counter() - start) * 1e3)
    except yaml.YAMLError as error:
        with open(out + ".error", "w") as handle:
            handle.write(" ".join(str(error).split()) + "\n")
        return
    lines = []
    leaves(value, "", lines)
    lines.sort(key=lambda line: line.encode("utf-8", "surrogatepass"))
    with open(out + ".lines", "w", encoding="utf-8", errors="surrogatepass") as handle:
        handle.write("\n".join(lines) + "\n")
    with open(out + ".ms", "w") as handle:
        handle.write("%.1f (%s)\n" % (sorted(times)[len(times) // 2], Loader.__name__))


if __name__ == "__main__":
    main()
