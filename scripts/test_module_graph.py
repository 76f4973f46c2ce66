#!/usr/bin/env python3
"""Tests of scripts/module_graph.py: each case is a tiny crate written to a
temporary folder, and the edges or cycles the script must find in it.

Usage: scripts/test_module_graph.py   (exit 1 when a case fails)
"""

import contextlib
import io
import sys
import tempfile
import unittest
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import module_graph as mg  # noqa: E402


def crate(files):
    """A temporary src/ folder holding `files` ({path: text})."""
    tmp = tempfile.TemporaryDirectory()
    src = Path(tmp.name) / "src"
    for path, text in files.items():
        (src / path).parent.mkdir(parents=True, exist_ok=True)
        (src / path).write_text(text, encoding="utf-8")
    return tmp, src


def edges_of(files, depth=2):
    tmp, src = crate(files)
    with tmp:
        return set(mg.graph(mg.references(src), depth))


class Strip(unittest.TestCase):
    def test_comments_and_literals_are_blanked(self):
        cases = [
            ("line comment", "a // crate::x::y\nb", "a \nb"),
            ("doc comment", "/// [`crate::x`]\nfn f() {}", "\nfn f() {}"),
            ("nested block", "a /* x /* y */ z */ b", "a  b"),
            ("string", 'let s = "crate::x::y";', 'let s = "";'),
            ("escaped quote", r'let s = "a\"crate::x";', 'let s = "";'),
            ("raw string", 'let s = r#"a "crate::x" b"#;', 'let s = "";'),
            ("char quote", "let c = '\"'; crate::x", "let c = ' '; crate::x"),
            ("lifetime", "fn f<'a>(x: &'a str)", "fn f<'a>(x: &'a str)"),
            ("keeps lines", '"a\nb" x', '""\n x'),
        ]
        for name, source, want in cases:
            with self.subTest(name):
                self.assertEqual(mg.strip(source), want)

    def test_test_items_are_dropped(self):
        source = (
            "use a::b;\n#[cfg(test)]\nmod tests {\n    use crate::x;\n}\n"
            "#[cfg(test)]\n#[allow(dead_code)]\nfn helper() { crate::y::z(); }\n"
            "#[cfg(test)]\nmod fixtures;\nfn kept() {}\n"
        )
        text, test_mods = mg.without_tests(source)
        self.assertNotIn("crate::x", text)
        self.assertNotIn("crate::y", text)
        self.assertIn("fn kept", text)
        self.assertEqual(test_mods, {"fixtures"})
        self.assertEqual(text.count("\n"), source.count("\n"))


class UseTrees(unittest.TestCase):
    def test_leaves_and_names(self):
        cases = [
            ("crate::a::B", [(["crate", "a", "B"], "B")]),
            ("super::{a, b::C}", [(["super", "a"], "a"), (["super", "b", "C"], "C")]),
            ("crate::a::{self, B as D}", [(["crate", "a"], "a"), (["crate", "a", "B"], "D")]),
            ("crate::{a::{b::C, d}, E}", [(["crate", "a", "b", "C"], "C"), (["crate", "a", "d"], "d"), (["crate", "E"], "E")]),
            ("super::*", [(["super", "*"], None)]),
            ("std::io::Write as _", [(["std", "io", "Write"], None)]),
        ]
        for tree, want in cases:
            with self.subTest(tree):
                self.assertEqual(mg.use_leaves(tree), want)


class Graph(unittest.TestCase):
    def test_edges(self):
        cases = [
            (
                "a use, and a path in code",
                {
                    "lib.rs": "pub mod a;\npub mod b;\npub mod c;\n",
                    "a.rs": "use crate::b::B;\n",
                    "b.rs": "pub struct B;\n",
                    "c.rs": "fn f() { crate::a::g(); }\n",
                },
                {("a", "b"), ("c", "a")},
            ),
            (
                "re-exports lead to the defining module, and are no edge",
                {
                    "lib.rs": "pub mod x;\npub mod y;\npub use x::X;\n",
                    "x/mod.rs": "mod inner;\npub use inner::X;\n",
                    "x/inner.rs": "pub struct X;\n",
                    "y.rs": "use crate::X;\n",
                },
                {("y", "x::inner")},
            ),
            (
                "a module imported whole counts through its paths",
                {
                    "lib.rs": "pub mod x;\npub mod y;\n",
                    "x/mod.rs": "mod inner;\npub use inner::f;\npub fn g() {}\n",
                    "x/inner.rs": "pub fn f() {}\n",
                    "y.rs": "use crate::x;\nfn h() { x::f(); }\n",
                },
                {("y", "x::inner")},
            ),
            (
                "a re-export the module also uses is an edge",
                {
                    "lib.rs": "pub mod x;\n",
                    "x/mod.rs": "mod inner;\npub use inner::f;\nfn g() { f(); }\n",
                    "x/inner.rs": "pub fn f() {}\n",
                },
                {("x", "x::inner")},
            ),
            (
                "super, and a parent's private import",
                {
                    "lib.rs": "pub mod p;\npub mod q;\n",
                    "p/mod.rs": "mod a;\nmod b;\nuse crate::q::Q;\n",
                    "p/a.rs": "use super::b::B;\nfn f() -> super::Q { todo!() }\n",
                    "p/b.rs": "pub struct B;\n",
                    "q.rs": "pub struct Q;\n",
                },
                {("p", "q"), ("p::a", "p::b"), ("p::a", "q")},
            ),
            (
                "tests, doc comments and strings are ignored",
                {
                    "lib.rs": "pub mod a;\npub mod b;\n",
                    "a.rs": '//! See [`crate::b`].\nconst S: &str = "crate::b::B";\n'
                    "#[cfg(test)]\nmod tests {\n    use crate::b::B;\n}\n",
                    "b.rs": "pub struct B;\n",
                },
                set(),
            ),
            (
                "the binary reaches the library by its name",
                {
                    "lib.rs": "pub mod a;\n",
                    "a.rs": "pub fn f() {}\n",
                    "main.rs": "mod cli;\nfn main() { cli::run(); }\n",
                    "cli/mod.rs": "use skillmatch::a;\npub fn run() { a::f(); }\n",
                },
                {("cli", "a"), ("main", "cli")},
            ),
            (
                "deeper modules count as their second level",
                {
                    "lib.rs": "pub mod a;\npub mod b;\n",
                    "a/mod.rs": "pub mod x;\n",
                    "a/x/mod.rs": "pub mod deep;\n",
                    "a/x/deep.rs": "use crate::b::B;\n",
                    "b.rs": "pub struct B;\n",
                },
                {("a::x", "b")},
            ),
        ]
        for name, files, want in cases:
            with self.subTest(name):
                self.assertEqual(edges_of(files), want)

    def test_cycles(self):
        cases = [
            ("none", {("a", "b"), ("b", "c")}, []),
            ("two", {("a", "b"), ("b", "a"), ("b", "c")}, [["a", "b"]]),
            (
                "two separate",
                {("a", "b"), ("b", "a"), ("c", "d"), ("d", "e"), ("e", "c")},
                [["a", "b"], ["c", "d", "e"]],
            ),
        ]
        for name, edges, want in cases:
            with self.subTest(name):
                self.assertEqual(mg.cycles(edges), want)

    def test_a_cycle_between_top_level_modules_is_found_at_depth_one(self):
        files = {
            "lib.rs": "pub mod a;\npub mod b;\n",
            "a/mod.rs": "pub mod x;\npub mod z;\n",
            "a/x.rs": "use crate::b::y::Y;\n",
            "a/z.rs": "pub struct Z;\n",
            "b/mod.rs": "pub mod y;\n",
            "b/y.rs": "pub struct Y;\nfn f() -> crate::a::z::Z { todo!() }\n",
        }
        self.assertEqual(mg.cycles(edges_of(files, 2)), [])
        self.assertEqual(mg.cycles(edges_of(files, 1)), [["a", "b"]])
        tmp, src = crate(files)
        report = io.StringIO()
        with tmp, contextlib.redirect_stderr(report):
            self.assertEqual(mg.main(["--src", str(src), "--check"]), 1)
        self.assertIn("cycle at depth 1: a, b", report.getvalue())


if __name__ == "__main__":
    unittest.main()
