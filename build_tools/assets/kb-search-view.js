/* kb-search-view.js: the elements of the search browser (kb-search.js): a small createElement,
 * Pagefind's excerpt as text and <mark>, and one result as its card in the static lists shows
 * it. Every value from the index goes in as text, never as markup.
 */

/** createElement with properties/attributes and children (strings become text). */
export function el(tag, props, ...children) {
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
export function excerptNodes(html) {
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
export const nextId = (prefix) => `${prefix}-${++uid}`;

/** One result. Title and metadata go in as text: front matter never becomes markup. */
export function renderResult(page, hasQuery, fixedType) {
  const meta = page.meta || {};
  // Inside the bank every result is a practice: its kind is not repeated on each card.
  const kind = fixedType ? '' : meta.kind;
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
