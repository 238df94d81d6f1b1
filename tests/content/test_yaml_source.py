"""Strict YAML reading: YAML 1.1 surprises, duplicate keys, aliases, tags and positions."""

from __future__ import annotations

import pytest

from build_tools.content.yaml_source import Plain, read_yaml


def test_plain_scalars_keep_their_source_text() -> None:
    doc = read_yaml("version: 1.10\nanswer: no\nflag: true\nquoted: 'yes'\nempty:\n")
    assert doc.problems == []
    assert doc.data["version"] == "1.10" and isinstance(doc.data["version"], Plain)
    assert doc.data["answer"] == "no"
    assert doc.data["flag"].as_bool() is True
    assert doc.data["answer"].as_bool() is None
    assert doc.data["quoted"] == "yes" and not isinstance(doc.data["quoted"], Plain)
    assert doc.data["empty"] is None


def test_positions_are_one_based_and_shifted_by_offset() -> None:
    doc = read_yaml("title: x\nauthors:\n  - name: A\n    role: B\n", line_offset=1)
    assert doc.source_map.position(("title",)) == (2, 8)
    assert doc.source_map.position(("authors", 0, "role")) == (5, 11)
    # A missing key points at its nearest parent.
    assert doc.source_map.position(("authors", 0, "missing")) == (4, 5)


def test_duplicate_key_names_both_lines() -> None:
    doc = read_yaml("title: a\nsummary: b\ntitle: c\n")
    [problem] = doc.problems
    assert (problem.code, problem.line, problem.column, problem.field) == (
        "DuplicateKey", 3, 1, ("title",))
    assert "первый раз в строке 1" in problem.message
    assert doc.data["title"] == "a"


def test_alias_bomb_is_refused_without_expansion() -> None:
    levels = ["a: &a [x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 30):
        levels.append(f"{chr(97 + i % 26)}{i}: &l{i} [*{'a' if i == 1 else f'l{i - 1}'}] ")
    doc = read_yaml("\n".join(levels))
    assert {p.code for p in doc.problems} == {"YamlAlias"}
    assert len(doc.problems) == 29


def test_custom_tags_are_refused() -> None:
    doc = read_yaml("cmd: !!python/object/apply:os.system ['ls']\n")
    assert [p.code for p in doc.problems] == ["YamlTag"]
    assert doc.data == {"cmd": None}


def test_non_text_keys_are_refused() -> None:
    doc = read_yaml("? [a, b]\n: value\n")
    assert [p.code for p in doc.problems] == ["YamlKeyNotText"]


def test_tab_indentation_gets_a_russian_hint() -> None:
    [problem] = read_yaml("title: x\n\tsummary: y\n", line_offset=1).problems
    assert problem.code == "YamlSyntax"
    assert (problem.line, problem.column) == (3, 1)
    assert problem.message == (
        "ошибка в разметке YAML: в YAML нельзя отступать табуляцией: замените её пробелами.")


def test_colon_inside_value_gets_a_hint() -> None:
    [problem] = read_yaml("title: Школа: опыт: итоги\n").problems
    assert "заключите значение в кавычки" in problem.message


@pytest.mark.parametrize(("text", "line", "column", "advice"), [
    ("title: @x\n", 1, 8, "значение не может начинаться с «@»: заключите его в кавычки."),
    ("levels: [начальное общее, основное общее\n", 1, 9,
     "список в квадратных скобках не закрыт: добавьте «]» в конце или запятые между значениями."),
    ("title: x\nsummary текст\ndate: 2026-01-01\n", 2, 1,
     "ожидалось «поле: значение»; проверьте двоеточие и отступы в этой строке."),
    ('title: "Незакрытая\nsummary: x\n', 1, 8, "не закрыта кавычка: добавьте закрывающую кавычку."),
    ("a: b\n\t- c\n", 2, 1, "в YAML нельзя отступать табуляцией: замените её пробелами."),
])
def test_syntax_errors_point_at_the_mistake(text: str, line: int, column: int, advice: str) -> None:
    [problem] = read_yaml(text).problems
    assert (problem.line, problem.column) == (line, column)
    assert problem.message == f"ошибка в разметке YAML: {advice}"


CONTROL_AND_INVISIBLE = ["\x00", "\x0b", "\x0c", "\x1b", "\x7f", "\x85", "\x9b", "\u202e",
                         "\u2066", "\u200f", "\ufeff", "\ufffe"]


@pytest.mark.parametrize("char", CONTROL_AND_INVISIBLE)
def test_control_and_bidi_characters_are_refused_raw_and_escaped(char: str) -> None:
    """Raw: where YAML's reader would raise, the line and column; as a double-quoted escape:
    the field. Never an exception, never the character in the data."""
    raw = read_yaml(f"title: ab{char}c\nsummary: d\n")
    assert [p.code for p in raw.problems] == ["ForbiddenCharacter"]
    assert (raw.problems[0].line, raw.problems[0].column) in ((1, 10), (1, 8))
    assert f"U+{ord(char):04X}" in raw.problems[0].message
    escaped = read_yaml(f'title: "ab\\u{ord(char):04x}c"\n')
    assert [(p.code, p.field) for p in escaped.problems] == [("ForbiddenCharacter", ("title",))]
    assert escaped.data == {"title": None}


def test_forbidden_characters_in_keys_and_many_lines_are_summarised() -> None:
    doc = read_yaml('"ti\\x1btle": a\n')
    assert [p.code for p in doc.problems] == ["ForbiddenCharacter"] and doc.data == {}
    many = read_yaml("".join(f"k{i}: a\x00b\n" for i in range(30)))
    assert len(many.problems) == 11 and "ещё в 20 строках" in many.problems[-1].message


@pytest.mark.parametrize("text", [
    "x: " + "[" * 10_000 + "]" * 10_000,
    "x: " + "{a: " * 5_000 + "1" + "}" * 5_000,
    "".join("  " * depth + f"k{depth}:\n" for depth in range(40)) + "  " * 40 + "v: 1\n",
    "x:\n" + "".join("  " * depth + "- \n" for depth in range(1, 40)),
])
@pytest.mark.parametrize("loader", ["CSafeLoader", "SafeLoader"])
def test_deep_nesting_is_refused_before_composing(text: str, loader: str,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """With libyaml and with the pure-Python reader, which has no depth limit of its own."""
    import yaml

    from build_tools.content import yaml_source

    monkeypatch.setattr(yaml_source, "_Loader", getattr(yaml, loader, yaml.SafeLoader))
    doc = read_yaml(text)
    assert [p.code for p in doc.problems] == ["YamlTooDeep"], doc.problems
    assert doc.problems[0].line >= 1 and doc.data is None


def test_numbers_with_too_many_digits_are_not_converted() -> None:
    doc = read_yaml("a: " + "1" * 5000 + "\nb: 1e400\nc: 12\n")
    assert doc.data["a"].as_int() is None and doc.data["a"].too_long()
    assert doc.data["b"].as_number() == float("inf")  # the Number field refuses it
    assert doc.data["c"].as_int() == 12
