/* kb-spelling.js: the closest known word for a query word that is not in the search index.
 *
 * An ES module that kb-search.js imports only when Pagefind says a query word is not indexed
 * (so a query of known words loads neither this file nor the dictionary). The dictionary is
 * pagefind/kb-spelling.json, written by build_tools/search/spelling.py from the indexed pages:
 * {"version": 1, "words": "наставник:3 наставничество:12 …", "suggestions": ["ОВЗ", …]}.
 *
 * A correction is a known word at Damerau–Levenshtein distance ≤ 2 (≤ 1 for words of four
 * letters, where two edits turn anything into anything; none for shorter ones), the nearest
 * first, then the most frequent; ё is read as е; a word typed in the Latin layout by mistake
 * («yfcnfdybxtcndj») is read in the Russian one first. A known word, or the beginning of one
 * («настав» while typing), is never corrected.
 */

export const MAX_DISTANCE = 2;
export const SHORT_WORD = 4;
export const MIN_CORRECTED = 4;  // shorter words are corrected only when typed in the Latin layout

const LATIN = "qwertyuiop[]asdfghjkl;'zxcvbnm,.`";
const CYRILLIC = 'йцукенгшщзхъфывапролджэячсмитьбюё';
const LAYOUT = new Map(Array.from(LATIN, (ch, i) => [ch, CYRILLIC[i]]));

/** A word as the dictionary holds it: lower case, ё as е. */
export function normalizeWord(word) {
  return word.toLowerCase().replace(/ё/g, 'е');
}

/** The word as it would have come out in the Russian layout, or null if it is not a Latin
 * keyboard sequence at all (then it is no layout slip). */
export function fromLatinLayout(word) {
  const lower = word.toLowerCase();
  if (!/[a-z]/.test(lower)) return null;
  let out = '';
  for (const ch of lower) {
    const mapped = LAYOUT.get(ch);
    if (mapped === undefined) return null;
    out += mapped;
  }
  return normalizeWord(out);
}

/** Damerau–Levenshtein distance (optimal string alignment) of a and b; any value above
 * `max` is returned as max + 1, and long differences are not computed at all. */
export function distance(a, b, max = MAX_DISTANCE) {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let before = null;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (before && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, before[j - 2] + 1);
      }
      current.push(value);
      if (value < best) best = value;
    }
    if (best > max) return max + 1;        // no alignment can come back under the limit
    before = previous;
    previous = current;
  }
  return Math.min(previous[b.length], max + 1);
}

export class SpellingDictionary {
  /** `data` is the parsed kb-spelling.json. */
  constructor(data) {
    this.frequency = new Map();
    for (const item of (data.words || '').split(' ')) {
      if (!item) continue;
      const colon = item.lastIndexOf(':');
      const word = colon > 0 ? item.slice(0, colon) : item;
      this.frequency.set(word, colon > 0 ? Number(item.slice(colon + 1)) || 1 : 1);
    }
    this.words = Array.from(this.frequency.keys()).sort();
    this.suggestions = Array.isArray(data.suggestions) ? data.suggestions : [];
  }

  has(word) {
    return this.frequency.has(normalizeWord(word));
  }

  /** Whether some known word starts with `prefix` (the word itself included). */
  hasPrefix(prefix) {
    const p = normalizeWord(prefix);
    let low = 0;
    let high = this.words.length;
    while (low < high) {                     // the first word not before p
      const middle = (low + high) >> 1;
      if (this.words[middle] < p) low = middle + 1; else high = middle;
    }
    return low < this.words.length && this.words[low].startsWith(p);
  }

  /** The known word meant by `word`, or null: null too when `word` needs no correction. */
  correct(word) {
    const typed = normalizeWord(word);
    if (!typed || this.hasPrefix(typed)) return null;
    const candidates = [];
    const layout = fromLatinLayout(word);
    if (layout && layout !== typed) {
      if (this.frequency.has(layout)) return layout;
      if (layout.length >= MIN_CORRECTED) candidates.push(this.nearest(layout, 0.5));
    }
    if (typed.length >= MIN_CORRECTED) candidates.push(this.nearest(typed, 0));
    const found = candidates.filter(Boolean).sort((x, y) => x.cost - y.cost
      || y.frequency - x.frequency || (x.word < y.word ? -1 : 1));
    return found.length ? found[0].word : null;
  }

  /** The best known word within reach of `typed`; `penalty` is added to its cost. */
  nearest(typed, penalty) {
    const max = typed.length <= SHORT_WORD ? 1 : MAX_DISTANCE;
    let best = null;
    for (const [word, frequency] of this.frequency) {
      if (word.length < 2 || Math.abs(word.length - typed.length) > max) continue;
      const d = distance(typed, word, max);
      if (d > max) continue;
      // A typo in the first letter is rarer than one inside the word; frequency breaks ties.
      const cost = d + penalty + (word[0] === typed[0] ? 0 : 0.5);
      if (!best || cost < best.cost || (cost === best.cost && (frequency > best.frequency
          || (frequency === best.frequency && word < best.word)))) {
        best = { word, cost, frequency };
      }
    }
    return best;
  }
}

/** Fetch and parse the dictionary beside the Pagefind bundle. */
export async function loadDictionary(bundleUrl) {
  const response = await fetch(new URL('kb-spelling.json', bundleUrl).href,
    { credentials: 'same-origin' });
  if (!response.ok) throw new Error(`kb-spelling.json: HTTP ${response.status}`);
  return new SpellingDictionary(await response.json());
}
