"""`kb`'s help and every argument error in Russian, in the project's message style."""

from __future__ import annotations

import argparse
import re

import pytest

from build_tools.engine.cli import _parser, main
from build_tools.engine.cli_parser import MESSAGES, RussianArgumentParser, russian

ENGLISH = ("usage:", "options:", "positional arguments", "show this help", "error:",
           "the following arguments", "invalid choice", "unrecognized", "expected one")


def subcommands(parser: argparse.ArgumentParser) -> list[argparse.ArgumentParser]:
    found = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for child in action.choices.values():
                found += [child, *subcommands(child)]
    return found


def test_help_of_kb_and_of_every_subcommand_is_russian(capsys: pytest.CaptureFixture[str]
                                                       ) -> None:
    parser = _parser()
    helps = [parser.format_help(), *(child.format_help() for child in subcommands(parser))]
    # kb, validate, build, serve, edit, issue, digest, draft, new, import, schema
    assert len(helps) == 11
    for text in helps:
        assert text.startswith("Использование: kb")
        assert re.search(r"-h, --help +показать эту справку и выйти", text)
        assert not [word for word in ENGLISH if word in text], text
        # argparse's own placeholders (NUMBER, DEV_ADDR) are English: every one is named.
        assert set(re.findall(r"\b[A-Z][A-Z_]{2,}\b", text)) <= {"JSON"}, text
    assert "параметры:" in helps[0] and "команды:" in helps[0]
    with pytest.raises(SystemExit) as exit_:
        main(["import", "--help"])
    assert exit_.value.code == 0
    assert "аргументы:\n  вид" in capsys.readouterr().out


@pytest.mark.parametrize(("argv", "said"), [
    (["new"], "Использование: kb new [-h] вид [название]\n"
              "kb new: не хватает обязательных аргументов: вид. Справка: kb new --help\n"),
    (["import", "practice"],
     "Использование: kb import [-h] [--title НАЗВАНИЕ] вид файл.docx\n"
     "kb import: не хватает обязательных аргументов: файл.docx. Справка: kb import --help\n"),
    (["validat"], "Использование: kb [-h] [-f ФАЙЛ] команда ...\n"
                  "kb: команда: недопустимое значение «validat». Допустимые значения: "
                  "«validate», «build», «serve», «edit», «issue», «digest», «new», «import», "
                  "«schema». "
                  "Возможно, вы имели в виду «validate». Справка: kb --help\n"),
    (["new", "praktika", "Название"],
     "Использование: kb new [-h] вид [название]\n"
     "kb new: вид: недопустимое значение «praktika». Допустимые значения: «practice», "
     "«recommendation», «digest», «course», «conference», «innovation». Возможно, вы имели "
     "в виду «practice». Справка: kb new --help\n"),
    (["validate", "--format"],
     "Использование: kb validate [-h] [--strict] [--format {github,json,text}]\n"
     "kb validate: после --format нужно указать значение. Справка: kb validate --help\n"),
    (["validate", "--strikt"], "Использование: kb [-h] [-f ФАЙЛ] команда ...\n"
                               "kb: непонятные аргументы: --strikt. Справка: kb --help\n"),
])
def test_argument_errors_are_russian(argv: list[str], said: str,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(argv)
    assert exit_.value.code == 2
    assert capsys.readouterr().err == said


def test_every_translated_message_is_one_argparse_writes() -> None:
    """Each template is met by a real parser; a new Python's wording would fail here."""
    parser = RussianArgumentParser(prog="kb")
    parser.add_argument("--count", type=int)
    parser.add_argument("--many", nargs="+")
    parser.add_argument("--most", nargs="?")
    parser.add_argument("--flag", action="store_true")
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--one", action="store_true")
    group.add_argument("--two", action="store_true")
    parser.add_argument("--long-name")
    parser.add_argument("--long-other")
    seen: list[str] = []
    parser.error = lambda message: seen.append(message) or (_ for _ in ()).throw(  # type: ignore[method-assign]
        SystemExit(2))
    for argv in (["--count", "x"], ["--many"], ["--one", "--two"], ["--flag=1"],
                 ["--long", "x"], ["x"], ["--count"]):
        with pytest.raises(SystemExit):
            parser.parse_args(argv)
    assert len(seen) == 7
    untranslated = [message for message in seen if russian(message) == message]
    assert untranslated == []
    assert russian("argument --count: invalid int value: 'x'") == (
        "--count: не удалось прочитать значение «x»")
    assert russian("argument --one: not allowed with argument --two") == (
        "--one нельзя указывать вместе с --two")
    assert len(MESSAGES) == 12
