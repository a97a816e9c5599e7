"""The Telegram front end (python-telegram-bot 22), a package of its own.

settings   environment and flags, token checks, log redaction (no telegram import)
cli        `strikebot telegram` and `strikebot feedback` (no telegram import)
feedback   👍 / 👎 and abstentions in SQLite (stdlib)
formatting answers, figures and passages as Telegram HTML (pure)
wording    the article-specific words, taken from the engine
addressing is a group message for the bot, and a question?
limits     the per-user question limit
journal    questions accepted and not yet answered (persisted)
queues     one queue per chat
delivery   sending through outages, migrations, forum topics, deleted questions
updates    getUpdates that skips updates the library cannot parse
keyboards  the buttons under an answer
answering  question -> answer -> delivered
handlers   commands and messages
buttons    button presses and inline mode
app        building, starting and stopping the application

Importing the package imports nothing heavy; the core never imports it.
"""
