/**
 * A person's name that the masking found in one value (`"name": "Anna
 * Schmidt"`, `Name: Anna Schmidt`, `Dear Anna Schmidt,`) is that person's
 * wherever else the value writes it: in a record's free text (Stripe's
 * `"description": "Anna Schmidt (VIP)"`, a ticket's `Notes: called Anna
 * Schmidt back`), which no reader takes for a name. The masker notes each
 * name it masks (`note`) and, once the value is masked, replaces the
 * names' other occurrences with their tokens (`replace`).
 *
 * Only names of two words or more, as written (case and all): a first name
 * alone (`Mark`, `Will`) is also a word. At most MAX_NAMES in one value, and
 * only its first SEARCHED_CHARS searched, each string whole or not at all:
 * a bulk export's hundreds of names, and a multi-megabyte result, are left
 * to what found each name (the search would cost a tenth of the masking).
 */
import { wordCharAt } from './chars.js';

const MAX_NAMES = 64;
export const FIRST = 0;
export const LAST = 1;
const SEARCHED_CHARS = 1024 * 1024;

/** Two or more words, the first capitalised; nothing JSON or markup would escape or read (quotes, backslashes, angle brackets, line breaks). */
const ECHOED = /^\p{Lu}[^\s"\\<>]*(?: [^\s"\\<>]+)+$/u;
const MIN_CHARS = 5;
const MAX_CHARS = 64;
const HYPHEN = 0x2d;

export class NameEchoes {
  /** The names noted in the value being masked, with their tokens. */
  private readonly named = new Map<string, string>();
  /** More than MAX_NAMES were noted: none is echoed in this value. */
  private full = false;
  /** The names as one search, longest first (a longer name is no shorter one's occurrence); made when first needed. */
  private pattern: RegExp | undefined;
  /** How many more characters of the value may be searched. */
  private searchable = SEARCHED_CHARS;
  /** A first name and a last name masked since the last pair was made (see `notePart`). */
  private first: string | undefined;
  private last: string | undefined;

  /** The names noted, with their tokens. */
  get tokens(): ReadonlyMap<string, string> {
    return this.named;
  }

  /** Starts a new value. */
  reset(): void {
    if (this.named.size > 0) this.named.clear();
    this.full = false;
    this.pattern = undefined;
    this.searchable = SEARCHED_CHARS;
    this.first = this.last = undefined;
  }

  /** Notes `name`, as written, masked as `token`. */
  note(name: string, token: string): void {
    if (this.full || name.length < MIN_CHARS || name.length > MAX_CHARS || this.named.has(name) || !ECHOED.test(name)) return;
    if (this.named.size === MAX_NAMES) {
      this.full = true;
      this.named.clear();
    } else {
      this.named.set(name, token);
    }
    this.pattern = undefined;
  }

  /**
   * Notes a first name (`FIRST`) or a last name (`LAST`) masked on its own,
   * and returns the full name the two make once both were (`Anna Schmidt`
   * from a record's `first_name` and `last_name`), for the masker to note
   * with its token: a record's notes write the person's full name.
   */
  notePart(part: typeof FIRST | typeof LAST, value: string): string | undefined {
    if (this.full || value.length > MAX_CHARS) return undefined;
    if (part === FIRST) this.first = value.trim();
    else this.last = value.trim();
    if (this.first === undefined || this.last === undefined) return undefined;
    const name = `${this.first} ${this.last}`;
    this.first = this.last = undefined;
    return name;
  }

  /** Whether a name was noted and the value may still be searched (`replace` may change a text). */
  any(): boolean {
    return this.named.size > 0 && this.searchable > 0;
  }

  /**
   * Calls `each` with the start and end of every occurrence in `text` of a
   * name noted, as a whole word (no letter, digit, `_` or `-` on either
   * side: `Anna Schmidtke` and `Anna Schmidt-Meyer` are not `Anna Schmidt`),
   * and its token, in text order.
   */
  find(text: string, each: (start: number, end: number, token: string) => void): void {
    if (!this.any()) return;
    if (text.length > this.searchable) {
      this.searchable = 0;
      return;
    }
    this.searchable -= text.length;
    const pattern = (this.pattern ??= new RegExp([...this.named.keys()].sort((a, b) => b.length - a.length).map(escaped).join('|'), 'g'));
    pattern.lastIndex = 0;
    for (let found = pattern.exec(text); found !== null; found = pattern.exec(text)) {
      const start = found.index;
      const end = start + found[0].length;
      if (continuesName(text, start - 1) || continuesName(text, end)) {
        pattern.lastIndex = start + 1;
        continue;
      }
      each(start, end, this.named.get(found[0])!);
    }
  }

  /** `text` with every occurrence of a name noted (see `find`) replaced with its token; `count` says how many were. */
  replace(text: string): { text: string; count: number } {
    let out = '';
    let at = 0;
    let count = 0;
    this.find(text, (start, end, token) => {
      out += text.slice(at, start) + token;
      at = end;
      count++;
    });
    return count === 0 ? { text, count } : { text: out + text.slice(at), count };
  }
}

function continuesName(text: string, index: number): boolean {
  return wordCharAt(text, index) || text.charCodeAt(index) === HYPHEN;
}

function escaped(name: string): string {
  return name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
