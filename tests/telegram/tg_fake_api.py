"""A fake Telegram Bot API server on 127.0.0.1 for end-to-end tests of the Telegram bot.

It speaks enough of the Bot API for python-telegram-bot's Application: getMe, getUpdates (long
polling over a queue of updates the test pushes), sendMessage, editMessageText,
answerCallbackQuery, answerInlineQuery, setMyCommands, getMyCommands, sendChatAction,
getChatMember (`admins` lists each group's administrators), deleteWebhook. Like Telegram it
rejects malformed HTML and texts over 4,096 characters, and it answers 429 (with retry_after)
or 500 on demand, goes down for a while (`outage`), moves a group to a supergroup id
(`migrate`: 400 with migrate_to_chat_id), has forum topics (message_thread_id; a reply to a
deleted message fails there even with allow_sending_without_reply) and records what
answerInlineQuery was told (is_personal).
"""

from __future__ import annotations

import html
import itertools
import json
import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs

JSON_FIELDS = {"reply_markup", "reply_parameters", "results", "commands", "scope",
               "allowed_updates", "link_preview_options", "entities", "button"}
ALLOWED_TAGS = {"b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "span",
                "tg-spoiler", "a", "code", "pre", "blockquote", "tg-emoji"}
TOKEN_RE = re.compile(
    r"<(/?)([A-Za-z][A-Za-z0-9-]*)((?:\s[^<>]*)?)>|&(#[0-9]+|#x[0-9a-fA-F]+|lt|gt|amp|quot);"
    r"|[<>&]|[^<>&]+")


class ApiError(Exception):
    def __init__(self, code: int, description: str, retry_after: int | None = None,
                 migrate_to: int | None = None) -> None:
        super().__init__(description)
        self.code = code
        self.description = description
        self.retry_after = retry_after
        self.migrate_to = migrate_to


def tg_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def parse_html(text: str) -> str:
    """Telegram's HTML parse mode: the visible text, or ApiError 400 for what it rejects."""
    out: list[str] = []
    stack: list[str] = []
    for match in TOKEN_RE.finditer(text):
        token = match.group(0)
        if match.group(2):
            closing, tag = match.group(1) == "/", match.group(2).lower()
            if tag not in ALLOWED_TAGS:
                raise ApiError(400, f"Bad Request: can't parse entities: Unsupported start "
                                    f"tag \"{tag}\" at byte offset {match.start()}")
            if closing:
                if not stack or stack[-1] != tag:
                    raise ApiError(400, f"Bad Request: can't parse entities: Unmatched end tag "
                                        f"at byte offset {match.start()}, expected \"</"
                                        f"{stack[-1] if stack else ''}>\", found \"</{tag}>\"")
                stack.pop()
            else:
                stack.append(tag)
        elif match.group(4):
            out.append(html.unescape(token))
        elif token in "<>&":
            raise ApiError(400, "Bad Request: can't parse entities: Unexpected character "
                                f"{token!r} at byte offset {match.start()}")
        else:
            out.append(token)
    if stack:
        raise ApiError(400, f"Bad Request: can't parse entities: Can't find end tag "
                            f"corresponding to start tag \"{stack[-1]}\"")
    return "".join(out)


def entities_for(text: str) -> list[dict[str, Any]]:
    """The entities Telegram would attach: a leading bot command and @mentions."""
    entities: list[dict[str, Any]] = []

    def add(kind: str, start: int, end: int) -> None:
        entities.append({"type": kind, "offset": tg_len(text[:start]),
                         "length": tg_len(text[start:end])})

    command = re.match(r"/[A-Za-z0-9_]+(?:@[A-Za-z0-9_]+)?", text)
    if command:
        add("bot_command", 0, command.end())
    for mention in re.finditer(r"(?<![\w/])@[A-Za-z0-9_]{3,}", text):
        add("mention", mention.start(), mention.end())
    return entities


@dataclass
class Sent:
    """A message the bot sent (or edited), as Telegram would show it."""

    chat_id: int
    message_id: int
    text: str  # visible text after parsing
    raw: str  # the text as sent
    parse_mode: str | None
    reply_to: int | None
    reply_markup: dict[str, Any] | None
    edits: list[str] = field(default_factory=list)
    thread_id: int | None = None

    @property
    def buttons(self) -> list[dict[str, Any]]:
        if not self.reply_markup:
            return []
        return [b for row in self.reply_markup.get("inline_keyboard", []) for b in row]


class FakeBotAPI:
    def __init__(self, token: str, username: str = "strike_test_bot",
                 bot_id: int | None = None) -> None:
        self.token = token
        self.username = username
        self.bot_id = bot_id if bot_id is not None else int(token.split(":")[0])
        self.cond = threading.Condition()
        self.updates: list[dict[str, Any]] = []
        self.pushed: list[dict[str, Any]] = []  # every update ever pushed
        self.calls: list[tuple[str, dict[str, Any]]] = []
        self.sent: list[Sent] = []
        self.messages: dict[tuple[int, int], Sent] = {}
        self.commands: dict[str, list[dict[str, Any]]] = {}
        self.callback_answers: list[dict[str, Any]] = []
        self.inline_answers: list[dict[str, Any]] = []
        self.faults: dict[str, list[tuple[int, int | None]]] = {}
        self.rejected: list[tuple[str, int, str]] = []  # (method, code, description)
        self.get_updates_calls = 0
        self._update_ids = itertools.count(1)
        self._message_ids = itertools.count(1000)
        self._user_message_ids = itertools.count(1)
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None
        self.poll_cap = 0.3  # seconds a getUpdates call waits for updates at most
        self.descriptions: dict[tuple[str, int], str] = {}  # a fault's own description
        self.outages: dict[str, tuple[float, int]] = {}  # method -> (until, status)
        self.moved: dict[int, int] = {}  # group id -> supergroup id
        self.chat_types: dict[int, str] = {}  # chat id -> type, when not the default
        self.forums: set[int] = set()
        self.deleted: set[tuple[int, int]] = set()
        self.threads: dict[tuple[int, int], int] = {}  # (chat, message) -> topic
        self.admins: dict[int, set[int]] = {}  # group id -> its administrators' user ids

    # --- lifecycle ------------------------------------------------------------------------

    @property
    def root(self) -> str:
        assert self._server is not None
        host, port = self._server.server_address[:2]
        assert isinstance(host, str)
        return f"http://{host}:{port}"

    def start(self) -> FakeBotAPI:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: Any) -> None:
                pass

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                status, payload = fake.handle(self.path, self.headers.get("Content-Type", ""),
                                              body)
                if status == 0:  # a dropped connection: no response at all
                    self.close_connection = True
                    return
                data = json.dumps(payload).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            do_GET = do_POST

        class Server(ThreadingHTTPServer):
            request_queue_size = 256
            daemon_threads = True

            def handle_error(self, request: Any, client_address: Any) -> None:
                pass  # a client hanging up mid-poll (the bot shutting down) is not news

        self._server = Server(("127.0.0.1", 0), Handler)
        self._thread = threading.Thread(target=self._server.serve_forever,
                                        kwargs={"poll_interval": 0.05}, daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()

    # --- faults ---------------------------------------------------------------------------

    def fail_next(self, method: str, status: int, times: int = 1,
                  retry_after: int | None = None, description: str | None = None) -> None:
        with self.cond:
            self.faults.setdefault(method, []).extend([(status, retry_after)] * times)
            if description is not None:
                self.descriptions[(method, status)] = description

    def outage(self, seconds: float, methods: tuple[str, ...] = ("sendMessage",),
               status: int = 502) -> None:
        """Answer `status` to these methods for the next `seconds`."""
        with self.cond:
            for method in methods:
                self.outages[method] = (time.monotonic() + seconds, status)

    def migrate(self, old: int, new: int) -> None:
        """The group `old` became the supergroup `new`: sends to `old` fail with a 400."""
        with self.cond:
            self.moved[old] = new
            self.chat_types.setdefault(old, "group")

    def delete(self, chat_id: int, message_id: int) -> None:
        with self.cond:
            self.deleted.add((chat_id, message_id))

    # --- request handling -----------------------------------------------------------------

    def handle(self, path: str, content_type: str, body: bytes) -> tuple[int, dict[str, Any]]:
        match = re.fullmatch(r"/bot([^/]+)/(\w+)", path.split("?")[0])
        if not match or match.group(1) != self.token:
            return 401, {"ok": False, "error_code": 401, "description": "Unauthorized"}
        method = match.group(2)
        params = self.parse(content_type, body)
        with self.cond:
            self.calls.append((method, params))
            faults = self.faults.get(method)
            fault = faults.pop(0) if faults else None
        if fault is None and method in self.outages:
            until, status = self.outages[method]
            if time.monotonic() < until:
                fault = (status, None)
        if fault is not None:
            status, retry_after = fault
            if status == 0:
                with self.cond:
                    self.rejected.append((method, 0, "connection dropped"))
                return 0, {}
            description = self.descriptions.get((method, status)) or {
                429: f"Too Many Requests: retry after {retry_after}",
                400: "Bad Request: can't parse entities: Unsupported start tag",
                502: "Bad Gateway"}.get(status, "Internal Server Error")
            payload: dict[str, Any] = {"ok": False, "error_code": status,
                                       "description": description}
            if retry_after is not None:
                payload["parameters"] = {"retry_after": retry_after}
            with self.cond:
                self.rejected.append((method, status, payload["description"]))
            return status, payload
        handler: Callable[[dict[str, Any]], Any] | None = getattr(self, f"api_{method}", None)
        if handler is None:
            return 404, {"ok": False, "error_code": 404, "description": "Not Found"}
        try:
            return 200, {"ok": True, "result": handler(params)}
        except ApiError as exc:
            with self.cond:
                self.rejected.append((method, exc.code, exc.description))
                self.cond.notify_all()
            error: dict[str, Any] = {"ok": False, "error_code": exc.code,
                                     "description": exc.description}
            if exc.migrate_to is not None:
                error["parameters"] = {"migrate_to_chat_id": exc.migrate_to}
            return exc.code, error

    @staticmethod
    def parse(content_type: str, body: bytes) -> dict[str, Any]:
        if not body:
            return {}
        if "json" in content_type:
            loaded: dict[str, Any] = json.loads(body)
            return loaded
        if "multipart" in content_type:
            raise AssertionError("the fake does not take file uploads")
        params: dict[str, Any] = {}
        for key, values in parse_qs(body.decode(), keep_blank_values=True).items():
            value: Any = values[-1]
            if key in JSON_FIELDS:
                value = json.loads(value)
            params[key] = value
        return params

    def me(self) -> dict[str, Any]:
        return {"id": self.bot_id, "is_bot": True, "first_name": "Strikebot",
                "username": self.username}

    def chat(self, chat_id: int) -> dict[str, Any]:
        if chat_id > 0:
            return {"id": chat_id, "type": "private", "first_name": f"User{chat_id}"}
        data = {"id": chat_id, "type": self.chat_types.get(chat_id, "supergroup"),
                "title": f"Team {chat_id}"}
        if chat_id in self.forums:
            data["is_forum"] = True
        return data

    def api_getMe(self, params: dict[str, Any]) -> dict[str, Any]:
        return {**self.me(), "can_join_groups": True, "can_read_all_group_messages": False,
                "supports_inline_queries": True}

    def api_deleteWebhook(self, params: dict[str, Any]) -> bool:
        return True

    def api_setMyCommands(self, params: dict[str, Any]) -> bool:
        scope = (params.get("scope") or {"type": "default"})["type"]
        with self.cond:
            self.commands[scope] = params["commands"]
        return True

    def api_getMyCommands(self, params: dict[str, Any]) -> list[dict[str, Any]]:
        scope = (params.get("scope") or {"type": "default"})["type"]
        return self.commands.get(scope, [])

    def api_getChatMember(self, params: dict[str, Any]) -> dict[str, Any]:
        chat_id, user_id = int(params["chat_id"]), int(params["user_id"])
        if chat_id > 0 and chat_id != user_id:
            raise ApiError(400, "Bad Request: member not found")
        if chat_id > 0 or user_id in self.admins.get(chat_id, set()):
            return {"status": "creator", "user": self.user(user_id), "is_anonymous": False}
        return {"status": "member", "user": self.user(user_id)}

    def api_sendChatAction(self, params: dict[str, Any]) -> bool:
        return True

    def api_answerCallbackQuery(self, params: dict[str, Any]) -> bool:
        with self.cond:
            self.callback_answers.append(params)
            self.cond.notify_all()
        return True

    def api_answerInlineQuery(self, params: dict[str, Any]) -> bool:
        for result in params.get("results", []):
            content = result.get("input_message_content") or {}
            self.visible(content.get("message_text", ""), content.get("parse_mode"))
        with self.cond:
            self.inline_answers.append(params)
            self.cond.notify_all()
        return True

    def visible(self, text: str, parse_mode: str | None) -> str:
        if not text.strip():
            raise ApiError(400, "Bad Request: message text is empty")
        shown = parse_html(text) if (parse_mode or "").upper() == "HTML" else text
        if tg_len(shown) > 4096:
            raise ApiError(400, "Bad Request: message is too long")
        if not shown.strip():
            raise ApiError(400, "Bad Request: message text is empty")
        return shown

    def api_sendMessage(self, params: dict[str, Any]) -> dict[str, Any]:
        chat_id = int(params["chat_id"])
        if chat_id in self.moved:
            raise ApiError(400, "Bad Request: group chat was upgraded to a supergroup chat",
                           migrate_to=self.moved[chat_id])
        raw = params.get("text", "")
        parse_mode = params.get("parse_mode")
        shown = self.visible(raw, parse_mode)
        reply = params.get("reply_parameters") or {}
        thread = params.get("message_thread_id")
        thread = int(thread) if thread not in (None, "") else None
        if reply.get("message_id") is not None:
            target = (chat_id, int(reply["message_id"]))
            lenient = reply.get("allow_sending_without_reply") in (True, "true")
            if target in self.deleted and (chat_id in self.forums or not lenient):
                raise ApiError(400, "Bad Request: message to be replied not found")
            if target in self.deleted:
                reply = {}
            elif target in self.threads:  # a reply lands in the replied-to message's topic
                thread = self.threads[target]
        if thread is not None and chat_id not in self.forums:
            thread = None  # outside forums Telegram ignores it here
        with self.cond:
            sent = Sent(chat_id, next(self._message_ids), shown, raw, parse_mode,
                        reply.get("message_id"), params.get("reply_markup"), thread_id=thread)
            self.sent.append(sent)
            self.messages[(chat_id, sent.message_id)] = sent
            self.cond.notify_all()
        return self.message_json(sent)

    def api_editMessageText(self, params: dict[str, Any]) -> dict[str, Any]:
        chat_id = int(params["chat_id"])
        key = (chat_id, int(params["message_id"]))
        shown = self.visible(params.get("text", ""), params.get("parse_mode"))
        with self.cond:
            sent = self.messages.get(key)
            if sent is None:
                raise ApiError(400, "Bad Request: message to edit not found")
            sent.edits.append(sent.text)
            sent.text, sent.raw = shown, params.get("text", "")
            sent.parse_mode = params.get("parse_mode")
            sent.reply_markup = params.get("reply_markup")
            self.cond.notify_all()
        return self.message_json(sent)

    def message_json(self, sent: Sent) -> dict[str, Any]:
        data: dict[str, Any] = {"message_id": sent.message_id, "date": int(time.time()),
                                "chat": self.chat(sent.chat_id), "from": self.me(),
                                "text": sent.text}
        if sent.reply_markup:
            data["reply_markup"] = sent.reply_markup
        if sent.thread_id is not None:
            data["message_thread_id"] = sent.thread_id
            data["is_topic_message"] = True
        return data

    def api_getUpdates(self, params: dict[str, Any]) -> list[dict[str, Any]]:
        offset = int(params.get("offset") or 0)
        timeout = float(params.get("timeout") or 0)
        deadline = time.monotonic() + min(timeout, self.poll_cap)
        with self.cond:
            self.get_updates_calls += 1
            self.cond.notify_all()
            self.updates = [u for u in self.updates if u["update_id"] >= offset]
            while not self.updates and time.monotonic() < deadline:
                self.cond.wait(max(0.0, deadline - time.monotonic()))
            return list(self.updates[:100])

    # --- what the tests push ----------------------------------------------------------------

    def push(self, update: dict[str, Any]) -> dict[str, Any]:
        with self.cond:
            update = {"update_id": next(self._update_ids), **update}
            self.updates.append(update)
            self.pushed.append(update)
            self.cond.notify_all()
        return update

    @staticmethod
    def user(user_id: int, is_bot: bool = False) -> dict[str, Any]:
        return {"id": user_id, "is_bot": is_bot, "first_name": f"User{user_id}"}

    def message(self, chat_id: int, text: str | None, user_id: int | None = None,
                reply_to: dict[str, Any] | None = None, edited: bool = False,
                extra: dict[str, Any] | None = None, thread_id: int | None = None,
                from_bot: bool = False) -> int:
        """Push a message from a user (private chat when chat_id > 0); returns its id."""
        user_id = user_id if user_id is not None else abs(chat_id)
        message_id = next(self._user_message_ids)
        message: dict[str, Any] = {"message_id": message_id, "date": int(time.time()),
                                   "chat": self.chat(chat_id),
                                   "from": self.user(user_id, from_bot)}
        if thread_id is not None:
            message["message_thread_id"] = thread_id
            message["is_topic_message"] = True
            with self.cond:
                self.threads[(chat_id, message_id)] = thread_id
        if text is not None:
            message["text"] = text
            entities = entities_for(text)
            if entities:
                message["entities"] = entities
        if reply_to is not None:
            message["reply_to_message"] = reply_to
        if extra:
            message.update(extra)
        if edited:
            message["edit_date"] = int(time.time())
        self.push({"edited_message" if edited else "message": message})
        return message_id

    def bot_message_json(self, sent: Sent) -> dict[str, Any]:
        return self.message_json(sent)

    def user_message_json(self, chat_id: int, message_id: int, text: str,
                          user_id: int) -> dict[str, Any]:
        return {"message_id": message_id, "date": int(time.time()), "chat": self.chat(chat_id),
                "from": self.user(user_id), "text": text}

    def press(self, sent: Sent, data: str, user_id: int = 1) -> str:
        query_id = f"cb{next(self._update_ids)}"
        self.push({"callback_query": {"id": query_id, "from": self.user(user_id),
                                      "chat_instance": "ci", "data": data,
                                      "message": self.message_json(sent)}})
        return query_id

    def again(self, update: dict[str, Any]) -> dict[str, Any]:
        """Deliver an update's message once more under a new update id (as Telegram does when
        the offset was never confirmed)."""
        body = {k: v for k, v in update.items() if k != "update_id"}
        return self.push(body)

    def last_update(self) -> dict[str, Any]:
        with self.cond:
            return dict(self.pushed[-1])

    def old_poll(self) -> int:
        """A poll in the shape older Bot API servers send (no persistent_id on its options),
        which python-telegram-bot 22 cannot parse; returns the update id."""
        update = self.push({"poll": {
            "id": "poll1", "question": "Lunch?", "total_voter_count": 1, "is_closed": False,
            "is_anonymous": True, "type": "regular", "allows_multiple_answers": False,
            "options": [{"text": "yes", "voter_count": 1}, {"text": "no", "voter_count": 0}]}})
        update_id: int = update["update_id"]
        return update_id

    def inline(self, query: str, user_id: int = 1) -> str:
        query_id = f"iq{next(self._update_ids)}"
        self.push({"inline_query": {"id": query_id, "from": self.user(user_id),
                                    "query": query, "offset": ""}})
        return query_id

    # --- waiting ----------------------------------------------------------------------------

    def wait(self, predicate: Callable[[], Any], timeout: float = 15.0) -> Any:
        deadline = time.monotonic() + timeout
        with self.cond:
            while True:
                value = predicate()
                if value:
                    return value
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise AssertionError(f"timed out after {timeout} s waiting; sent so far: "
                                         f"{[(s.chat_id, s.text[:60]) for s in self.sent]}")
                self.cond.wait(remaining)

    def to_chat(self, chat_id: int) -> list[Sent]:
        with self.cond:
            return [s for s in self.sent if s.chat_id == chat_id]

    def wait_replies(self, chat_id: int, count: int = 1, timeout: float = 15.0) -> list[Sent]:
        result: list[Sent] = self.wait(
            lambda: (lambda got: got if len(got) >= count else None)(
                [s for s in self.sent if s.chat_id == chat_id]), timeout)
        return result

    def calls_to(self, method: str) -> list[dict[str, Any]]:
        with self.cond:
            return [p for m, p in self.calls if m == method]
