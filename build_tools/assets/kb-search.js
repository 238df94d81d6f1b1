/* kb-search.js: the search-and-filter browser of the practice bank (/practices/) and of the
 * site search (/search/), built on the Pagefind index that `kb build` writes to pagefind/.
 *
 * The page holds <div id="kb-browser" hidden data-bundle data-root data-type data-page-size>
 * with the facet list as JSON, and next to it a no-JavaScript fallback [data-kb-static].
 * This script builds the search field, sort order, filter panel and result list inside the
 * container, shows it and hides the fallback. If Pagefind cannot be loaded, the fallback
 * stays and a short message says that search is unavailable.
 *
 * The view lives in the address (?q=…&topic=…&topic=…&sort=…), so a copied link reproduces
 * it, and the header search form (GET /search/?q=…) lands on a ready result list.
 *
 * An ES module, added to the pages with #kb-browser (pages/page_scripts.py); it does nothing
 * without one. Its parts: kb-search-text.js (the query's words), kb-search-plan.js (what is
 * sent to Pagefind, with the spelling correction), kb-search-facets.js (the filter panel) and
 * kb-search-view.js (the elements and result cards). No dependencies, no requests other than
 * the site's own Pagefind bundle, the spelling dictionary beside it and assets/kb-spelling.js.
 *
 * What is searched for a query, and why a word may be corrected: see kb-search-plan.js.
 */

import { buildGroups, updateCounts } from './kb-search-facets.js';
import { QueryPlanner } from './kb-search-plan.js';
import { plural } from './kb-search-text.js';
import { el, nextId, renderResult } from './kb-search-view.js';

const POPULAR_TOPICS = 6;      // topics the empty state offers
const TYPING_DELAY = 250;      // ms of quiet typing before searching and updating the URL

const SORTS = {
  relevance: { label: 'По релевантности', pagefind: {} },
  'date-desc': { label: 'По дате: сначала новые', pagefind: { date: 'desc' } },
  'date-asc': { label: 'По дате: сначала старые', pagefind: { date: 'asc' } },
  title: { label: 'По названию', pagefind: { title: 'asc' } },
  // Practices only (search_data.sort_keys): Pagefind leaves out pages without the sort key,
  // so the site search, which also lists recommendations and digests, does not offer them.
  'strength-desc': { label: 'По силе доказательств', pagefind: { strength: 'desc' },
    practices: true },
  'adoptions-desc': { label: 'По числу школ, перенявших практику',
    pagefind: { adoptions: 'desc' }, practices: true },
};

// ------------------------------------------------------------------ the browser

function start() {
  const root = document.getElementById('kb-browser');
  if (!root || root.dataset.kbStarted) return;
  root.dataset.kbStarted = 'true';
  new Browser(root).load();
}

class Browser {
  constructor(root) {
    this.root = root;
    this.fallbacks = document.querySelectorAll('[data-kb-static]');
    this.bundleUrl = new URL(root.dataset.bundle || 'pagefind/', window.location.href).href;
    this.rootUrl = new URL(root.dataset.root || './', window.location.href).href;
    this.rootPath = new URL(this.rootUrl).pathname;
    this.fixedType = root.dataset.type || '';
    this.pageSize = Math.max(1, parseInt(root.dataset.pageSize, 10) || 20);
    let facets = [];
    try {
      facets = JSON.parse(root.querySelector('script.kb-facets').textContent);
    } catch (error) { /* no facet list: search without a filter panel */ }
    // On the bank page the kind of material is fixed, so its group is not offered.
    this.facets = facets.filter((f) => !(this.fixedType && f.key === 'type'));
    this.noun = this.fixedType === 'практика'
      ? ['практика', 'практики', 'практик'] : ['материал', 'материала', 'материалов'];
    // sort '' = the default; asTyped: search the words as typed, without correction
    this.state = { q: '', sort: '', selected: new Map(), asTyped: false };
    this.planner = null;       // QueryPlanner, once Pagefind has loaded
    this.popularTopics = [];
    this.lastPlan = null;      // what the last search searched (see `plan`)
    this.groups = [];          // {key, label, values: [{value, input, item, count}], ...}
    this.results = [];         // Pagefind results of the current search
    this.shown = 0;
    this.generation = 0;       // increases with every search; late answers are dropped
    this.typingTimer = null;
  }

  async load() {
    try {
      this.pagefind = await import(this.bundleUrl + 'pagefind.js');
      // Result URLs must start with the site's own path when it is published under one.
      await this.pagefind.options({ baseUrl: this.rootPath });
      await this.pagefind.init();
      this.planner = new QueryPlanner(this.pagefind, this.rootUrl, this.bundleUrl);
      // Loads every filter's index: searches then count all values, not only the chosen.
      await this.pagefind.filters();
      // Every value in the bank (or on the whole site): the panel's values and their order.
      const all = await this.pagefind.search(null, { filters: this.fixedFilters() });
      this.readUrl();
      this.build(all.filters || {});
      await this.search();
    } catch (error) {
      this.fail(error);
      return;
    }
    this.root.hidden = false;
    this.fallbacks.forEach((node) => { node.hidden = true; });
    this.root.dataset.kbReady = 'true';
  }

  fail(error) {
    if (window.console) console.warn('kb-search: Pagefind is not available', error);
    this.root.replaceChildren(el('p', { className: 'kb-browser__error', role: 'status' },
      'Поиск временно недоступен. Попробуйте обновить страницу позже.'));
    this.root.hidden = false;
    this.fallbacks.forEach((node) => { node.hidden = false; });
  }

  // ---------------------------------------------------------------- state and URL

  readUrl() {
    const params = new URLSearchParams(window.location.search);
    this.state.q = params.get('q') || '';
    this.state.asTyped = params.get('spell') === '0';
    const sort = params.get('sort') || '';
    this.state.sort = this.sortAllowed(sort) ? sort : '';
    for (const facet of this.facets) {
      const values = params.getAll(facet.key).filter(Boolean);
      if (values.length) this.state.selected.set(facet.key, new Set(values));
    }
  }

  writeUrl() {
    const params = new URLSearchParams();
    if (this.state.q.trim()) params.set('q', this.state.q.trim());
    if (this.state.q.trim() && this.state.asTyped) params.set('spell', '0');
    for (const group of this.groups) {
      for (const value of this.selectedIn(group.key)) params.append(group.key, value);
    }
    if (this.state.sort) params.set('sort', this.state.sort);
    const url = new URL(window.location.href);
    url.search = params.toString();
    if (url.href !== window.location.href) {
      window.history.replaceState(window.history.state, '', url);
    }
  }

  selectedIn(key) {
    return Array.from(this.state.selected.get(key) || []);
  }

  /** A known sort that this browser offers (practice-only sorts in the bank only). */
  sortAllowed(key) {
    return Object.prototype.hasOwnProperty.call(SORTS, key)
      && (!SORTS[key].practices || this.fixedType === 'практика');
  }

  /** The sort in force: the user's choice, else relevance with a query, newest without. */
  sortKey() {
    const hasQuery = Boolean(this.state.q.trim());
    if (this.state.sort && (this.state.sort !== 'relevance' || hasQuery)) return this.state.sort;
    return hasQuery ? 'relevance' : 'date-desc';
  }

  fixedFilters() {
    return this.fixedType ? { type: this.fixedType } : {};
  }

  /** Pagefind filters: groups AND-ed, values within a group OR-ed; `except` left out. */
  filtersWithout(except) {
    const filters = this.fixedFilters();
    for (const [key, values] of this.state.selected) {
      if (key !== except && values.size) filters[key] = { any: Array.from(values) };
    }
    return filters;
  }

  // ---------------------------------------------------------------- building the UI

  build(counts) {
    const formId = nextId('kb-q');
    this.input = el('input', { id: formId, className: 'kb-browser__input', type: 'search',
      name: 'q', value: this.state.q, autocomplete: 'off', spellcheck: 'false',
      placeholder: 'например, наставничество молодых педагогов' });
    const form = el('form', { className: 'kb-browser__search', role: 'search' },
      el('label', { for: formId }, 'Что ищем'), this.input);
    form.addEventListener('submit', (event) => {
      event.preventDefault();  // Enter searches at once, without reloading the page
      this.changed(true);
    });
    this.input.addEventListener('input', () => this.changed(false));

    const sortId = nextId('kb-sort');
    this.sortSelect = el('select', { id: sortId, className: 'kb-browser__sort' });
    this.sortSelect.addEventListener('change', () => {
      this.state.sort = this.sortSelect.value;
      this.changed(true);
    });
    this.count = el('p', { className: 'kb-browser__count', 'aria-live': 'polite' });
    const toolbar = el('div', { className: 'kb-browser__toolbar' }, this.count,
      el('div', { className: 'kb-browser__sort-field' },
        el('label', { for: sortId }, 'Сортировка'), this.sortSelect));

    this.groups = buildGroups(this.facets, counts, (key) => this.selectedIn(key),
      (key, value, on) => this.toggle(key, value, on));
    this.reset = el('button', { type: 'button', className: 'kb-browser__reset' },
      'Сбросить фильтры');
    this.reset.addEventListener('click', () => {
      this.state.selected.clear();
      this.groups.forEach((g) => g.values.forEach((v) => { v.input.checked = false; }));
      this.changed(true);
    });
    // On narrow screens (see kb.css) the panel folds behind a «Фильтры» button that opens
    // it as a drawer (kb-drawer.js) with «Показать N практик»; on wider ones the button is
    // not shown.
    const bodyId = nextId('kb-filters');
    const listId = nextId('kb-results');
    this.filterToggle = el('button', { type: 'button', className: 'kb-filters__toggle',
      'aria-expanded': 'false', 'aria-haspopup': 'dialog', 'data-kb-drawer-toggle': '' },
    'Фильтры');
    this.panel = el('div', { className: 'kb-filters kb-filters--closed', 'data-kb-drawer': '',
      'data-kb-drawer-results': listId }, this.filterToggle,
    el('div', { className: 'kb-filters__body', id: bodyId, 'data-kb-drawer-body': '' },
      ...this.groups.map((g) => g.fieldset), this.reset));

    this.list = el('ol', { id: listId, className: 'kb-browser__list' });
    this.empty = el('p', { className: 'kb-browser__empty', hidden: true },
      'Ничего не найдено. Измените запрос или сбросьте фильтры.');
    this.suggest = el('div', { className: 'kb-browser__suggest', hidden: true });
    this.notice = el('p', { className: 'kb-browser__spelling', hidden: true });
    const topics = counts.topic || {};
    this.popularTopics = Object.keys(topics).filter((t) => topics[t] > 0)
      .sort((a, b) => topics[b] - topics[a] || a.localeCompare(b, 'ru'))
      .slice(0, POPULAR_TOPICS);
    this.more = el('button', { type: 'button', className: 'kb-browser__more', hidden: true,
      'aria-controls': listId }, 'Показать ещё');
    this.more.addEventListener('click', () => this.showMore(true));
    this.region = el('section', { className: 'kb-browser__results', 'aria-label': 'Результаты',
      'aria-busy': 'true' }, this.notice, this.list, this.empty, this.suggest, this.more);

    this.root.append(form, el('div', { className: 'kb-browser__layout' },
      this.panel, el('div', { className: 'kb-browser__main' }, toolbar, this.region)));
  }

  updateSortOptions() {
    const hasQuery = Boolean(this.state.q.trim());
    const keys = Object.keys(SORTS)
      .filter((k) => (hasQuery || k !== 'relevance') && this.sortAllowed(k));
    const current = Array.from(this.sortSelect.options, (o) => o.value);
    if (current.join() !== keys.join()) {
      this.sortSelect.replaceChildren(...keys.map((k) => el('option', { value: k },
        SORTS[k].label)));
    }
    this.sortSelect.value = this.sortKey();
  }

  // ---------------------------------------------------------------- events

  toggle(key, value, on) {
    const values = this.state.selected.get(key) || new Set();
    if (on) values.add(value); else values.delete(value);
    if (values.size) this.state.selected.set(key, values); else this.state.selected.delete(key);
    this.changed(true);
  }

  /** Something in the form changed: search now, or after a pause in typing. */
  changed(now) {
    this.region.setAttribute('aria-busy', 'true');
    window.clearTimeout(this.typingTimer);
    if (this.input.value !== this.state.q) this.state.asTyped = false;
    this.state.q = this.input.value;
    if (now) {
      this.writeUrl();
      this.search();
    } else {
      this.typingTimer = window.setTimeout(() => { this.writeUrl(); this.search(); },
        TYPING_DELAY);
    }
  }

  // ---------------------------------------------------------------- searching

  async search() {
    const generation = ++this.generation;
    this.region.setAttribute('aria-busy', 'true');
    const sort = SORTS[this.sortKey()].pagefind;
    try {
      const plan = await this.planner.plan(this.state.q, this.state.asTyped);
      if (generation !== this.generation) return;
      this.lastPlan = plan;
      const term = plan.term;
      if (term === undefined) {                      // a word no page has: nothing to show
        this.results = [];
        this.shown = 0;
        this.updateSortOptions();
        this.updatePanel({});
        await this.showMore(false, generation);
        return;
      }
      // Counts next to a value mean «what adding this value would give»: for a group with
      // a selection they come from a search without that group's own filter.
      const selectedGroups = this.groups.filter((g) => this.selectedIn(g.key).length);
      const [main, ...others] = await Promise.all([
        this.pagefind.search(term, { filters: this.filtersWithout(null), sort }),
        ...selectedGroups.map((g) => this.pagefind.search(term,
          { filters: this.filtersWithout(g.key) })),
      ]);
      if (generation !== this.generation) return;
      const counts = { ...(main.filters || {}) };
      selectedGroups.forEach((g, i) => { counts[g.key] = (others[i].filters || {})[g.key]; });
      this.results = main.results;
      this.shown = 0;
      this.updateSortOptions();
      this.updatePanel(counts);
      await this.showMore(false, generation);
    } catch (error) {
      if (generation !== this.generation) return;
      if (window.console) console.warn('kb-search: search failed', error);
      this.count.textContent = 'Поиск временно недоступен. Попробуйте ещё раз.';
      this.region.setAttribute('aria-busy', 'false');
    }
  }

  /** The link that searches the words as typed: a real address, handled in place. */
  asTypedLink(original) {
    const params = new URLSearchParams(window.location.search);
    params.set('q', original);
    params.set('spell', '0');
    const link = el('a', { href: `?${params}` }, original);
    link.addEventListener('click', (event) => {
      event.preventDefault();
      this.input.value = original;
      this.state.q = original;
      this.state.asTyped = true;
      this.changed(true);
    });
    return link;
  }

  showNotice(plan) {
    if (!plan || !plan.corrected) {
      this.notice.hidden = true;
      this.notice.replaceChildren();
      return;
    }
    this.notice.replaceChildren('Показаны результаты для «', el('strong', {}, plan.corrected),
      '». Искать «', this.asTypedLink(plan.original), '»?');
    this.notice.hidden = false;
  }

  /** The empty state of a search: where to go from nothing. */
  showSuggestions(show) {
    this.suggest.replaceChildren();
    this.suggest.hidden = !show;
    if (!show) return;
    const link = (key, value) => {
      const params = new URLSearchParams();
      params.set(key, value);
      return el('li', {}, el('a', { href: `?${params}` }, value));
    };
    const plan = this.lastPlan || {};
    if (plan.unknown) {
      this.suggest.append(el('p', {}, `Слов из запроса «${plan.original}» нет ни в одном `
        + 'материале, и похожих на них тоже. Проверьте написание или попробуйте другие слова.'));
    }
    if (this.popularTopics.length) {
      this.suggest.append(el('p', {}, 'Популярные темы:'),
        el('ul', { className: 'kb-browser__suggest-list' },
          ...this.popularTopics.map((t) => link('topic', t))));
    }
    const words = this.planner.suggestions;
    if (words.length) {
      this.suggest.append(el('p', {}, 'Часто ищут:'),
        el('ul', { className: 'kb-browser__suggest-list' }, ...words.map((w) => link('q', w))));
    }
  }

  updatePanel(counts) {
    const active = updateCounts(this.groups, counts);
    this.filterToggle.textContent = active ? `Фильтры (выбрано: ${active})` : 'Фильтры';
  }

  /** Render the next page of results; `focus` moves focus to the first new one. */
  async showMore(focus, generation = this.generation) {
    this.region.setAttribute('aria-busy', 'true');
    const slice = this.results.slice(this.shown, this.shown + this.pageSize);
    let pages;
    try {
      pages = await Promise.all(slice.map((r) => r.data()));
    } catch (error) {
      if (generation === this.generation) this.fail(error);
      return;
    }
    if (generation !== this.generation) return;
    const hasQuery = Boolean(this.state.q.trim());
    const items = pages.map((page) => renderResult(page, hasQuery, this.fixedType));
    if (this.shown === 0) this.list.replaceChildren();
    this.list.append(...items);
    this.shown += slice.length;
    const total = this.results.length;
    const message = `Найдено: ${total} ${plural(total, ...this.noun)}`;
    if (this.count.textContent !== message) this.count.textContent = message;
    const shown = this.fixedType === 'практика' ? ['практику', 'практики', 'практик'] : this.noun;
    this.panel.setAttribute('data-kb-drawer-show', total
      ? `Показать ${total} ${plural(total, ...shown)}` : 'Ничего не найдено');
    this.empty.hidden = total > 0;
    this.showNotice(this.lastPlan);
    this.showSuggestions(total === 0 && hasQuery);
    this.more.hidden = this.shown >= total;
    this.region.setAttribute('aria-busy', 'false');
    if (focus && items.length) items[0].querySelector('a').focus();
  }

}

if (document.readyState === 'loading') {
  document.addEventListener('DOMContentLoaded', start, { once: true });
} else {
  start();
}
