import { isIPv6 } from 'node:net';
import type { Detector, ScanInput, SpanList } from '../detector.js';
import { isAsciiWordChar, isDigit, isWordCodeAt, wordCharAt } from '../lib/chars.js';
import { textBefore } from '../lib/context.js';

/**
 * IPv4: a dotted quad, octets 0–255 without leading zeros (so
 * `01.02.03.04`-style dates and zero-padded versions survive); not inside a
 * longer dotted sequence (`1.3.6.1.4.1` OIDs, five-part versions) nor the
 * tail of an IPv6 address (`::ffff:192.0.2.1`). Each octet is one whole
 * digit run, so a quad is read off the shared digit runs by hand: a regex
 * there built a match object for every address in the text.
 */

/** A four-part version written after its name is not an address. */
const VERSION_LABEL = /(?:version|release|build|ver\.?|v)\s*$/i;
/** How far back VERSION_LABEL is looked for. */
const VERSION_WINDOW = 10;

/** True when the digits codes[start, end) are an octet: 0–255, no leading zero. */
function isOctet(codes: Uint16Array, start: number, end: number): boolean {
  const length = end - start;
  if (length === 1) return true;
  if (length > 3 || codes[start] === 48) return false;
  if (length === 2) return true;
  const value = (codes[start]! - 48) * 100 + (codes[start + 1]! - 48) * 10 + (codes[start + 2]! - 48);
  return value <= 255;
}

/**
 * The end of the dotted quad whose first octet is digit run `r` (runs counted
 * in pairs), or -1. The run is known to be 1–3 digits followed by a dot, with
 * no word character, dot or colon before it.
 */
function readIpv4(codes: Uint16Array, runs: Int32Array, r: number): number {
  if (r + 7 >= runs.length) return -1;
  for (let octet = 0; octet < 4; octet++) {
    const start = runs[r + 2 * octet]!;
    const end = runs[r + 2 * octet + 1]!;
    if (!isOctet(codes, start, end)) return -1;
    // Octets are joined by single dots: the next run starts right after one.
    if (octet < 3 && (codes[end] !== 46 || runs[r + 2 * octet + 2] !== end + 1)) return -1;
  }
  const end = runs[r + 7]!;
  // Not glued to a word, and not followed by a fifth part.
  const after = codes[end]!;
  if (isAsciiWordChar(after) || (after === 46 && isDigit(codes[end + 1]!))) return -1;
  return end;
}

/**
 * True when a version label (`version`, `v`, …) ends just before `start`. The
 * label's last letter is looked for first, past any whitespace: before most
 * addresses there is none, and the regex and its slice are skipped.
 */
function versionLabelBefore(input: ScanInput, codes: Uint16Array, start: number): boolean {
  const from = Math.max(0, start - VERSION_WINDOW);
  let k = start - 1;
  while (k >= from && isAsciiSpace(codes[k]!)) k--;
  if (k >= from && !mayEndVersionLabel(codes[k]!)) return false;
  return VERSION_LABEL.test(textBefore(input, start, VERSION_WINDOW));
}

/** ASCII characters that `\s` matches. */
function isAsciiSpace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13);
}

/** Whether `code` can be the last character of VERSION_LABEL's words (n e d r . v, either case), or is not ASCII (other whitespace). */
function mayEndVersionLabel(code: number): boolean {
  const lower = code | 0x20;
  return code >= 128 || code === 46 || lower === 110 || lower === 101 || lower === 100 || lower === 114 || lower === 118;
}

/** 1 for the characters of an IPv6 token: hex digits, `:` and `.` (a lookup per character read around every colon). */
const HEX_OR_SEPARATOR = Uint8Array.from({ length: 128 }, (_, code) => (isDigit(code) || (code >= 65 && code <= 70) || (code >= 97 && code <= 102) || code === 58 || code === 46 ? 1 : 0));

function isHexOrSeparator(code: number): boolean {
  return code < 128 && HEX_OR_SEPARATOR[code] === 1;
}

/** IPv6 tokens: maximal runs of hex digits, `:` and `.` around each `:`, checked by `net.isIPv6`. */
function detectIpv6(text: string, found: SpanList): void {
  let colon = text.indexOf(':');
  while (colon !== -1) {
    let start = colon;
    while (start > 0 && isHexOrSeparator(text.charCodeAt(start - 1))) start--;
    let end = colon + 1;
    while (end < text.length && isHexOrSeparator(text.charCodeAt(end))) end++;
    // The token is maximal, so continue after it: linear however many colons.
    colon = text.indexOf(':', end);
    if (wordCharAt(text, start - 1) || wordCharAt(text, end)) continue;
    // Most colons in text are not in an address ("Customer 1:", "10:15:00Z"):
    // with fewer than two in the token no trimming gives two, so it is let go
    // before a string is cut for it.
    if (end - start > 45 + 2 || countColonsIn(text, start, end) < 2) continue;
    // Sentence punctuation: "… from 2001:db8::1." or "2001:db8::1: refused".
    let token = text.slice(start, end);
    while (token.endsWith('.') || (token.endsWith(':') && !token.endsWith('::'))) token = token.slice(0, -1);
    if (countColons(token) < 2 || !/[0-9a-f]/i.test(token) || !isIPv6(token)) continue;
    found.add(start, start + token.length);
  }
}

function countColons(token: string): number {
  return countColonsIn(token, 0, token.length);
}

function countColonsIn(text: string, start: number, end: number): number {
  let count = 0;
  for (let k = start; k < end; k++) if (text.charCodeAt(k) === 58) count++;
  return count;
}

/** IPv4 and IPv6 addresses. */
export const ip: Detector = {
  name: 'ip',
  label: 'IP',
  priority: 60,
  detect(input: ScanInput, found: SpanList): void {
    const { text } = input;
    if (text.includes('.')) {
      const runs = input.digitRuns();
      // The index's copy of the text (see ScanInput.codeUnits): what is read around every run costs a third of a charCodeAt on the chunk.
      const codes = input.codeUnits();
      // An address starts where a digit run of at most three digits starts
      // and a dot follows it, with no word character, dot or colon before;
      // and never before the end of the previous address.
      let floor = 0;
      for (let r = 0; r < runs.length; r += 2) {
        const at = runs[r]!;
        const runEnd = runs[r + 1]!;
        // The next run starts one character on (where the dot must be): read
        // off the runs, this turns down most runs before the text is read.
        if (runEnd - at > 3 || r + 2 >= runs.length || runs[r + 2] !== runEnd + 1 || codes[runEnd] !== 46 || at < floor) continue;
        if (at > 0) {
          const before = codes[at - 1]!;
          if (before === 46 || before === 58 || isAsciiWordChar(before)) continue;
        }
        const end = readIpv4(codes, runs, r);
        if (end === -1) continue;
        floor = end;
        if (isWordCodeAt(codes, at - 1, text.length) || versionLabelBefore(input, codes, at)) continue;
        found.add(at, end);
      }
    }
    if (text.includes(':')) detectIpv6(text, found);
  },
  normalize(text: string, start: number, end: number): string {
    // IPv6 in lower case; IPv4 as written.
    return text.slice(start, end).toLowerCase();
  },
  partial(value: string): string {
    // Keep the network, drop the host: /24 for IPv4, the first three groups (/48) for IPv6.
    if (!value.includes(':')) return `${value.slice(0, value.lastIndexOf('.'))}.*`;
    const groups = value.split(':');
    return `${groups.slice(0, 3).join(':')}:*`;
  },
};
