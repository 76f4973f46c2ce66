"""skillmatch from Python: match candidates to job postings by skills,
offline, with an explanation for every point of every score.

The same library as the ``skillmatch`` command line, loaded once per
:class:`Skillmatch`: ``score`` and ``explain`` return the command line's
JSON documents (``score_json`` and ``explain_json`` its exact text), and
``rank`` returns its CSV rows, one dict (or table row) per pair, with the
same columns and the same cell text. Work runs in Rust with the GIL
released, on ``threads`` threads when given.

    >>> from skillmatch import Skillmatch
    >>> sm = Skillmatch(index="postings.idx", as_of="2026-11-01")
    >>> rows = sm.rank(candidates_df, per="posting", top=10)   # a DataFrame back

Errors in the input raise :class:`SkillmatchError`, whose message names the
file and the line or row (also in its ``file`` and ``line`` attributes).
"""

from __future__ import annotations

import json
import os
from typing import Any, Dict, List, Optional, Sequence, Union

from ._skillmatch import Engine as _Engine
from ._skillmatch import SkillmatchError, __version__

__all__ = ["Skillmatch", "SkillmatchError", "RANK_COLUMNS", "__version__"]

#: The columns of a ``rank`` row, in order (the CLI's CSV header).
RANK_COLUMNS: tuple = tuple(_Engine.rank_columns())

PathLike = Union[str, "os.PathLike[str]"]
Resume = Union[str, bytes, "os.PathLike[str]"]


def _is_pandas(table: Any) -> bool:
    return type(table).__module__.startswith("pandas") and hasattr(table, "columns")


def _is_arrow(table: Any) -> bool:
    return type(table).__module__.startswith("pyarrow") and hasattr(table, "column_names")


def _columns(table: Any, names: Sequence[str]) -> Dict[str, List[Any]]:
    """The columns ``names`` of a list of dicts, a pandas DataFrame or an
    Arrow table or record batch, as lists (a missing column is ``None``)."""
    if _is_pandas(table):
        return {
            n: (table[n].tolist() if n in table.columns else None) for n in names
        }
    if _is_arrow(table):
        return {
            n: (table.column(n).to_pylist() if n in table.column_names else None)
            for n in names
        }
    records = list(table)
    return {
        n: ([r.get(n) for r in records] if any(n in r for r in records) else None)
        for n in names
    }


def _resume_bytes(resume: Resume, filename: Optional[str]):
    """The bytes and file name of a résumé given as text, bytes or a path."""
    if isinstance(resume, bytes):
        return resume, filename
    if isinstance(resume, str):
        return resume.encode("utf-8"), filename
    path = os.fspath(resume)
    with open(path, "rb") as f:
        return f.read(), filename or os.path.basename(path)


class Skillmatch:
    """A taxonomy and a set of postings, loaded once.

    Give the postings once: ``index`` (a file ``skillmatch index build``
    wrote: the fastest start), ``postings`` (a CSV, a directory or JSON
    Lines, as ``--postings`` reads them), or ``posting_records`` (a list of
    dicts, a pandas DataFrame or an Arrow table with ``id``, ``title``,
    ``company``, ``location`` and ``text``). ``taxonomy``,
    ``taxonomy_extra`` and ``weights`` are the command line's options of
    the same names; ``as_of`` ("YYYY-MM-DD") fixes what "Present" means in
    résumés (default: today; fix it for reproducible batches); ``threads``
    the number of threads (default: all cores); ``cache_dir`` where a
    prepared taxonomy is kept (default: none).
    """

    def __init__(
        self,
        *,
        index: Optional[PathLike] = None,
        postings: Optional[PathLike] = None,
        posting_records: Any = None,
        taxonomy: Optional[PathLike] = None,
        taxonomy_extra: Sequence[PathLike] = (),
        weights: Optional[PathLike] = None,
        as_of: Optional[str] = None,
        threads: Optional[int] = None,
        cache_dir: Optional[PathLike] = None,
    ) -> None:
        records = None
        if posting_records is not None:
            cols = _columns(posting_records, ["id", "title", "company", "location", "text"])
            if cols["id"] is None or cols["text"] is None:
                raise SkillmatchError("posting_records: needs the columns id and text")
            n = len(cols["id"])
            opt = lambda name: cols[name] if cols[name] is not None else [None] * n  # noqa: E731
            records = [
                (str(i), t, c, loc, str(x))
                for i, t, c, loc, x in zip(cols["id"], opt("title"), opt("company"), opt("location"), cols["text"])
            ]
        self._engine = _Engine(
            index=None if index is None else os.fspath(index),
            postings=None if postings is None else os.fspath(postings),
            posting_records=records,
            taxonomy=None if taxonomy is None else os.fspath(taxonomy),
            taxonomy_extra=[os.fspath(p) for p in taxonomy_extra],
            weights=None if weights is None else os.fspath(weights),
            as_of=as_of,
            threads=threads,
            cache_dir=None if cache_dir is None else os.fspath(cache_dir),
        )

    @property
    def posting_count(self) -> int:
        """How many postings are loaded."""
        return self._engine.posting_count

    def postings(self) -> List[Dict[str, Optional[str]]]:
        """Every posting's id, title, company and location, in order."""
        return [
            {"id": i, "title": t, "company": c, "location": loc}
            for i, t, c, loc in self._engine.postings()
        ]

    def extract(self, text: str, *, kind: str = "posting", id: str = "text") -> Dict[str, Any]:
        """The ``extract --format json`` document of one text, read as a
        ``"posting"`` or a ``"resume"``."""
        return json.loads(self._engine.extract(text, kind=kind, id=id))

    def score_json(self, resume: Resume, *, filename: Optional[str] = None, top: int = 10, suggest: int = 5) -> str:
        """What ``skillmatch score RESUME --format json`` prints, exactly.

        ``resume`` is its text, its bytes, or a path; ``filename`` names
        the format (``cv.pdf``) and the candidate's id, as a file name
        does on the command line. ``top=0`` ranks all postings."""
        data, name = _resume_bytes(resume, filename)
        return self._engine.score(data, filename=name, top=top, suggest=suggest)

    def score(self, resume: Resume, *, filename: Optional[str] = None, top: int = 10, suggest: int = 5) -> Dict[str, Any]:
        """:meth:`score_json`, parsed."""
        return json.loads(self.score_json(resume, filename=filename, top=top, suggest=suggest))

    def explain_json(self, resume: Resume, posting: str, *, filename: Optional[str] = None) -> str:
        """What ``skillmatch explain RESUME POSTINGS --posting ID --format
        json`` prints, exactly."""
        data, name = _resume_bytes(resume, filename)
        return self._engine.explain(data, posting, filename=name)

    def explain(self, resume: Resume, posting: str, *, filename: Optional[str] = None) -> Dict[str, Any]:
        """:meth:`explain_json`, parsed."""
        return json.loads(self.explain_json(resume, posting, filename=filename))

    def rank(
        self,
        candidates: Any,
        *,
        per: str = "candidate",
        top: int = 10,
        id_column: str = "id",
        name_column: str = "name",
        text_column: str = "text",
        position_column: Optional[str] = None,
    ) -> Any:
        """``skillmatch rank`` over a batch of candidates: the rows of its
        CSV, each a dict of :data:`RANK_COLUMNS` to the cell's text.

        ``candidates`` is a list of dicts, a pandas DataFrame, or an Arrow
        table or record batch, with an id, a name (optional) and the
        résumé's text. The rows come back in the same kind: a list of
        dicts, a DataFrame, or an Arrow table (every column text, as in
        the CSV). ``per="candidate"`` keeps each candidate's best ``top``
        postings; ``per="posting"`` each posting's best ``top`` of these
        candidates (``top=0`` keeps all). ``position_column`` holds each
        candidate's place in the whole input (default: its place in this
        batch): rows carry it as ``candidate_position``, and equal fits
        are ordered by it, so batches ranked apart merge exactly.
        """
        names = [id_column, name_column, text_column] + ([position_column] if position_column else [])
        cols = _columns(candidates, names)
        if cols[id_column] is None or cols[text_column] is None:
            raise SkillmatchError(f"candidates: needs the columns {id_column} and {text_column}")
        n = len(cols[id_column])
        ids = [str(x) for x in cols[id_column]]
        texts = ["" if x is None else str(x) for x in cols[text_column]]
        people = cols[name_column] if cols[name_column] is not None else [None] * n
        people = [None if (x is None or x != x) else str(x) for x in people]
        positions = None
        if position_column:
            if cols[position_column] is None:
                raise SkillmatchError(f"candidates: no column {position_column}")
            positions = [int(x) for x in cols[position_column]]
        rows = self._engine.rank(ids, people, texts, positions, per=per, top=top)
        if _is_pandas(candidates):
            import pandas as pd

            return pd.DataFrame(rows, columns=list(RANK_COLUMNS), dtype=str)
        if _is_arrow(candidates):
            import pyarrow as pa

            return pa.table({c: [r[i] for r in rows] for i, c in enumerate(RANK_COLUMNS)}, schema=rank_schema())
        return [dict(zip(RANK_COLUMNS, r)) for r in rows]


def rank_schema():
    """The Arrow schema of ``rank`` rows: every column text."""
    import pyarrow as pa

    return pa.schema([(c, pa.string()) for c in RANK_COLUMNS])
