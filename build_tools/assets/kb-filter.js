/* kb-filter.js: filters over lists the build already wrote into the page — the events calendar
 * by format, the internship sites by level, district and topic, the courses.
 *
 * A <form data-kb-filter="ID" hidden> holds <select name="X"> elements; the element #ID holds
 * items [data-kb-item] with data-kb-X="token token …" and groups [data-kb-group] (a month,
 * a list) that are hidden when none of their items is shown. The form stays hidden without
 * JavaScript, and then every item is shown. The choice lives in the address (?format=…), so a
 * copied link opens the same view; an element [data-kb-filter-empty] beside the list says when
 * nothing fits. Added to the pages that have such a form (pages/page_scripts.py).
 */
(function () {
  'use strict';

  if (window.kbFilterLoaded) return;
  window.kbFilterLoaded = true;

  function plural(n, one, few, many) {
    const tens = n % 100;
    const units = n % 10;
    if (tens >= 11 && tens <= 14) return many;
    if (units === 1) return one;
    if (units >= 2 && units <= 4) return few;
    return many;
  }

  function setUp(form) {
    const list = document.getElementById(form.getAttribute('data-kb-filter'));
    if (!list) return;
    const selects = Array.from(form.querySelectorAll('select'));
    const status = form.querySelector('[data-kb-filter-status]');
    const params = new URLSearchParams(window.location.search);
    selects.forEach(function (select) {
      const wanted = params.get(select.name);
      if (wanted && Array.from(select.options).some(function (o) { return o.value === wanted; })) {
        select.value = wanted;
      }
    });

    function apply() {
      const items = Array.from(list.querySelectorAll('[data-kb-item]'));
      let shown = 0;
      items.forEach(function (item) {
        const fits = selects.every(function (select) {
          if (!select.value) return true;
          const tokens = (item.getAttribute('data-kb-' + select.name) || '').split(' ');
          return tokens.indexOf(select.value) !== -1;
        });
        item.hidden = !fits;
        if (fits) shown += 1;
      });
      list.querySelectorAll('[data-kb-group]').forEach(function (group) {
        group.hidden = !group.querySelector('[data-kb-item]:not([hidden])');
      });
      const empty = list.parentNode.querySelector('[data-kb-filter-empty]');
      if (empty) empty.hidden = shown > 0;
      const filtered = selects.some(function (select) { return select.value; });
      if (status) {
        status.textContent = filtered
          ? 'Показано ' + shown + ' из ' + items.length + ' ' +
            plural(items.length, 'записи', 'записей', 'записей')
          : 'Показаны все записи';
      }
      // The drawer's button on a phone (kb-drawer.js): «Показать 3 записи».
      const noun = (form.getAttribute('data-kb-noun') || 'запись записи записей').split(' ');
      form.setAttribute('data-kb-drawer-show', shown
        ? 'Показать ' + shown + ' ' + plural(shown, noun[0], noun[1], noun[2])
        : 'Ничего не найдено');
      const address = new URL(window.location.href);
      selects.forEach(function (select) {
        if (select.value) address.searchParams.set(select.name, select.value);
        else address.searchParams.delete(select.name);
      });
      window.history.replaceState(null, '', address);
    }

    selects.forEach(function (select) { select.addEventListener('change', apply); });
    form.addEventListener('submit', function (event) { event.preventDefault(); });
    form.hidden = false;
    apply();
  }

  function start() {
    document.querySelectorAll('form[data-kb-filter]').forEach(setUp);
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
