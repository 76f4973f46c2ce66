"""Type stubs of the native module (see skillmatch/__init__.py for the
documented API)."""

from typing import List, Optional, Sequence, Tuple

__version__: str

class SkillmatchError(ValueError):
    """An input skillmatch cannot use; the message names the file and line."""

    file: Optional[str]
    line: Optional[int]

class Engine:
    def __init__(
        self,
        *,
        index: Optional[str] = None,
        postings: Optional[str] = None,
        posting_records: Optional[
            List[Tuple[str, Optional[str], Optional[str], Optional[str], str]]
        ] = None,
        taxonomy: Optional[str] = None,
        taxonomy_extra: Sequence[str] = ...,
        weights: Optional[str] = None,
        as_of: Optional[str] = None,
        threads: Optional[int] = None,
        cache_dir: Optional[str] = None,
    ) -> None: ...
    @property
    def posting_count(self) -> int: ...
    def postings(self) -> List[Tuple[str, Optional[str], Optional[str], Optional[str]]]: ...
    def extract(self, text: str, *, kind: str = "posting", id: str = "text") -> str: ...
    def score(
        self, resume: bytes, *, filename: Optional[str] = None, top: int = 10, suggest: int = 5
    ) -> str: ...
    def explain(self, resume: bytes, posting: str, *, filename: Optional[str] = None) -> str: ...
    def rank(
        self,
        ids: List[str],
        names: List[Optional[str]],
        texts: List[str],
        positions: Optional[List[int]] = None,
        *,
        per: str = "candidate",
        top: int = 10,
    ) -> List[List[str]]: ...
    @staticmethod
    def rank_columns() -> List[str]: ...
