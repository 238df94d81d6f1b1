"""Every allowed-but-tricky construct of a body, in the browser under the sample nginx headers.

A copy of the sample project gets one more practice that uses what editors may write and what
a careless or hostile one would bend: attribute-list ids and classes, raw HTML within the
allow-list, a details block, an admonition, an image and an attachment, footnotes, a table,
an unusual heading. The site is built once and served with the headers of
deploy/nginx/kb-security-headers.conf. On the home page, the bank and that practice: no CSP
violation, no request to another origin, no script that is not the theme's or ours, Material's
configuration is its own, and no console error.
"""

from __future__ import annotations

import functools
import json
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import ConsoleMessage, Page, Request

from tests.browser.conftest import BUILD_EPOCH, SiteServer
from tests.browser.test_csp import HeadersHandler, watch_csp
from tests.helpers import copy_sample

pytestmark = pytest.mark.browser

SLUG = "slozhnaya-razmetka-v-tekste-praktiki"
PNG_1X1 = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360f8cfc0f01f0005000201a5f6e0f90000000049454e44ae426082")
BODY = """
## Этапы работы { #etapy-raboty .kb-note }

Абзац с собственным адресом и классом.
{: #vazhnyy-abzac .zametka title="Подсказка" }

<details><summary>Подробнее о встречах</summary>
<p>Встречи проходят раз в месяц, <em>по четвергам</em>.</p>
</details>

<div class="kb-aside" id="primechanie" lang="ru" role="note" aria-label="Примечание">
<p>Сырой HTML из списка разрешённых: <abbr title="Управляющий совет">УС</abbr>,
<mark>выделение</mark>, <kbd>Ctrl</kbd>, <sub>2</sub> и <sup>3</sup>.</p>
</div>

![Схема зала для встречи с родителями](attachments/{slug}-shema.png){ width="120" }

Скачайте [план встреч](attachments/{slug}-plan.csv), прочитайте
[другую практику](roditelskiy-universitet.md#etapy-vnedreniya), откройте
[сайт школы](https://example.org/rodnik/) или вернитесь к [этапам](#etapy-raboty).

Текст со сноской[^1] и с другой сноской[^vtoraya].

| Месяц | Тема | Участников |
|:--|:--|--:|
| Сентябрь | Знакомство со школой | 120 |
| Октябрь | Как помочь с домашним заданием | 95 |

## «Кавычки» & амперсанд — 100 %, ½ и ёлки: 1/2 { #neobychnyy-zagolovok }

!!! note "Заметка для ведущего"
    Начинайте встречу с вопросов родителей.

<label for="vazhnyy-abzac">Подпись к абзацу</label>

[^1]: Первая сноска.
[^vtoraya]: Вторая сноска с [ссылкой](#neobychnyy-zagolovok).
""".replace("{slug}", SLUG)

ALLOWED_SCRIPTS = ("assets/javascripts/", "assets/kb-", "assets/inline/", "pagefind/")
"""Where the theme's, our and Pagefind's scripts live; nothing else may be loaded as one."""


def _tricky_practice(source: str) -> str:
    """The sample practice's front-matter, retitled, with attachments and the tricky body."""
    front, _, _ = source.partition("\n---\n")
    front = front.replace("title: Родительский университет в школе после реновации",
                          "title: Сложная разметка в тексте практики")
    front += ("\nattachments:\n  - title: План встреч на учебный год\n"
              f"    file: attachments/{SLUG}-plan.csv\n")
    return front + "\n---\n" + BODY


@pytest.fixture(scope="module")
def tricky_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_sample(tmp_path_factory.mktemp("tricky") / "project")
    practices = project / "content" / "practices"
    sample = (practices / "roditelskiy-universitet.md").read_text(encoding="utf-8")
    (practices / f"{SLUG}.md").write_text(_tricky_practice(sample), encoding="utf-8")
    (practices / "attachments" / f"{SLUG}-shema.png").write_bytes(PNG_1X1)
    (practices / "attachments" / f"{SLUG}-plan.csv").write_text(
        "месяц;тема\nсентябрь;знакомство\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "build_tools.engine.cli", "build"], cwd=project,
                            capture_output=True, text=True, timeout=300,
                            env={**os.environ, "SOURCE_DATE_EPOCH": str(BUILD_EPOCH)})
    assert result.returncode == 0, result.stderr
    return project / "site"


@pytest.fixture(scope="module")
def tricky_server(tricky_site: Path) -> Iterator[SiteServer]:
    server = ThreadingHTTPServer(("127.0.0.1", 0),
                                 functools.partial(HeadersHandler, directory=str(tricky_site)))
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield SiteServer(f"http://127.0.0.1:{server.server_address[1]}/")
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize(("path", "base"), [
    ("", "."), ("practices/", ".."), (f"practices/{SLUG}/", "../.."),
])
def test_tricky_content_runs_no_foreign_script_and_leaves_the_theme_alone(
    page: Page, tricky_server: SiteServer, path: str, base: str
) -> None:
    origin = tricky_server.url()
    requests: list[Request] = []
    errors: list[str] = []
    page.on("request", lambda request: requests.append(request))
    page.on("pageerror", lambda error: errors.append(str(error)))

    def on_console(message: ConsoleMessage) -> None:
        if message.type == "error":
            errors.append(message.text)

    page.on("console", on_console)
    violations = watch_csp(page)
    response = page.goto(tricky_server.url(path))
    assert response is not None and response.status == 200
    page.wait_for_load_state("networkidle")

    assert violations == []
    assert errors == []
    foreign = [r.url for r in requests if not r.url.startswith(origin)]
    assert foreign == []
    scripts = [urlsplit(r.url).path.lstrip("/") for r in requests
               if r.resource_type == "script"]
    assert scripts and all(s.startswith(ALLOWED_SCRIPTS) for s in scripts), scripts
    config = page.evaluate("""() => {
        const all = document.querySelectorAll('[id="__config"], [name="__config"]');
        const first = document.getElementById("__config");
        return {count: all.length, tag: first.tagName, type: first.type,
                text: first.textContent};
    }""")
    assert (config["count"], config["tag"], config["type"]) == (1, "SCRIPT", "application/json")
    assert json.loads(config["text"])["base"] == base


def test_the_tricky_practice_keeps_its_allowed_constructs(tricky_site: Path) -> None:
    html = (tricky_site / "practices" / SLUG / "index.html").read_text(encoding="utf-8")
    for kept in ('id="etapy-raboty"', 'id="vazhnyy-abzac"', 'id="primechanie"', "<details>",
                 f'src="../attachments/{SLUG}-shema.png"', 'id="neobychnyy-zagolovok"',
                 'id="fn:1"', 'id="fn:vtoraya"', 'for="vazhnyy-abzac"', "<table>"):
        assert kept in html, kept
    inline = tricky_site / "assets" / "inline"
    for script in inline.glob("*.js"):
        assert "Сложная разметка" not in script.read_text(encoding="utf-8")
