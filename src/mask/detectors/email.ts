import type { Detector, ScanInput, SpanList } from '../detector.js';
import { isAsciiLetter, isDigit, isWordChar } from '../lib/chars.js';
import { matchAt } from '../lib/sticky-match.js';
import { namesEmail } from '../field-keys.js';
import { eachValueWithout } from '../lib/context.js';

/** RFC 5321 limits: local part 64 octets, domain 253. They also bound the work per `@`. */
const MAX_LOCAL = 64;
const MAX_DOMAIN = 253;

/** The ASCII characters of a local part: letters, digits and . _ % + - ' (the common dot-atom characters; quoted local parts are not personal-data shapes in prose). */
const LOCAL_ASCII = asciiTable((code) => isDigit(code) || isAsciiLetter(code) || code === 46 || code === 95 || code === 37 || code === 43 || code === 45 || code === 39);
/** The ASCII characters of a domain: letters, digits, - and . */
const DOMAIN_ASCII = asciiTable((code) => isDigit(code) || isAsciiLetter(code) || code === 45 || code === 46);

/** 1 for the ASCII codes `accepts` takes: one lookup per character of every address read, instead of a chain of compares. */
function asciiTable(accepts: (code: number) => boolean): Uint8Array {
  return Uint8Array.from({ length: 128 }, (_, code) => (accepts(code) ? 1 : 0));
}

function isLocalChar(code: number): boolean {
  // Non-ASCII letters and digits (isWordChar's cached \p{L}\p{N} test).
  return code < 128 ? LOCAL_ASCII[code] === 1 : isWordChar(code);
}

function isDomainChar(code: number): boolean {
  // Non-ASCII letters and digits (isWordChar's cached \p{L}\p{N} test).
  return code < 128 ? DOMAIN_ASCII[code] === 1 : isWordChar(code);
}

/** Local part `text[start, end)`: not empty, no trailing or doubled dot, at least one letter or digit. */
function validLocal(text: string, start: number, end: number): boolean {
  if (end <= start || text.charCodeAt(end - 1) === 46) return false;
  let alnum = false;
  for (let k = start; k < end; k++) {
    const code = text.charCodeAt(k);
    if (code === 46 && text.charCodeAt(k + 1) === 46 && k + 1 < end) return false;
    // Non-ASCII characters got into the local part only as letters or digits (see isLocalChar).
    if (isDigit(code) || isAsciiLetter(code) || code >= 128) alnum = true;
  }
  return alnum;
}

/**
 * Domain `text[start, end)`: at least two dot-separated labels, each 1–63
 * characters and not starting or ending with `-`; a top-level domain of two or
 * more letters (or an IDN `xn--` label).
 */
function validDomain(text: string, start: number, end: number): boolean {
  let labels = 0;
  let labelStart = start;
  for (let k = start; k <= end; k++) {
    if (k < end && text.charCodeAt(k) !== 46) continue;
    const size = k - labelStart;
    if (size === 0 || size > 63 || text.charCodeAt(labelStart) === 45 || text.charCodeAt(k - 1) === 45) return false;
    labels++;
    if (k < end) labelStart = k + 1;
  }
  return labels >= 2 && validTld(text, labelStart, end);
}

/**
 * A top-level domain is letters (or an IDN `xn--` label), never digits:
 * `a@1.2` is not an address. Nearly every TLD is ASCII letters, checked in
 * place; only others are cut out for the regexes.
 */
function validTld(text: string, start: number, end: number): boolean {
  if (end - start < 2) return false;
  let asciiLetters = true;
  for (let k = start; k < end && asciiLetters; k++) asciiLetters = isAsciiLetter(text.charCodeAt(k));
  if (asciiLetters) return true;
  const tld = text.slice(start, end);
  return /^[\p{L}]+$/u.test(tld) || /^xn--[a-z0-9-]+$/i.test(tld);
}

/**
 * The `@` and the `.` as web pages write them to keep an address from
 * harvesters (an Impressum's `info(at)example.de`, `anna [at] example [dot]
 * com`): `at` or `dot` in parentheses, brackets or braces, any case, a
 * blank allowed on each side.
 */
const WRITTEN_AT = /[([{]at[)\]}]/gi;
/** A mark for `@` or `.` with its blanks (group 1: `at` or `dot`): sticky, to read one where it stands; global, to replace them all. */
const WRITTEN_MARK = / ?[([{](at|dot)[)\]}] ?/iy;
const WRITTEN_MARKS = new RegExp(WRITTEN_MARK.source, 'gi');

/** Where the mark (see `WRITTEN_MARK`) at `k` ends, and whether it stands for `@`; undefined when none stands there. */
function writtenMarkAt(text: string, k: number): { end: number; at: boolean } | undefined {
  const code = text.charCodeAt(k);
  if (code !== 32 && code !== 40 && code !== 91 && code !== 123) return undefined;
  const match = matchAt(WRITTEN_MARK, text, k, text.length);
  return match === null ? undefined : { end: k + match[0].length, at: match[1]!.length === 2 };
}

/**
 * Reads the domain written after the mark for `@` that ends at `markEnd`
 * (see `WRITTEN_AT`), its dots written as `.` or as marks. Returns its
 * end, -1 when it is none.
 */
function writtenDomainEnd(text: string, markEnd: number): number {
  let domain = '';
  let k = markEnd;
  if (text.charCodeAt(k) === 32) k++;
  let end = -1;
  while (k < text.length && domain.length < MAX_DOMAIN) {
    const code = text.charCodeAt(k);
    if (code === 46 && isDomainChar(text.charCodeAt(k + 1))) {
      domain += '.';
      k++;
    } else if (isDomainChar(code) && code !== 46) {
      domain += text.charAt(k++);
      end = k;
    } else {
      const mark = writtenMarkAt(text, k);
      if (mark === undefined || mark.at || !isDomainChar(text.charCodeAt(mark.end))) break;
      domain += '.';
      k = mark.end;
    }
  }
  return end !== -1 && validDomain(domain, 0, domain.length) ? end : -1;
}

/** A mailbox and a domain around one `@`, blanks allowed beside it: an address as a form's field holds one, well formed or not. */
const MAILBOX_SHAPE = /^[^\s@]{1,64} ?@ ?[^\s@]{1,253}$/;

/**
 * Under an e-mail address's key, a value that is a mailbox and a domain
 * around an `@` is one, where the checks that make an address in prose
 * safe to call one turn it down (`anna@localhost`, `anna@example`, `anna @
 * example.de`): adds each such value in which nothing was found.
 */
function addUnchecked(input: ScanInput, found: SpanList): void {
  eachValueWithout(input, found, found.length, (start, end) => {
    if (MAILBOX_SHAPE.test(input.text.slice(start, end))) found.add(start, end);
  });
}

/**
 * E-mail addresses (dot-atom local part, internationalised letters allowed,
 * domain with a letter TLD), and those written with `(at)` and `(dot)` (see
 * `WRITTEN_AT`). Only positions of `@` (and of such marks) are examined; the local
 * part is read backwards and the domain forwards, each within RFC limits and
 * never across the previous `@`, so runs of `@@@@` or dots stay linear.
 */
export const email: Detector = {
  name: 'email',
  label: 'EMAIL',
  priority: 95,
  detect(input: ScanInput, found: SpanList): void {
    const { text } = input;
    let floor = 0;
    let at = text.indexOf('@');
    while (at !== -1) {
      let start = at;
      while (start > floor && at - start < MAX_LOCAL && isLocalChar(text.charCodeAt(start - 1))) start--;
      // A local part longer than the limit is not an address (and not read further).
      if (start > floor && at - start >= MAX_LOCAL && isLocalChar(text.charCodeAt(start - 1))) start = at;
      // Nor are a leading dot and a quote around it (`'anna@example.de'` in SQL, Python and shell).
      while (start < at && (text.charCodeAt(start) === 46 || text.charCodeAt(start) === 39)) start++;
      let end = at + 1;
      while (end < text.length && end - at - 1 < MAX_DOMAIN && isDomainChar(text.charCodeAt(end))) end++;
      // Sentence punctuation after an address is not part of it.
      while (end > at + 1 && (text.charCodeAt(end - 1) === 46 || text.charCodeAt(end - 1) === 45)) end--;
      if (validLocal(text, start, at) && validDomain(text, at + 1, end)) {
        found.add(start, end);
        floor = end;
        at = text.indexOf('@', end);
      } else {
        floor = at + 1;
        at = text.indexOf('@', at + 1);
      }
    }
    detectWritten(text, found);
    if (input.hint !== undefined && namesEmail(input.hint)) addUnchecked(input, found);
  },
  normalize(text: string, start: number, end: number): string {
    // A written `(at)` and `(dot)` as the characters they stand for: the same address, the same pseudonym.
    // The blanks a form's field may hold beside its `@` (see `addUnchecked`) are none of the address.
    return text.slice(start, end).toLowerCase().replace(WRITTEN_MARKS, (_mark, word: string) => (word.length === 2 ? '@' : '.')).replace(/ ?@ ?/, '@');
  },
  partial(value: string): string {
    // First character of the mailbox and the domain: enough to tell work from private addresses.
    const at = value.lastIndexOf('@');
    return `${value[0]}***${value.slice(at)}`;
  },
};

/** Adds the addresses written with `(at)` (see `WRITTEN_AT`) to `found`, after those with `@`. Each mark reads a bounded stretch around it: linear. */
function detectWritten(text: string, found: SpanList): void {
  WRITTEN_AT.lastIndex = 0;
  let floor = 0;
  for (let match = WRITTEN_AT.exec(text); match !== null; match = WRITTEN_AT.exec(text)) {
    const mark = match.index;
    let local = mark;
    if (text.charCodeAt(local - 1) === 32) local--;
    let start = local;
    while (start > floor && local - start < MAX_LOCAL && isLocalChar(text.charCodeAt(start - 1))) start--;
    while (start < local && (text.charCodeAt(start) === 46 || text.charCodeAt(start) === 39)) start++;
    const end = validLocal(text, start, local) ? writtenDomainEnd(text, mark + match[0].length) : -1;
    if (end === -1) continue;
    found.add(start, end);
    floor = end;
    WRITTEN_AT.lastIndex = end;
  }
}
