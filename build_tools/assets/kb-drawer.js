/* kb-drawer.js: on a phone, a filter panel opens as a drawer over the page.
 *
 * A panel [data-kb-drawer] holds a «Фильтры» button [data-kb-drawer-toggle] and the filters
 * [data-kb-drawer-body]. Where the button is shown (kb.css and kb-layout.css show it on narrow
 * screens only), pressing it moves the filters into a modal <dialog> with «Закрыть» on top and a
 * sticky button at the bottom whose text the panel's owner keeps in data-kb-drawer-show
 * («Показать 5 практик»); that button closes the drawer and brings the results (the element
 * named by data-kb-drawer-results) to the top of the screen. On closing, the filters go back
 * where they were, so the owner's script keeps working on the same elements. The dialog keeps
 * keyboard focus inside, closes with Esc and returns focus to the button.
 */
(function () {
  'use strict';

  if (window.kbDrawerLoaded) return;
  window.kbDrawerLoaded = true;

  let uid = 0;

  function el(tag, props, children) {
    const node = document.createElement(tag);
    Object.keys(props).forEach(function (name) {
      if (name === 'className' || name === 'textContent' || name === 'type') node[name] = props[name];
      else node.setAttribute(name, props[name]);
    });
    (children || []).forEach(function (child) { node.append(child); });
    return node;
  }

  function showLabel(panel) {
    return panel.getAttribute('data-kb-drawer-show') || 'Показать результаты';
  }

  function open(panel, toggle) {
    const body = panel.querySelector('[data-kb-drawer-body]');
    if (!body || typeof HTMLDialogElement === 'undefined') return;
    const titleId = 'kb-drawer-title-' + (++uid);
    const close = el('button', { type: 'button', className: 'kb-drawer__close' }, ['Закрыть']);
    const show = el('button', { type: 'button', className: 'kb-drawer__show' }, [showLabel(panel)]);
    const content = el('div', { className: 'kb-drawer__content' });
    const dialog = el('dialog', { className: 'kb-drawer', 'aria-labelledby': titleId }, [
      el('div', { className: 'kb-drawer__head' }, [
        el('h2', { className: 'kb-drawer__title', id: titleId },
          [panel.getAttribute('data-kb-drawer-title') || 'Фильтры']),
        close]),
      content,
      el('div', { className: 'kb-drawer__foot' }, [show])]);
    const placeholder = document.createComment('kb-drawer');
    body.replaceWith(placeholder);
    content.append(body);
    // Beside the panel, so that the filters stay inside their browser's element; a modal
    // dialog is drawn in the top layer wherever it stands.
    panel.after(dialog);

    // The owner rewrites the label as the filters change: the button follows.
    const watch = new MutationObserver(function () { show.textContent = showLabel(panel); });
    watch.observe(panel, { attributes: true, attributeFilter: ['data-kb-drawer-show'] });

    let toResults = false;
    close.addEventListener('click', function () { dialog.close(); });
    show.addEventListener('click', function () { toResults = true; dialog.close(); });
    dialog.addEventListener('close', function () {
      watch.disconnect();
      placeholder.replaceWith(body);
      dialog.remove();
      document.documentElement.classList.remove('kb-drawer-open');
      toggle.setAttribute('aria-expanded', 'false');
      if (toResults) bringResults(panel);
    });
    document.documentElement.classList.add('kb-drawer-open');
    toggle.setAttribute('aria-expanded', 'true');
    dialog.showModal();
  }

  function bringResults(panel) {
    const target = document.getElementById(panel.getAttribute('data-kb-drawer-results') || '');
    if (!target) return;
    target.scrollIntoView({ block: 'start' });
    const first = target.querySelector('a[href]:not([hidden])');
    if (first) first.focus({ preventScroll: true });
  }

  function start() {
    document.querySelectorAll('[data-kb-drawer]').forEach(function (panel) {
      panel.classList.add('kb-drawer-ready');
    });
  }

  document.addEventListener('click', function (event) {
    const toggle = event.target.closest && event.target.closest('[data-kb-drawer-toggle]');
    const panel = toggle && toggle.closest('[data-kb-drawer]');
    if (!panel) return;
    event.preventDefault();
    panel.classList.add('kb-drawer-ready');
    open(panel, toggle);
  });

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
