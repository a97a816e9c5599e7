"""What a count is made of, in the article's words: "what kinds of appointments are in the
8,300?", and claims that all of it was one kind ("so all 8.3k were ops right?")."""

from __future__ import annotations

from dataclasses import replace

from ..answer import Answer
from ..conversation import Conversation
from ..reading import Reading
from .text_tools import TextWork


class CompositionAnswerer(TextWork):
    """The sentence that says what the count includes, with a verdict on 'all of it was X'."""

    name = "composition"

    def run(self, r: Reading, conv: Conversation) -> Answer | None:
        if r.cues.has("COMPLETENESS_Q") and self.look.caveats and (
                not r.people or r.people == r.referred) and not (  # ("why do they reckon …")
                r.q.numbers and any(f.scope == "part" for f in r.subjects) and not any(
                    n == f.value for n in r.q.numbers for f in r.subjects)):  # ("X's real
            # figure was 950": a claim about one figure; "is 4413 the true scale for us" asks
            # whether the count is complete)
            # "Is the 196,000 the full extent of the disruption?": the article's own caveat.
            pid, number = self.look.caveats[0]
            answer = self._quote(r, pid, number, 1.0)
            passage = self.look.corpus.passage(pid)
            after = passage.sentences[number + 1] if passage and number + 1 < len(
                passage.sentences) else ""
            if after.lstrip().startswith(("\u201c", '"')) and passage and passage.speakers:
                # (the speaker's own words for it, right after: "A lot of clinics were …")
                answer = replace(answer, answer=f"{answer.answer.removesuffix(f' ({pid})')} "
                                                f"{after} ({pid})")
            if r.q.form == "yesno":
                # "is it the full extent?": no; "the true number is prob higher, right?": yes
                # (the caveat says the count falls short); "prob lower?": no.
                holds = r.cues.has("HIGHER_CLAIM") and not r.cues.has("LOWER_CLAIM")
                return replace(answer, answer=f"{'Yes' if holds else 'No'}: {answer.answer}")
            return answer
        if not self.look.composition or r.people:
            return None
        asks = r.cues.has("KIND_OF") and r.cues.has("count_cues") and r.q.form in (
            "what", "which", "other", "how")
        claims_all = r.q.form == "yesno" and r.cues.has("ALL_OF_KIND") and r.cues.has(
            "type_words") and not (r.cues.has("COMPARATIVE") and r.line is None) and \
            not r.cues.has("ONLY_N") and len({k for k, _ in r.dims}) < 2
        # (not "all the wknd ones were inpatients?": a claim about the rows of those days)
        if not (asks or claims_all):
            return None
        pid, number = self.look.composition[0]
        answer = self._quote(r, pid, number, 1.0)
        if claims_all:
            # "All of them were operations": the article lists more than one kind.
            return replace(answer, answer=f"No: not all; {answer.answer}")
        return answer
