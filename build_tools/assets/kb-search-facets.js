/* kb-search-facets.js: the filter panel of the search browser (kb-search.js): one fieldset per
 * facet, its values ordered by how many pages of the whole bank have them (an order kept while
 * filtering, so that boxes do not jump under the pointer), long groups folded behind «Показать
 * все (N)», and the counts that say what ticking a value would give.
 */

import { el, nextId } from './kb-search-view.js';

const VISIBLE_VALUES = 8;  // longer facet groups are collapsed behind «Показать все (N)»

/** The groups of `facets` that have values in `counts`; `selectedIn(key)` lists the values
 * ticked (from the address), `onToggle(key, value, on)` is called when a box changes. */
export function buildGroups(facets, counts, selectedIn, onToggle) {
  const groups = [];
  for (const facet of facets) {
    const known = counts[facet.key] || {};
    const names = Object.keys(known).filter((v) => known[v] > 0);
    for (const value of selectedIn(facet.key)) {
      if (!names.includes(value)) names.push(value);  // unknown value from a link: untickable
    }
    if (!names.length) continue;
    names.sort((a, b) => (known[b] || 0) - (known[a] || 0) || a.localeCompare(b, 'ru'));
    const group = { key: facet.key, label: facet.label, expanded: false, values: [] };
    const list = el('ul', { className: 'kb-facet__values' });
    for (const value of names) {
      const input = el('input', { type: 'checkbox', value, id: nextId('kb-f'),
        checked: selectedIn(facet.key).includes(value) });
      input.addEventListener('change', () => onToggle(facet.key, value, input.checked));
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
        applyCollapse(group);
      });
      group.fieldset.append(group.toggle);
    }
    applyCollapse(group);
    groups.push(group);
  }
  return groups;
}

export function applyCollapse(group) {
  group.values.forEach((v, i) => {
    v.item.hidden = !group.expanded && i >= VISIBLE_VALUES && !v.input.checked;
  });
  if (group.toggle) {
    group.toggle.textContent = group.expanded ? 'Свернуть' : `Показать все (${group.values.length})`;
    group.toggle.setAttribute('aria-expanded', String(group.expanded));
  }
}

/** Each value's count from a search; a value nothing would be found with is disabled unless
 * ticked. Returns how many values are ticked. */
export function updateCounts(groups, counts) {
  let active = 0;
  for (const group of groups) {
    const groupCounts = counts[group.key] || {};
    for (const v of group.values) {
      const n = groupCounts[v.value] || 0;
      v.count.textContent = String(n);
      v.input.disabled = n === 0 && !v.input.checked;
      v.item.classList.toggle('kb-facet__item--empty', n === 0);
      if (v.input.checked) active += 1;
    }
    applyCollapse(group);
  }
  return active;
}
