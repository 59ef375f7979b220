/**
 * The one did-you-mean helper. Callers pass only names of the right kind that are in scope
 * (operations of this agent, nodes of this cluster, …), never a global word list.
 *
 * A file can hold thousands of names and thousands of misspelt references to them: comparing each
 * reference with every name is quadratic (4,000 of each took 6 s). So the names are indexed once
 * (NameIndex). Every name one edit away (the usual typo) is found through the index of each name's
 * one-character deletions, as SymSpell does: a name and a word one insertion, deletion, substitution
 * or transposition apart share a deletion. Only when none is that close are names further away
 * looked for, among those of a length within the distance allowed (with the word's first letter
 * first), comparing at most MAX_COMPARED of them. The answer for a word is kept.
 * Callers with a handful of names pass them as they are.
 */

/** How many names one word is compared with at most: past this, a better match is unlikely to be worth the time. */
const MAX_COMPARED = 256;

/** Words and names longer than this are never suggested nor given a suggestion (a 1 MB name must cost nothing). */
const MAX_LENGTH = 128;

/** The largest distance a suggestion for `word` may have. */
function limitFor(word: string): number {
  return Math.max(1, Math.min(3, Math.floor(word.length / 3)));
}

export class NameIndex {
  private readonly byLower = new Map<string, string[]>();
  /** Names by each of their one-character deletions, and by themselves. */
  private readonly byDeletion = new Map<string, string[]>();
  /** Names by length, and by length and lower-case first letter (`7:w`). */
  private readonly byLength = new Map<string, string[]>();
  private readonly answers = new Map<string, string | undefined>();

  private names: Iterable<string> | undefined;

  /** The index is built at the first question: most checks of most files ask none. */
  constructor(names: Iterable<string>) {
    this.names = names;
  }

  private build(): void {
    if (this.names === undefined) return;
    const names = this.names;
    this.names = undefined;
    for (const name of new Set(names)) {
      if (name.length > MAX_LENGTH) continue;
      push(this.byLower, name.toLowerCase(), name);
      for (const d of new Set([name, ...deletions(name)])) push(this.byDeletion, d, name);
      push(this.byLength, `${name.length}`, name);
      push(this.byLength, `${name.length}:${name.charAt(0).toLowerCase()}`, name);
    }
  }

  didYouMean(word: string): string | undefined {
    if (this.answers.has(word)) return this.answers.get(word);
    this.build();
    const answer = this.search(word);
    this.answers.set(word, answer);
    return answer;
  }

  private search(word: string): string | undefined {
    if (word.length > MAX_LENGTH) return undefined;
    const sameLetters = this.byLower.get(word.toLowerCase())?.filter((n) => n !== word);
    if (sameLetters && sameLetters.length > 0) return sameLetters.reduce((a, b) => (b < a ? b : a));
    const limit = limitFor(word);
    const best = new Best(word, limit);
    for (const d of new Set([word, ...deletions(word)])) for (const name of this.byDeletion.get(d) ?? []) best.consider(name);
    if (best.name !== undefined && best.distance <= 1) return best.name;
    const lengths: number[] = [word.length];
    for (let d = 1; d <= limit; d++) lengths.push(word.length - d, word.length + d);
    const first = word.charAt(0).toLowerCase();
    let compared = 0;
    for (const key of [...lengths.map((n) => `${n}:${first}`), ...lengths.map((n) => `${n}`)]) {
      for (const name of this.byLength.get(key) ?? []) {
        if (compared >= MAX_COMPARED) return best.name;
        compared++;
        best.consider(name);
      }
    }
    return best.name;
  }
}

/** The strings `word` gives with one character (UTF-16 code unit) left out. */
function deletions(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}

function push(map: Map<string, string[]>, key: string, name: string): void {
  const list = map.get(key);
  if (list) list.push(name);
  else map.set(key, [name]);
}

/** The closest name so far: smallest distance, then first in code-unit order. */
class Best {
  name: string | undefined;
  distance: number;
  constructor(
    private readonly word: string,
    limit: number,
  ) {
    this.distance = limit + 1;
  }

  consider(name: string): void {
    if (name === this.word || name.length > MAX_LENGTH || this.word.length > MAX_LENGTH) return;
    const d = name.toLowerCase() === this.word.toLowerCase() ? 0 : distance(this.word, name, this.distance);
    if (d < this.distance || (d === this.distance && this.name !== undefined && name < this.name)) {
      this.name = name;
      this.distance = d;
    }
  }
}

export function didYouMean(word: string, candidates: Iterable<string> | NameIndex): string | undefined {
  if (candidates instanceof NameIndex) return candidates.didYouMean(word);
  const best = new Best(word, limitFor(word));
  for (const c of candidates) best.consider(c);
  return best.name;
}

/** A did-you-mean as help (before `more`) and as the fix that writes it in the misspelt word's place. */
export function misspelt(word: string, candidates: Iterable<string> | NameIndex, ...more: string[]): { help: string[]; fix?: { title: string; replacement: string } } {
  const s = didYouMean(word, candidates);
  return s === undefined ? { help: more } : { help: [`did you mean '${s}'?`, ...more], fix: { title: `replace with '${s}'`, replacement: s } };
}

/**
 * Optimal string alignment distance (Levenshtein plus adjacent transpositions: `mointor`), or a
 * number above `cutoff` as soon as it is sure to exceed it: every later entry comes from the last
 * row or, by a transposition (+1), the one before it, so when all of the last row exceeds the
 * cutoff and all of the one before reaches it, the distance does too.
 */
function distance(a: string, b: string, cutoff: number): number {
  if (Math.abs(a.length - b.length) > cutoff) return cutoff + 1;
  let before: number[] = [];
  let previous: number[] = Array.from({ length: b.length + 1 }, (_, j) => j);
  let previousLeast = 0;
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let least = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, before[j - 2]! + 1);
      row.push(v);
      if (v < least) least = v;
    }
    if (least > cutoff && previousLeast >= cutoff) return cutoff + 1;
    before = previous;
    previous = row;
    previousLeast = least;
  }
  return previous[b.length]!;
}
