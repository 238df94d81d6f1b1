/* kb-search-plan.js: what the search browser (kb-search.js) sends to Pagefind for a query.
 *
 * Pagefind would shorten a word it does not know to the longest indexed word it starts with
 * («инвалидность» → «и») and return junk. So every query word is first checked with an exact
 * Pagefind search, which costs no download (the index chunk is the one the query loads
 * anyway). Only when a word is not indexed is the spelling dictionary fetched
 * (assets/kb-spelling.js, pagefind/kb-spelling.json): the word is then the beginning of a
 * known word being typed (searched as it is), a typo or layout slip (the correction is
 * searched, and the page says so), or unknown (nothing is searched).
 */

import { SHORT_WORD, checkable, lowerWord, pagefindTerm, splitToken } from './kb-search-text.js';

export class QueryPlanner {
  constructor(pagefind, rootUrl, bundleUrl) {
    this.pagefind = pagefind;
    this.rootUrl = rootUrl;
    this.bundleUrl = bundleUrl;
    this.indexed = new Map();  // lower-case word → Promise<bool>: is it in the index?
    this.dictionary = null;    // Promise of the spelling dictionary, fetched on first need
    this.loaded = null;        // the dictionary once it has arrived
  }

  /** Words the empty state offers (the synonym headwords the index has most of). */
  get suggestions() {
    return this.loaded ? this.loaded.suggestions : [];
  }

  /** What to search for the query: {term} (null: browse; undefined: nothing), with
   * {corrected, original} when a correction is searched instead of the words typed, and
   * {unknown} when no page has the words. `asTyped`: the reader asked for the words as typed. */
  async plan(query, asTyped) {
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
    if (asTyped) return { term: `"${text}"`, original: text };
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
        .then((dictionary) => { this.loaded = dictionary; return dictionary; });
      this.dictionary.catch(() => { this.dictionary = null; });  // try again next time
    }
    return this.dictionary;
  }
}
