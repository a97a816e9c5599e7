"""Question sets written blind (from the article alone) and scored first-sight before any fix;
now regression data: each keeps its score or better (tests/data/README.md)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from support import DATA, ROOT, read_jsonl, score_set

ARTICLES = ROOT / "tests" / "articles"
# (file, article folder or None for the default, floor = the score when the set was last fixed)
NURSES, NOTTS = ARTICLES / "london-nurses", ARTICLES / "notts-resident-doctors"
SETS = [
    (DATA / "blind_strike_chat_A.jsonl", None, 54),
    (DATA / "blind_strike_analyst_A.jsonl", None, 54),
    (NURSES / "blind_A.jsonl", NURSES, 41),
    (NOTTS / "blind_A.jsonl", NOTTS, 42),
    (DATA / "blind_strike_chat_B.jsonl", None, 53),
    (DATA / "blind_strike_analyst_B.jsonl", None, 49),
    (NURSES / "blind_B.jsonl", NURSES, 38),
    (NOTTS / "blind_B.jsonl", NOTTS, 37),
    (DATA / "blind_strike_chat_C.jsonl", None, 40),
    (DATA / "blind_strike_analyst_C.jsonl", None, 39),
    (NURSES / "blind_C.jsonl", NURSES, 32),
    (NOTTS / "blind_C.jsonl", NOTTS, 29),
    (DATA / "blind_strike_chat_D.jsonl", None, 44),
    (DATA / "blind_strike_analyst_D.jsonl", None, 44),
    (NURSES / "blind_D.jsonl", NURSES, 33),
    (NOTTS / "blind_D.jsonl", NOTTS, 32),
    (DATA / "blind_strike_chat_E.jsonl", None, 37),
    (DATA / "blind_strike_analyst_E.jsonl", None, 39),
    (NURSES / "blind_E.jsonl", NURSES, 33),
    (NOTTS / "blind_E.jsonl", NOTTS, 34),
    (DATA / "blind_strike_chat_F.jsonl", None, 36),
    (DATA / "blind_strike_analyst_F.jsonl", None, 32),
    (NURSES / "blind_F.jsonl", NURSES, 32),
    (NOTTS / "blind_F.jsonl", NOTTS, 28),
    (DATA / "blind_strike_chat_G.jsonl", None, 40),
    (DATA / "blind_strike_analyst_G.jsonl", None, 40),
    (NURSES / "blind_G.jsonl", NURSES, 28),
    (NOTTS / "blind_G.jsonl", NOTTS, 28),
    (DATA / "blind_strike_chat_H.jsonl", None, 35),
    (DATA / "blind_strike_analyst_H.jsonl", None, 38),
    (NURSES / "blind_H.jsonl", NURSES, 27),
    (NOTTS / "blind_H.jsonl", NOTTS, 26),
    (DATA / "blind_strike_chat_I.jsonl", None, 40),
    (DATA / "blind_strike_analyst_I.jsonl", None, 33),
    (NURSES / "blind_I.jsonl", NURSES, 31),
    (NOTTS / "blind_I.jsonl", NOTTS, 30),
    (DATA / "blind_strike_chat_J.jsonl", None, 35),
    (DATA / "blind_strike_analyst_J.jsonl", None, 35),
    (NURSES / "blind_J.jsonl", NURSES, 30),
    (NOTTS / "blind_J.jsonl", NOTTS, 27),
    (DATA / "blind_strike_chat_K.jsonl", None, 34),
    (DATA / "blind_strike_analyst_K.jsonl", None, 38),
    (NURSES / "blind_K.jsonl", NURSES, 34),
    (NOTTS / "blind_K.jsonl", NOTTS, 28),
    (DATA / "blind_strike_chat_L.jsonl", None, 33),
    (DATA / "blind_strike_analyst_L.jsonl", None, 33),
    (NURSES / "blind_L.jsonl", NURSES, 25),
    (NOTTS / "blind_L.jsonl", NOTTS, 29),
    (DATA / "blind_strike_chat_M.jsonl", None, 37),
    (DATA / "blind_strike_analyst_M.jsonl", None, 36),
    (NURSES / "blind_M.jsonl", NURSES, 32),
    (NOTTS / "blind_M.jsonl", NOTTS, 22),
    (DATA / "blind_strike_chat_N.jsonl", None, 36),
    (DATA / "blind_strike_analyst_N.jsonl", None, 36),
    (NURSES / "blind_N.jsonl", NURSES, 28),
    (NOTTS / "blind_N.jsonl", NOTTS, 27),
    (DATA / "blind_strike_chat_O.jsonl", None, 33),
    (DATA / "blind_strike_analyst_O.jsonl", None, 39),
    (NURSES / "blind_O.jsonl", NURSES, 27),
    (NOTTS / "blind_O.jsonl", NOTTS, 31),
    (DATA / "blind_strike_chat_P.jsonl", None, 37),
    (DATA / "blind_strike_analyst_P.jsonl", None, 39),
    (NURSES / "blind_P.jsonl", NURSES, 31),
    (NOTTS / "blind_P.jsonl", NOTTS, 28),
    (DATA / "blind_strike_chat_Q.jsonl", None, 39),
    (DATA / "blind_strike_analyst_Q.jsonl", None, 39),
    (NURSES / "blind_Q.jsonl", NURSES, 33),
    (NOTTS / "blind_Q.jsonl", NOTTS, 28),
    (DATA / "blind_strike_chat_R.jsonl", None, 37),
    (DATA / "blind_strike_analyst_R.jsonl", None, 37),
    (NURSES / "blind_R.jsonl", NURSES, 31),
    (NOTTS / "blind_R.jsonl", NOTTS, 32),
    (DATA / "blind_strike_chat_S.jsonl", None, 38),
    (DATA / "blind_strike_analyst_S.jsonl", None, 35),
    (NURSES / "blind_S.jsonl", NURSES, 34),
    (NOTTS / "blind_S.jsonl", NOTTS, 31),
    (DATA / "blind_strike_chat_T.jsonl", None, 38),
    (DATA / "blind_strike_chatb_T.jsonl", None, 33),
    (NURSES / "blind_T.jsonl", NURSES, 32),
    (NOTTS / "blind_T.jsonl", NOTTS, 31),
    (DATA / "blind_strike_chat_U.jsonl", None, 35),
    (DATA / "blind_strike_chatb_U.jsonl", None, 37),
    (NURSES / "blind_U.jsonl", NURSES, 30),
    (NOTTS / "blind_U.jsonl", NOTTS, 33),
    (DATA / "blind_strike_chat_V.jsonl", None, 37),
    (DATA / "blind_strike_chatb_V.jsonl", None, 37),
    (NURSES / "blind_V.jsonl", NURSES, 31),
    (NOTTS / "blind_V.jsonl", NOTTS, 29),
    (DATA / "blind_strike_chat_W.jsonl", None, 37),
    (DATA / "blind_strike_chatb_W.jsonl", None, 35),
    (NURSES / "blind_W.jsonl", NURSES, 30),
    (NOTTS / "blind_W.jsonl", NOTTS, 29),
    (DATA / "blind_strike_chat_X.jsonl", None, 36),
    (DATA / "blind_strike_chatb_X.jsonl", None, 42),
    (NURSES / "blind_X.jsonl", NURSES, 34),
    (NOTTS / "blind_X.jsonl", NOTTS, 35),
    (DATA / "blind_strike_chat_Y.jsonl", None, 39),
    (DATA / "blind_strike_chatb_Y.jsonl", None, 40),
    (NURSES / "blind_Y.jsonl", NURSES, 32),
    (NOTTS / "blind_Y.jsonl", NOTTS, 33),
    (DATA / "blind_strike_chat_Z.jsonl", None, 38),
    (DATA / "blind_strike_chatb_Z.jsonl", None, 39),
    (NURSES / "blind_Z.jsonl", NURSES, 33),
    (NOTTS / "blind_Z.jsonl", NOTTS, 32),
    (DATA / "blind_strike_chat_AA.jsonl", None, 38),
    (DATA / "blind_strike_chatb_AA.jsonl", None, 37),
    (NURSES / "blind_AA.jsonl", NURSES, 31),
    (NOTTS / "blind_AA.jsonl", NOTTS, 32),
    (DATA / "blind_strike_chat_AB.jsonl", None, 38),
    (DATA / "blind_strike_chatb_AB.jsonl", None, 38),
    (NURSES / "blind_AB.jsonl", NURSES, 29),
    (NOTTS / "blind_AB.jsonl", NOTTS, 30),
    (DATA / "blind_strike_chat_AC.jsonl", None, 39),
    (DATA / "blind_strike_chatb_AC.jsonl", None, 40),
    (NURSES / "blind_AC.jsonl", NURSES, 33),
    (NOTTS / "blind_AC.jsonl", NOTTS, 33),
    (DATA / "blind_strike_chat_AD.jsonl", None, 38),
    (DATA / "blind_strike_chatb_AD.jsonl", None, 36),
    (NURSES / "blind_AD.jsonl", NURSES, 34),
    (NOTTS / "blind_AD.jsonl", NOTTS, 32),
    (DATA / "blind_strike_chat_AE.jsonl", None, 36),
    (DATA / "blind_strike_chatb_AE.jsonl", None, 35),
    (NURSES / "blind_AE.jsonl", NURSES, 32),
    (NOTTS / "blind_AE.jsonl", NOTTS, 33),
    (DATA / "blind_strike_chat_AF.jsonl", None, 40),
    (DATA / "blind_strike_chatb_AF.jsonl", None, 40),
    (NURSES / "blind_AF.jsonl", NURSES, 34),
    (NOTTS / "blind_AF.jsonl", NOTTS, 32),
    (DATA / "blind_strike_chat_AG.jsonl", None, 39),
    (DATA / "blind_strike_chatb_AG.jsonl", None, 37),
    (NURSES / "blind_AG.jsonl", NURSES, 33),
    (NOTTS / "blind_AG.jsonl", NOTTS, 34),
    (DATA / "blind_strike_chat_AH.jsonl", None, 36),
    (DATA / "blind_strike_chatb_AH.jsonl", None, 36),
    (NURSES / "blind_AH.jsonl", NURSES, 28),
    (NOTTS / "blind_AH.jsonl", NOTTS, 28),
    (DATA / "blind_strike_chat_AI.jsonl", None, 37),
    (DATA / "blind_strike_chatb_AI.jsonl", None, 30),
    (NURSES / "blind_AI.jsonl", NURSES, 27),
    (NOTTS / "blind_AI.jsonl", NOTTS, 26),
    (DATA / "blind_strike_chat_AJ.jsonl", None, 30),
    (DATA / "blind_strike_chatb_AJ.jsonl", None, 30),
    (NURSES / "blind_AJ.jsonl", NURSES, 22),
    (NOTTS / "blind_AJ.jsonl", NOTTS, 22),
]
_ENGINES: dict[Path, Any] = {}


def _engine_for(folder: Path | None, default: Any) -> Any:
    if folder is None:
        return default
    if folder not in _ENGINES:
        from bot.engine import load_engine

        _ENGINES[folder] = load_engine(folder)
    return _ENGINES[folder]


@pytest.mark.e2e
@pytest.mark.parametrize(("path", "folder", "floor"), SETS,
                         ids=[f"{p.parent.name}/{p.stem}" for p, _, _ in SETS])
def test_blind_set_keeps_its_score(engine: Any, path: Path, folder: Path | None,
                                   floor: int) -> None:
    questions = read_jsonl(path)
    right, misses = score_set(_engine_for(folder, engine), questions)
    print(f"{path.name}: {right}/{len(questions)}", *misses, sep="\n  ")
    assert right >= floor, "\n".join(misses)
