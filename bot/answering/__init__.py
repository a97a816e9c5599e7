"""Answerers: one small object per kind of question, chosen in order from a registry."""

from .base import Answerer
from .corrections import Corrections
from .registry import ANSWERERS, build_answerers

__all__ = ["ANSWERERS", "Answerer", "Corrections", "build_answerers"]
