"""strikebot: answers questions about one article, exactly.

    >>> from bot import load_engine
    >>> engine = load_engine()
    >>> engine.ask("How many appointments were cancelled at Walsall?").answer
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .answer import Answer, Citation, FigureRef
from .conversation import Conversation
from .errors import StrikebotError

if TYPE_CHECKING:
    from .engine import Engine

__all__ = ["Answer", "Citation", "Conversation", "Engine", "FigureRef", "StrikebotError",
           "load_engine"]


def load_engine(*args: Any, **kwargs: Any) -> Engine:
    """Load the engine (imported lazily: it pulls in numpy and faiss)."""
    from .engine import load_engine as _load

    return _load(*args, **kwargs)


def __getattr__(name: str) -> Any:
    if name == "Engine":
        from .engine import Engine

        return Engine
    raise AttributeError(name)
