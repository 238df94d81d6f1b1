"""`kb`'s argument parser in Russian: help, usage and every argument error an editor can meet.

argparse builds its messages from English templates before `error()` sees them; each template
is matched here and said again in Russian, in the project's message style (what happened,
then what to do). A message with no translation is shown as argparse wrote it, never lost.
"""

from __future__ import annotations

import argparse
import difflib
import re
import sys
from collections.abc import Callable
from typing import NoReturn

USAGE = "Использование: "
HELP = "показать эту справку и выйти"
POSITIONALS = "аргументы"
OPTIONALS = "параметры"


def _quoted(text: str) -> str:
    """A value as argparse quoted it ('x' or x), in Russian quotes."""
    return f"«{text.strip(chr(39))}»"


def _listed(text: str) -> str:
    """argparse's list of choices or names ('a', 'b' or a, b), in Russian quotes."""
    return ", ".join(_quoted(part.strip()) for part in text.split(", "))


def _near_miss(value: str, choices: str) -> str:
    """«Возможно, вы имели в виду …» for a typo of one of the choices."""
    options = [part.strip().strip(chr(39)) for part in choices.split(", ")]
    close = difflib.get_close_matches(value.strip(chr(39)), options, n=1, cutoff=0.6)
    return f". Возможно, вы имели в виду «{close[0]}»" if close else ""


def _options(text: str) -> str:
    """Argument names: `-f/--config-file` as argparse prints them, `type` for a positional."""
    return ", ".join(name.strip() for name in text.split(", "))


Translate = Callable[[dict[str, str]], str]

MESSAGES: tuple[tuple[str, Translate], ...] = (
    ("the following arguments are required: (?P<names>.+)",
     lambda m: f"не хватает обязательных аргументов: {_options(m['names'])}"),
    ("argument (?P<arg>\\S+): invalid choice: (?P<value>.+?) \\(choose from (?P<choices>.+)\\)",
     lambda m: f"{m['arg']}: недопустимое значение {_quoted(m['value'])}. Допустимые "
               f"значения: {_listed(m['choices'])}{_near_miss(m['value'], m['choices'])}"),
    ("argument (?P<arg>\\S+): expected one argument",
     lambda m: f"после {m['arg']} нужно указать значение"),
    ("argument (?P<arg>\\S+): expected at most one argument",
     lambda m: f"после {m['arg']} можно указать не больше одного значения"),
    ("argument (?P<arg>\\S+): expected at least one argument",
     lambda m: f"после {m['arg']} нужно указать хотя бы одно значение"),
    ("argument (?P<arg>\\S+): invalid (?P<type>\\S+) value: (?P<value>.+)",
     lambda m: f"{m['arg']}: не удалось прочитать значение {_quoted(m['value'])}"),
    ("argument (?P<arg>\\S+): not allowed with argument (?P<other>\\S+)",
     lambda m: f"{m['arg']} нельзя указывать вместе с {m['other']}"),
    ("argument (?P<arg>\\S+): ignored explicit argument (?P<value>.+)",
     lambda m: f"{m['arg']} не принимает значения, а указано {_quoted(m['value'])}"),
    ("one of the arguments (?P<names>.+) is required",
     lambda m: f"нужно указать один из аргументов: {m['names']}"),
    ("unrecognized arguments: (?P<args>.+)",
     lambda m: f"непонятные аргументы: {m['args']}"),
    ("ambiguous option: (?P<option>\\S+) could match (?P<matches>.+)",
     lambda m: f"сокращение {m['option']} подходит к нескольким параметрам: {m['matches']}; "
               "напишите параметр полностью"),
    ("unexpected option string: (?P<option>.+)",
     lambda m: f"неожиданный параметр {m['option']}"),
)
"""argparse's messages (Python 3.11–3.13) and what an editor reads instead."""

_COMPILED = tuple((re.compile(pattern, re.DOTALL), say) for pattern, say in MESSAGES)


def russian(message: str) -> str:
    """argparse's error message in Russian; an unknown one as it is."""
    for pattern, say in _COMPILED:
        found = pattern.fullmatch(message)
        if found:
            return say(found.groupdict())
    return message


class RussianHelpFormatter(argparse.HelpFormatter):
    def add_usage(self, usage: str | None, actions: object, groups: object,
                  prefix: str | None = None) -> None:
        super().add_usage(usage, actions, groups, USAGE if prefix is None else prefix)  # type: ignore[arg-type]


class RussianArgumentParser(argparse.ArgumentParser):
    """An ArgumentParser whose every printed word is Russian; subcommands inherit it."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        kwargs.setdefault("formatter_class", RussianHelpFormatter)
        add_help = bool(kwargs.pop("add_help", True))
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self._positionals.title = POSITIONALS
        self._optionals.title = OPTIONALS
        if add_help:
            self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS,
                              help=HELP)

    def error(self, message: str) -> NoReturn:
        """The usage line, then what is wrong and where to read more; exit status 2."""
        self.print_usage(sys.stderr)
        said = russian(message)
        self.exit(2, f"{self.prog}: {said}. Справка: {self.prog} --help\n")
