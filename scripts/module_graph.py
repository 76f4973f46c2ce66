#!/usr/bin/env python3
"""The dependency graph between skillmatch's modules, and its cycles.

Reads the crate's sources from `src/` (the library from lib.rs, the binary
from main.rs, following `mod` declarations), finds every path that names
another module of the crate, and prints the edges between modules. Exits 1
and lists every cycle (each group of modules that reach one another) when
there is one, so the pipeline can be held to run in one direction:
readers, extraction, scoring, explanation, reports.

What counts as a use of module B by module A:

- a `use` of a path into B (`use crate::b::Thing`, `use super::b`, and
  `use skillmatch::b` in the binary);
- a path into B written in code (`crate::b::f()`, `super::b::T`, a child
  module's `b::f()`).

A path is followed through imports and re-exports to where the item is
defined: `crate::Error` is a use of `error`, since lib.rs re-exports it from
there. A `pub use` is an edge only when its module also uses the name
itself: a facade module does not depend on what it merely re-exports. A
`use` of a module itself (`use crate::extract;`) is not an edge either: the
paths through it in the code are. Comments (doc comments too), string
literals and `#[cfg(test)]` items are ignored: tests may reach anywhere.

Modules are grouped to `--depth` levels (2 by default): `extract`,
`extract::matcher` and `extract::posting` are nodes, and
`extract::posting::section` counts as `extract::posting`. The items of a
`mod.rs` (the module itself) are the node of that module. Inline
`mod x { … }` blocks count as part of the file that holds them.

Usage: scripts/module_graph.py [--src DIR] [--depth N] [--dot] [--why] [--check]
  --dot     print the graph in Graphviz DOT instead of one `a -> b` per line
  --why     after each edge, the first place in the sources that makes it
  --check   print only the cycles (what CI runs)
"""

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

LIB = "lib"
BIN = "bin"
# The library's name, as the binary writes it.
LIB_NAME = "skillmatch"

ATTR_TEST = re.compile(r"#\s*\[\s*cfg\s*\(\s*test\s*\)\s*\]")
ATTR = re.compile(r"#\s*!?\s*\[")
MOD_DECL = re.compile(r"\b(?:pub(?:\s*\([^)]*\))?\s+)?mod\s+([A-Za-z_]\w*)\s*;")
USE = re.compile(r"(?<![\w$])(pub(?:\s*\([^)]*\))?\s+)?use\s+([^;]*);")
CODE_PATH = re.compile(r"(?<![\w$:])(?:::\s*)?([A-Za-z_]\w*)((?:\s*::\s*[A-Za-z_]\w*)+)")
USE_TOKEN = re.compile(r"\s*(::|\{|\}|,|\*|[A-Za-z_]\w*)")


def strip(source):
    """`source` without comments and with every string and character literal
    emptied; line breaks are kept, so line numbers still hold."""
    out = []
    i, n = 0, len(source)

    def skip_to(j):
        # Drops source[i:j], keeping its line breaks.
        out.append("\n" * source.count("\n", i, j))
        return j

    while i < n:
        c = source[i]
        if source.startswith("//", i):
            j = source.find("\n", i)
            i = skip_to(n if j < 0 else j)
        elif source.startswith("/*", i):
            depth, j = 1, i + 2
            while j < n and depth:
                if source.startswith("/*", j):
                    depth, j = depth + 1, j + 2
                elif source.startswith("*/", j):
                    depth, j = depth - 1, j + 2
                else:
                    j += 1
            i = skip_to(j)
        elif c == "r" and re.match(r"r#*\"", source[i:]) and (i == 0 or not _ident(source[i - 1]) or source[i - 1] == "b" and (i < 2 or not _ident(source[i - 2]))):
            hashes = len(re.match(r"r(#*)\"", source[i:]).group(1))
            close = '"' + "#" * hashes
            j = source.find(close, i + 2 + hashes)
            j = n if j < 0 else j + len(close)
            out.append('""')
            i = skip_to(j)
        elif c == '"':
            j = i + 1
            while j < n and source[j] != '"':
                j += 2 if source[j] == "\\" else 1
            out.append('""')
            i = skip_to(min(j + 1, n))
        elif c == "'":
            if source.startswith("\\", i + 1):
                j = source.find("'", i + 3)
                j = n if j < 0 else j + 1
                out.append("' '")
                i = skip_to(j)
            elif i + 2 < n and source[i + 2] == "'":
                out.append("' '")
                i = skip_to(i + 3)
            else:
                # A lifetime or a loop label.
                out.append(c)
                i += 1
        else:
            out.append(c)
            i += 1
    return "".join(out)


def _ident(c):
    return c.isalnum() or c == "_"


def block_end(text, start):
    """The end of the item starting at `start`: after its `;`, or after the
    `}` closing its first block, whichever comes first outside brackets."""
    depth = 0
    i = start
    while i < len(text):
        c = text[i]
        if c in "([":
            depth += 1
        elif c in ")]":
            depth -= 1
        elif c == ";" and depth == 0:
            return i + 1
        elif c == "{" and depth == 0:
            braces = 0
            while i < len(text):
                if text[i] == "{":
                    braces += 1
                elif text[i] == "}":
                    braces -= 1
                    if braces == 0:
                        return i + 1
                i += 1
            return i
        i += 1
    return i


def without_tests(text):
    """`text` without its `#[cfg(test)]` items (line breaks kept), and the
    names of the modules declared only for tests."""
    test_mods = set()
    while True:
        m = ATTR_TEST.search(text)
        if not m:
            return text, test_mods
        start = m.end()
        # Further attributes on the same item.
        while True:
            rest = text[start:]
            skipped = len(rest) - len(rest.lstrip())
            a = ATTR.match(rest, skipped)
            if not a:
                break
            start += block_end_bracket(rest, a.end() - 1)
        end = block_end(text, start)
        decl = MOD_DECL.match(text[start:end].strip())
        if decl:
            test_mods.add(decl.group(1))
        text = text[: m.start()] + "\n" * text.count("\n", m.start(), end) + text[end:]


def block_end_bracket(text, open_at):
    """The offset just past the `]` matching the `[` at `open_at`."""
    depth = 0
    for i in range(open_at, len(text)):
        if text[i] == "[":
            depth += 1
        elif text[i] == "]":
            depth -= 1
            if depth == 0:
                return i + 1
    return len(text)


def use_leaves(tree):
    """The paths a `use` tree imports: (segments, name bound). `self` in a
    group names the group's prefix; a glob ends in `*` and binds nothing."""
    tokens = [t for t in USE_TOKEN.findall(tree)]
    pos = 0

    def peek():
        return tokens[pos] if pos < len(tokens) else None

    def parse(prefix):
        nonlocal pos
        out = []
        segs = list(prefix)
        if peek() == "::":
            pos += 1
        while True:
            t = peek()
            if t == "{":
                pos += 1
                while peek() not in ("}", None):
                    out.extend(parse(segs))
                    if peek() == ",":
                        pos += 1
                pos += 1
                return out
            if t == "*":
                pos += 1
                return out + [(segs + ["*"], None)]
            if t is None or t in (",", "}"):
                return out
            pos += 1
            if t == "self":
                name = segs[-1] if segs else None
            else:
                segs.append(t)
                name = t
            if peek() == "::":
                pos += 1
                continue
            if peek() == "as":
                pos += 1
                name = tokens[pos]
                pos += 1
            return out + [(segs, None if name == "_" else name)]

    return parse([])


class Crate:
    """Every module of the library and the binary, with its code, its
    imports and its child modules."""

    def __init__(self, src):
        self.src = src
        self.files = {}  # module path -> source file
        self.code = {}  # module path -> code to scan (uses removed)
        self.children = {}  # module path -> child module names
        self.uses = {}  # module path -> [(segments, name, public, file-level, line)]
        for crate, root in ((LIB, "lib.rs"), (BIN, "main.rs")):
            if (src / root).exists():
                self._load((crate,), src / root)

    def _load(self, path, file):
        text, test_mods = without_tests(strip(file.read_text(encoding="utf-8")))
        self.files[path] = file
        depth = [0] * (len(text) + 1)
        d = 0
        for i, c in enumerate(text):
            depth[i] = d
            d += (c == "{") - (c == "}")
        uses = []
        for m in USE.finditer(text):
            line = text.count("\n", 0, m.start()) + 1
            for segs, name in use_leaves(m.group(2)):
                uses.append((segs, name, bool(m.group(1)), depth[m.start()] == 0, line))
        self.uses[path] = uses
        self.code[path] = USE.sub(lambda m: "\n" * m.group(0).count("\n"), text)
        self.children[path] = set()
        # Where a file's child modules live: beside lib.rs, main.rs and
        # mod.rs; in a folder named after any other file.
        folder = file.parent if file.name in ("lib.rs", "main.rs", "mod.rs") else file.with_suffix("")
        for m in MOD_DECL.finditer(self.code[path]):
            name = m.group(1)
            if name in test_mods or depth[m.start()] != 0:
                continue
            child = folder / f"{name}.rs"
            if not child.exists():
                child = folder / name / "mod.rs"
            if child.exists():
                self.children[path].add(name)
                self._load(path + (name,), child)

    def absolute(self, ctx, segs, seen=frozenset()):
        """`segs` written in module `ctx` as a path from its crate's root,
        or None when it leaves the crate (std, another crate)."""
        if not segs:
            return None
        first, rest = segs[0], list(segs[1:])
        if first == "crate":
            return (ctx[0],), rest
        if first == LIB_NAME and ctx[0] == BIN:
            return (LIB,), rest
        if first in ("self", "super"):
            base = ctx
            while segs and segs[0] in ("self", "super"):
                if segs[0] == "super":
                    base = base[:-1]
                segs = segs[1:]
            return base, list(segs)
        if first in self.children.get(ctx, ()):
            return ctx, list(segs)
        bound = self.binding(ctx, first)
        if bound is not None and (ctx, first) not in seen:
            target = self.absolute(ctx, bound, seen | {(ctx, first)})
            if target is not None:
                base, more = target
                return base, more + rest
        return None

    def binding(self, module, name):
        """The path a `use` in `module` binds to `name` (a file-level one
        first, else one inside a function)."""
        found = None
        for segs, bound, _, top, _ in self.uses.get(module, ()):
            if bound == name:
                if top:
                    return segs
                found = found or segs
        return found

    def named_in_code(self, module, name):
        """Does the code of `module` use `name` (a re-export it also uses
        itself is a use)?"""
        code = MOD_DECL.sub("", self.code[module])
        return re.search(r"(?<![\w:$])" + re.escape(name) + r"\b", code) is not None

    def resolve(self, ctx, segs, seen=frozenset()):
        """What `segs`, written in `ctx`, names: (the module that defines it,
        whether it is that module itself rather than an item in it); None
        outside the crate."""
        start = self.absolute(ctx, segs, seen)
        if start is None:
            return None
        module, rest = start
        for i, seg in enumerate(rest):
            if seg == "*":
                return module, False
            if seg in self.children.get(module, ()):
                module = module + (seg,)
                continue
            bound = self.binding(module, seg)
            if bound is not None and (module, seg) not in seen:
                found = self.resolve(module, bound + rest[i + 1 :], seen | {(module, seg)})
                if found is not None:
                    return found
            return module, False
        return module, True

    def references(self):
        """(from module, to module, file, line) for every path in the code
        and every import of an item that is not a re-export. Importing a
        module itself (`use crate::extract;`) is no use of it: the paths
        through it in the code say which of its modules are used, since a
        facade's re-exports lead to where each item is defined."""
        for module, uses in self.uses.items():
            for segs, name, public, _, line in uses:
                if public and not (name and self.named_in_code(module, name)):
                    continue
                found = self.resolve(module, segs)
                if found is not None and not found[1]:
                    yield module, found[0], self.files[module], line
        for module, code in self.code.items():
            for m in CODE_PATH.finditer(code):
                segs = [m.group(1)] + [s.strip() for s in m.group(2).split("::") if s.strip()]
                found = self.resolve(module, segs)
                if found is not None:
                    line = code.count("\n", 0, m.start()) + 1
                    yield module, found[0], self.files[module], line


def node(module, depth):
    """The graph node a module belongs to: its first `depth` levels."""
    crate, rest = module[0], module[1:depth + 1]
    if not rest:
        return "crate" if crate == LIB else "main"
    return "::".join(rest)


def references(src):
    """Every use of one module by another in the crate at `src`, in source
    order: (from module, to module, file, line)."""
    found = Crate(Path(src)).references()
    return sorted(found, key=lambda r: (str(r[2]), r[3]))


def graph(refs, depth=2):
    """{(from, to): (file, line)}: every edge between two nodes of `depth`
    levels, with the first place in the sources that makes it."""
    edges = {}
    for a, b, file, line in refs:
        a, b = node(a, depth), node(b, depth)
        if a != b and (a, b) not in edges:
            edges[(a, b)] = (file, line)
    return edges


def cycles(edges):
    """The strongly connected components of more than one node, each
    sorted, in order of their first node (Tarjan's algorithm)."""
    succ = {}
    for a, b in edges:
        succ.setdefault(a, []).append(b)
        succ.setdefault(b, [])
    index, low, on_stack, stack, found = {}, {}, set(), [], []

    def visit(v):
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(succ[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for v in sorted(succ):
        if v not in index:
            visit(v)
    return sorted(found)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--src", default=ROOT / "src", type=Path, help="the crate's src/ folder")
    parser.add_argument("--depth", default=2, type=int, help="module levels kept in a node (2)")
    parser.add_argument("--dot", action="store_true", help="print Graphviz DOT")
    parser.add_argument("--why", action="store_true", help="name the source line of each edge")
    parser.add_argument("--check", action="store_true", help="print only the cycles")
    args = parser.parse_args(argv)
    refs = references(args.src)

    def where(edges, edge):
        file, line = edges[edge]
        try:
            file = file.relative_to(args.src.parent)
        except ValueError:
            pass
        return f"{file}:{line}"

    edges = graph(refs, args.depth)
    if not args.check:
        if args.dot:
            print("digraph modules {")
            for a, b in sorted(edges):
                print(f'  "{a}" -> "{b}";')
            print("}")
        else:
            for a, b in sorted(edges):
                why = f"    ({where(edges, (a, b))})" if args.why else ""
                print(f"{a} -> {b}{why}")
    # A cycle between top-level modules need not be one between their
    # parts (score::rank -> explain -> score::credit), so every level is
    # checked.
    count = 0
    for depth in range(1, args.depth + 1):
        level = graph(refs, depth)
        for group in cycles(level):
            count += 1
            print(f"cycle at depth {depth}: {', '.join(group)}", file=sys.stderr)
            for a, b in sorted(level):
                if a in group and b in group:
                    print(f"  {a} -> {b}    ({where(level, (a, b))})", file=sys.stderr)
    if count:
        print(f"{count} cycle(s) between modules", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
