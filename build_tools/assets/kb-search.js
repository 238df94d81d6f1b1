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
 * Added as a classic script to the pages with #kb-browser (pages/page_scripts.py); it does
 * nothing without one and runs only once even if the page includes it twice. No dependencies, no requests
 * other than the site's own Pagefind bundle, the spelling dictionary beside it and
 * assets/kb-spelling.js.
 *
 * Words Pagefind does not know (see `plan`): Pagefind would shorten such a word to the
 * longest indexed word it starts with («инвалидность» → «и») and return junk. So every query
 * word is first checked with an exact Pagefind search, which costs no download (the index
 * chunk is the one the query loads anyway). Only when a word is not indexed is the spelling
 * dictionary fetched: the word is then the beginning of a known word being typed (searched as
 * it is), a typo or layout slip (the correction is searched and a line says so, with a link
 * that searches the words as typed), or unknown (nothing is searched: the empty state offers
 * popular topics and words that find something).
 */
(function () {
  'use strict';

  if (window.kbSearchLoaded) return;
  window.kbSearchLoaded = true;

  const SHORT_WORD = 3;           // a known word this short alone is searched whole («РАС»)
  const POPULAR_TOPICS = 6;      // topics the empty state offers
  const TYPING_DELAY = 250;      // ms of quiet typing before searching and updating the URL
  const VISIBLE_VALUES = 8;      // longer facet groups are collapsed behind «Показать все (N)»

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

  // ------------------------------------------------------------------ Russian text

  /** The Russian plural form for n: plural(5, 'практика', 'практики', 'практик'). */
  function plural(n, one, few, many) {
    const tens = n % 100;
    const units = n % 10;
    if (units === 1 && tens !== 11) return one;
    if (units >= 2 && units <= 4 && (tens < 12 || tens > 14)) return few;
    return many;
  }

  /* Query normalisation for Russian word forms.
   *
   * Pagefind (force_language=ru) stems each query word and matches it as a prefix of the
   * indexed words, but its stems differ between forms of one word: «командой» finds 4 pages,
   * «команд» 14; «учебной» 5, «учебн» 18. So each all-Cyrillic word of 6+ letters loses one
   * final inflection (the first of ENDINGS it ends with, longest first), when at least
   * MIN_STEM letters remain; a stem ending in «нн» drops one «н» (Pagefind's stemmer does the
   * same: «постоянного» → «постоян» also finds «постоянной»). Verb forms ending in -ся, -сь,
   * -ть are left alone: «учится» → «учитс» lost pages, because Pagefind then falls back to a
   * shorter prefix. ё is written as е (Pagefind folds diacritics the same way).
   *
   * Measured on the sample content (every content word of 6+ letters, ~2,500 queries, a hit
   * counted as relevant when a highlighted word shares the query's first 4 letters): relevant
   * hits 10,362 → 10,821 (+4.4 %), irrelevant hits 1,049 → 1,035, and no query lost a relevant
   * page. With MIN_STEM = 5 relevant hits rose by 6 % but irrelevant ones by 14 %: over-short
   * stems such as «прийт», «событ», «замен» make Pagefind fall back to «при», «соб», «зам».
   * «стажировки» → «стажировк» finds the practice that says only
   * «стажировочная площадка» (so does the plain word, thanks to the synonyms the index adds);
   * «музей» has 5 letters and is sent as typed. A query in "quotes" is sent unchanged.
   */
  const ENDINGS = ['ами', 'ями', 'ого', 'его', 'ому', 'ему', 'ыми', 'ими',
    'ах', 'ях', 'ов', 'ев', 'ая', 'яя', 'ое', 'ее', 'ые', 'ие', 'ый', 'ий', 'ой', 'ей',
    'ую', 'юю', 'ия', 'ья', 'а', 'я', 'ы', 'и', 'е', 'о', 'у', 'ю', 'ь', 'й'];
  const MIN_STEM = 6;

  function normaliseWord(word) {
    const lower = word.toLowerCase().replace(/ё/g, 'е');
    if (!/^[а-я]+$/.test(lower)) return word;          // Latin, digits, hyphenated words
    if (lower.length < 6 || /(?:ся|сь|ть)$/.test(lower)) return lower;
    const ending = ENDINGS.find((e) => lower.endsWith(e));
    if (!ending || lower.length - ending.length < MIN_STEM) return lower;
    let stem = lower.slice(0, -ending.length);
    if (stem.endsWith('нн') && stem.length > MIN_STEM) stem = stem.slice(0, -1);
    return stem;
  }

  /** The punctuation around a word and the word: «(музей),» → ['(', 'музей', '),']. */
  function splitToken(token) {
    const m = token.match(/^([^\p{L}\p{N}]*)(.*?)([^\p{L}\p{N}]*)$/u);
    return { lead: m[1], word: m[2], tail: m[3] };
  }

  /** A word whose spelling can be checked: letters only (numbers, codes and hyphenated
   * words are searched as typed). */
  function checkable(word) {
    return /^\p{L}{2,}$/u.test(word);
  }

  const lowerWord = (word) => word.toLowerCase().replace(/ё/g, 'е');

  /** What to send to Pagefind for the user's query: null (browse) when there is none. */
  function pagefindTerm(query) {
    const text = query.trim();
    if (!text) return null;
    if (/^".+"$/.test(text)) return text;                // Pagefind's exact-phrase search
    return text.split(/\s+/).map((token) => {
      // Keep punctuation around a word («ОВЗ,» or «(музей)»), normalise the word itself.
      const t = splitToken(token);
      return t.lead + normaliseWord(t.word) + t.tail;
    }).join(' ');
  }

  // ------------------------------------------------------------------ DOM helpers

  /** createElement with properties/attributes and children (strings become text). */
  function el(tag, props, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(props || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (name === 'className' || name === 'textContent' || name === 'hidden' || name === 'value'
          || name === 'checked' || name === 'disabled' || name === 'open') node[name] = value;
      else node.setAttribute(name, value === true ? '' : String(value));
    }
    node.append(...children.filter((c) => c !== null && c !== undefined));
    return node;
  }

  /** Pagefind's excerpt as nodes: its text, escaped by Pagefind, plus its <mark> elements.
   * Anything else that might be in it becomes plain text, never markup. */
  function excerptNodes(html) {
    const template = document.createElement('template');
    template.innerHTML = html;                           // inert: nothing runs or loads
    return Array.from(template.content.childNodes, (node) => (
      node.nodeName === 'MARK' ? el('mark', {}, node.textContent)
        : document.createTextNode(node.textContent)));
  }

  /** Five locks, the first `count` filled, as the practice's page draws them. */
  function lockIcons(count, max) {
    const svg = 'http://www.w3.org/2000/svg';
    const icons = el('span', { className: 'kb-locks__icons' });
    for (let i = 0; i < max; i += 1) {
      const icon = document.createElementNS(svg, 'svg');
      icon.setAttribute('class', i < count ? 'kb-lock kb-lock--on' : 'kb-lock');
      icon.setAttribute('viewBox', '0 0 12 14');
      icon.setAttribute('width', '12');
      icon.setAttribute('height', '14');
      icon.setAttribute('aria-hidden', 'true');
      icon.setAttribute('focusable', 'false');
      const shackle = document.createElementNS(svg, 'path');
      shackle.setAttribute('d', 'M3.5 6V4.2a2.5 2.5 0 0 1 5 0V6');
      shackle.setAttribute('fill', 'none');
      shackle.setAttribute('stroke', 'currentColor');
      shackle.setAttribute('stroke-width', '1.4');
      const body = document.createElementNS(svg, 'rect');
      [['x', '1.5'], ['y', '6'], ['width', '9'], ['height', '7'], ['rx', '1.2'],
        ['stroke', 'currentColor'], ['stroke-width', '1.2']]
        .forEach(([name, value]) => body.setAttribute(name, value));
      icon.append(shackle, body);
      icons.append(icon);
    }
    return icons;
  }

  /** A practice's first facts (school, district, levels, locks, cost, date), as its card in
   * the static lists shows them; every value goes in as text. */
  function practiceFacts(meta, kind) {
    const locks = parseInt(meta.locks, 10) || 0;
    const max = parseInt(meta.locks_max, 10) || 5;
    const parts = [
      kind,
      [meta.source, meta.district].filter(Boolean).join(', '),
      meta.levels,
    ].filter(Boolean).map((text) => el('span', {}, text));
    parts.push(el('span', { className: 'kb-result__evidence' }, 'сила доказательств ',
      lockIcons(locks, max), ` ${locks} из ${max}`));
    if (meta.cost) parts.push(el('span', {}, `затраты: ${meta.cost}`));
    if (meta.date_label) parts.push(el('span', {}, meta.date_label));
    return el('p', { className: 'kb-result__facts' }, ...parts);
  }

  let uid = 0;
  const nextId = (prefix) => `${prefix}-${++uid}`;

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
      this.indexed = new Map();  // lower-case word → Promise<bool>: is it in the index?
      this.dictionary = null;    // Promise of the spelling dictionary, fetched on first need
      this.popularTopics = [];
      this.loadedDictionary = null;
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

      this.buildGroups(counts);
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

    /** One fieldset per facet that has values; values by count (then alphabet) in the whole
     * bank. That order is kept while filtering so that boxes do not jump under the pointer. */
    buildGroups(counts) {
      for (const facet of this.facets) {
        const known = counts[facet.key] || {};
        const names = Object.keys(known).filter((v) => known[v] > 0);
        for (const value of this.selectedIn(facet.key)) {
          if (!names.includes(value)) names.push(value);  // unknown value from a link: untickable
        }
        if (!names.length) continue;
        names.sort((a, b) => (known[b] || 0) - (known[a] || 0) || a.localeCompare(b, 'ru'));
        const group = { key: facet.key, label: facet.label, expanded: false, values: [] };
        const list = el('ul', { className: 'kb-facet__values' });
        for (const value of names) {
          const input = el('input', { type: 'checkbox', value, id: nextId('kb-f'),
            checked: this.selectedIn(facet.key).includes(value) });
          input.addEventListener('change', () => this.toggle(facet.key, value, input.checked));
          const count = el('span', { className: 'kb-facet__count' });
          const item = el('li', {}, el('label', { className: 'kb-facet__option', for: input.id },
            input, el('span', { className: 'kb-facet__label' }, value), count));
          list.append(item);
          group.values.push({ value, input, item, count });
        }
        group.fieldset = el('fieldset', { className: 'kb-facet', 'data-facet': facet.key },
          el('legend', {}, facet.label), list);
        if (names.length > VISIBLE_VALUES) {
          group.toggle = el('button', { type: 'button', className: 'kb-facet__more',
            'aria-expanded': 'false' });
          group.toggle.addEventListener('click', () => {
            group.expanded = !group.expanded;
            this.applyCollapse(group);
          });
          group.fieldset.append(group.toggle);
        }
        this.applyCollapse(group);
        this.groups.push(group);
      }
    }

    applyCollapse(group) {
      group.values.forEach((v, i) => {
        v.item.hidden = !group.expanded && i >= VISIBLE_VALUES && !v.input.checked;
      });
      if (group.toggle) {
        group.toggle.textContent = group.expanded ? 'Свернуть' : `Показать все (${group.values.length})`;
        group.toggle.setAttribute('aria-expanded', String(group.expanded));
      }
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
        const plan = await this.plan(this.state.q);
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

    /** What to search for the query: {term} (null: browse; undefined: nothing), with
     * {corrected, original} when a correction is searched instead of the words typed. */
    async plan(query) {
      const text = query.trim();
      if (!text || /^".+"$/.test(text)) return { term: pagefindTerm(query) };
      const tokens = text.split(/\s+/).map(splitToken);
      const known = await Promise.all(tokens.map((t) => (
        checkable(t.word) ? this.isIndexed(t.word) : true)));
      if (known.every(Boolean)) {
        const only = tokens.length === 1 ? lowerWord(tokens[0].word) : '';
        // Alone, a short word is searched whole: «РАС» as a prefix finds «расписание».
        if (only && checkable(only) && only.length <= SHORT_WORD) return { term: `"${only}"` };
        return { term: pagefindTerm(query) };
      }
      // Never let Pagefind shorten an unknown word: as typed means exactly as typed.
      if (this.state.asTyped) return { term: `"${text}"`, original: text };
      let dictionary;
      try {
        dictionary = await this.loadDictionary();
      } catch (error) {
        if (window.console) console.warn('kb-search: no spelling dictionary', error);
        return { term: `"${text}"`, original: text };
      }
      let changed = false;
      let lost = false;
      const words = tokens.map((t, i) => {
        if (known[i]) return t.lead + t.word + t.tail;
        const lower = lowerWord(t.word);
        if (lower.length > SHORT_WORD && dictionary.hasPrefix(lower)) {
          return t.lead + t.word + t.tail;             // the beginning of a word being typed
        }
        const fix = dictionary.correct(t.word);
        if (fix) changed = true; else lost = true;
        return t.lead + (fix || t.word) + t.tail;
      });
      if (lost) return { term: undefined, original: text, unknown: true };
      if (!changed) return { term: pagefindTerm(query) };
      const corrected = words.join(' ');
      return { term: pagefindTerm(corrected), corrected, original: text };
    }

    /** Whether Pagefind has `word` in its index: an exact search, answered from the index
     * chunk the query loads anyway. */
    isIndexed(word) {
      const key = lowerWord(word);
      if (!this.indexed.has(key)) {
        this.indexed.set(key, this.pagefind.search(`"${key}"`)
          .then((found) => found.results.length > 0, () => true));
      }
      return this.indexed.get(key);
    }

    loadDictionary() {
      if (!this.dictionary) {
        const module = new URL('assets/kb-spelling.js', this.rootUrl).href;
        this.dictionary = import(module).then((m) => m.loadDictionary(this.bundleUrl))
          .then((dictionary) => { this.loadedDictionary = dictionary; return dictionary; });
        this.dictionary.catch(() => { this.dictionary = null; });  // try again next time
      }
      return this.dictionary;
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
      const words = this.dictionaryWords();
      if (words.length) {
        this.suggest.append(el('p', {}, 'Часто ищут:'),
          el('ul', { className: 'kb-browser__suggest-list' }, ...words.map((w) => link('q', w))));
      }
    }

    dictionaryWords() {
      return this.loadedDictionary ? this.loadedDictionary.suggestions : [];
    }

    updatePanel(counts) {
      let active = 0;
      for (const group of this.groups) {
        const groupCounts = counts[group.key] || {};
        for (const v of group.values) {
          const n = groupCounts[v.value] || 0;
          v.count.textContent = String(n);
          v.input.disabled = n === 0 && !v.input.checked;
          v.item.classList.toggle('kb-facet__item--empty', n === 0);
          if (v.input.checked) active += 1;
        }
        this.applyCollapse(group);
      }
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
      const items = pages.map((page) => this.renderResult(page, hasQuery));
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

    /** One result. Title and metadata go in as text: front matter never becomes markup. */
    renderResult(page, hasQuery) {
      const meta = page.meta || {};
      // Inside the bank every result is a practice: its kind is not repeated on each card.
      const kind = this.fixedType ? '' : meta.kind;
      const practice = meta.locks !== undefined;
      const line = practice ? null : [kind, meta.source, meta.date_label, meta.standing]
        .filter(Boolean).join(' · ');
      // No <mark>: the page matched only through words search alone sees (search_text.py).
      const marked = /<mark>/.test(page.excerpt || '');
      const text = (hasQuery && marked) || !meta.summary ? excerptNodes(page.excerpt || '')
        : [meta.summary];
      return el('li', { className: 'kb-result' },
        el('h2', { className: 'kb-result__title' },
          el('a', { href: page.url }, meta.title || page.url)),
        practice && meta.recommended
          ? el('p', { className: 'kb-result__badge' }, meta.recommended) : null,
        practice ? practiceFacts(meta, kind) : null,
        line ? el('p', { className: 'kb-result__meta' }, line) : null,
        el('p', { className: 'kb-result__excerpt' }, ...text));
    }
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start, { once: true });
  } else {
    start();
  }
}());
