/* kb-low-vision.js: the low-vision version («версия для слабовидящих») of every page.
 *
 * Loaded as a classic script in <head>, so it runs before the body is drawn: it reads the
 * visitor's settings from localStorage and sets each as a `data-kb-lv-<key>` attribute on
 * <html> (data-kb-lv-font="3", data-kb-lv-scheme="wb", …); kb-low-vision.css does the rest.
 * Nothing flashes in the normal look first, and the settings follow the visitor from page
 * to page. The panel itself opens only when asked: its state is never stored, so every
 * page starts with it closed.
 *
 * Once the page is parsed it wires the header button «Версия для слабовидящих» and the
 * settings panel (one radio group per setting, declared in build_tools/pages/low_vision.py): a
 * change applies at once and is stored; «Обычная версия» forgets everything. It also puts
 * the text alternative of every content image next to it, shown when images are off.
 *
 * No inline script or style attribute anywhere (the site runs under a strict
 * Content-Security-Policy), no requests, no dependencies.
 */
(function () {
  'use strict';

  const STORAGE_KEY = 'kb-low-vision';
  const PREFIX = 'data-kb-lv-';
  const TOKEN = /^[a-z0-9-]{1,20}$/;  // keys and values that may become attributes
  const root = document.documentElement;

  // ------------------------------------------------------------------ settings

  function load() {
    try {
      const stored = JSON.parse(window.localStorage.getItem(STORAGE_KEY) || '{}');
      return stored && typeof stored === 'object' && !Array.isArray(stored) ? stored : {};
    } catch (error) {
      return {};  // storage disabled or a damaged value: the normal version
    }
  }

  function save(settings) {
    try {
      if (Object.keys(settings).length) {
        window.localStorage.setItem(STORAGE_KEY, JSON.stringify(settings));
      } else {
        window.localStorage.removeItem(STORAGE_KEY);
      }
    } catch (error) {
      // Without storage the choice still holds on this page.
    }
  }

  /** The attribute that shows the panel: set by the button on this page only, never stored. */
  const PANEL = PREFIX + 'panel';

  /** Mirror `settings` as attributes on <html>: only those, nothing left from before (the
   *  panel's own attribute aside). */
  function apply(settings) {
    for (const attribute of Array.from(root.attributes)) {
      if (attribute.name.startsWith(PREFIX) && attribute.name !== PANEL) {
        root.removeAttribute(attribute.name);
      }
    }
    for (const [key, value] of Object.entries(settings)) {
      if (PREFIX + key === PANEL) continue;
      if (TOKEN.test(key) && typeof value === 'string' && TOKEN.test(value)) {
        root.setAttribute(PREFIX + key, value);
      }
    }
  }

  let settings = load();
  // The panel opens only when asked: an older visit may have stored it as open.
  delete settings.panel;
  apply(settings);
  // The header button works only with this script; CSS shows it when this class is set.
  root.classList.add('kb-lv-js');

  // ------------------------------------------------------------------ the panel

  function update(change) {
    const next = Object.assign({}, settings, change);
    for (const key of Object.keys(next)) {
      if (!next[key]) delete next[key];
    }
    settings = next;
    save(settings);
    apply(settings);
  }

  function wire() {
    const button = document.querySelector('.kb-lv-toggle');
    const panel = document.getElementById('kb-lv-panel');
    if (!button || !panel) return;
    const form = panel.querySelector('form');

    function showChoices() {
      for (const input of form.querySelectorAll('input[type=radio]')) {
        input.checked = (settings[input.name] || '') === input.value;
      }
    }

    // Whether the panel is open belongs to this page only: it is an attribute like the
    // settings (the CSS reads it), but never stored, so the next page starts closed.
    let open = false;
    function setOpen(value, focusButton) {
      open = value;
      if (open) root.setAttribute(PANEL, 'open');
      else root.removeAttribute(PANEL);
      button.setAttribute('aria-expanded', String(open));
      if (focusButton) button.focus();
    }

    showChoices();
    button.setAttribute('aria-expanded', 'false');
    button.addEventListener('click', () => setOpen(!open, false));
    form.addEventListener('change', (event) => {
      const input = event.target;
      if (input.type === 'radio' && TOKEN.test(input.name)) update({ [input.name]: input.value });
    });
    form.addEventListener('submit', (event) => event.preventDefault());
    panel.querySelector('.kb-lv-reset').addEventListener('click', () => {
      settings = {};
      save(settings);
      apply(settings);
      showChoices();
      setOpen(false, true);
    });
    panel.querySelector('.kb-lv-close').addEventListener('click', () => setOpen(false, true));
    panel.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') setOpen(false, true);
    });
  }

  // ------------------------------------------------------------------ images off

  /** The accessible name of an <img> or of an element with role="img" (an SVG, or a chart
   *  whose words are HTML around its plot), or '' for a decorative one. */
  function textAlternative(image) {
    if (image.localName === 'img') return (image.getAttribute('alt') || '').trim();
    const label = image.getAttribute('aria-label');
    if (label) return label.trim();
    const ids = (image.getAttribute('aria-labelledby') || '').split(/\s+/).filter(Boolean);
    const named = ids.map((id) => document.getElementById(id)).filter(Boolean);
    if (named.length) return named.map((e) => e.textContent.trim()).join(' ');
    const title = image.querySelector('title');
    return title ? title.textContent.trim() : '';
  }

  /** A hidden description after each content image; CSS shows it when images are off. */
  function describeImages() {
    const images = document.querySelectorAll('.md-content img, .md-content [role="img"]');
    for (const image of images) {
      const text = textAlternative(image);
      if (!text || (image.nextElementSibling &&
                    image.nextElementSibling.classList.contains('kb-lv-alt'))) continue;
      const note = document.createElement('span');
      note.className = 'kb-lv-alt';
      note.textContent = 'Изображение: ' + text;
      image.after(note);
    }
  }

  function init() {
    wire();
    describeImages();
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
})();
