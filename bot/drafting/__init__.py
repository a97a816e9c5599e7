"""Drafting an article's tables and profile from its text (`strikebot article add`).

rules.py holds the genre's patterns as named data; scan.py the text mechanics; subjects.py what
figures can be about; figures.py and people.py the two tables; draft.py the profile and the
files; add.py the command; measure.py how much of a hand-checked table a draft reproduces.
"""
