"""Updates python-telegram-bot cannot parse are skipped, logged once with their id.

python-telegram-bot parses a whole getUpdates batch at once; one update it cannot read (a poll
in the shape an older self-hosted Bot API server sends, say) fails the batch, and the updater
asks for the same offset again, forever. Here the raw batch is checked first: an unreadable
update is logged once and left out, and the next request asks past it.
"""

from __future__ import annotations

import logging
from typing import Any

from telegram import Update
from telegram.ext import ExtBot

log = logging.getLogger("strikebot.telegram")


class SkippingBot(ExtBot[Any]):
    """An ExtBot whose getUpdates drops the updates it cannot parse."""

    _skip_to = 0  # the lowest update id still to fetch once something was skipped

    async def _post(self, endpoint: str, data: dict[str, Any] | None = None,
                    *args: Any, **kwargs: Any) -> Any:
        getting = endpoint == "getUpdates" and data is not None
        if getting and data is not None and self._skip_to:
            offset = data.get("offset")
            if offset is None or int(offset) < self._skip_to:
                data["offset"] = self._skip_to
        result = await super()._post(endpoint, data, *args, **kwargs)
        if getting and isinstance(result, list):
            result = self.readable(result)
        return result

    def readable(self, batch: list[Any]) -> list[Any]:
        kept = []
        for raw in batch:
            update_id = raw.get("update_id") if isinstance(raw, dict) else None
            try:
                Update.de_json(dict(raw), self)
            except Exception as exc:
                if isinstance(update_id, int) and update_id >= self._skip_to:
                    self._skip_to = update_id + 1
                log.warning("skipped update %s: python-telegram-bot cannot read it (%s: %s)",
                            update_id, type(exc).__name__, exc)
                continue
            kept.append(raw)
        return kept
