/* kb-search-text.js: the words of a query as the search browser (kb-search.js) sends them to
 * Pagefind: Russian plurals for the counts, and the normalisation of Russian word forms.
 */

/** A known word this short, searched alone, is searched whole («РАС», not «расписание»). */
export const SHORT_WORD = 3;

/** The Russian plural form for n: plural(5, 'практика', 'практики', 'практик'). */
export function plural(n, one, few, many) {
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

export function normaliseWord(word) {
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
export function splitToken(token) {
  const m = token.match(/^([^\p{L}\p{N}]*)(.*?)([^\p{L}\p{N}]*)$/u);
  return { lead: m[1], word: m[2], tail: m[3] };
}

/** A word whose spelling can be checked: letters only (numbers, codes and hyphenated
 * words are searched as typed). */
export function checkable(word) {
  return /^\p{L}{2,}$/u.test(word);
}

export const lowerWord = (word) => word.toLowerCase().replace(/ё/g, 'е');

/** What to send to Pagefind for the user's query: null (browse) when there is none. */
export function pagefindTerm(query) {
  const text = query.trim();
  if (!text) return null;
  if (/^".+"$/.test(text)) return text;                // Pagefind's exact-phrase search
  return text.split(/\s+/).map((token) => {
    // Keep punctuation around a word («ОВЗ,» or «(музей)»), normalise the word itself.
    const t = splitToken(token);
    return t.lead + normaliseWord(t.word) + t.tail;
  }).join(' ');
}
