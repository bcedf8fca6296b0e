import { isIPv6 } from 'node:net';
import type { Detector, ScanInput, SpanList } from '../detector.js';
import { isDigit, isWordChar, wordCharAt } from '../lib/chars.js';

/**
 * Dotted quad, octets 0–255 without leading zeros (so `01.02.03.04`-style
 * dates and zero-padded versions survive); not inside a longer dotted
 * sequence (`1.3.6.1.4.1` OIDs, five-part versions) nor the tail of an IPv6
 * address (`::ffff:192.0.2.1`). Bounded, no nested quantifiers.
 */
const IPV4 = /(?<![\w.:])(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?!\w|\.\d)/y;
/** A four-part version written after its name is not an address. */
const VERSION_LABEL = /(?:version|release|build|ver\.?|v)\s*$/i;

function isHexOrSeparator(code: number): boolean {
  return isDigit(code) || (code >= 65 && code <= 70) || (code >= 97 && code <= 102) || code === 58 || code === 46;
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
    // Sentence punctuation: "… from 2001:db8::1." or "2001:db8::1: refused".
    let token = text.slice(start, end);
    if (token.length > 45 + 2) continue;
    while (token.endsWith('.') || (token.endsWith(':') && !token.endsWith('::'))) token = token.slice(0, -1);
    if (countColons(token) < 2 || !/[0-9a-f]/i.test(token) || !isIPv6(token)) continue;
    found.add(start, start + token.length);
  }
}

function countColons(token: string): number {
  let count = 0;
  for (let k = 0; k < token.length; k++) if (token.charCodeAt(k) === 58) count++;
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
      // A match starts where a digit run of at most three digits starts and a
      // dot follows it (no word character, dot or colon before: the
      // lookbehind). The pattern is tried only there, and, as a global scan
      // would, never before the end of the previous match.
      let floor = 0;
      for (let r = 0; r < runs.length; r += 2) {
        const at = runs[r]!;
        const runEnd = runs[r + 1]!;
        if (runEnd - at > 3 || text.charCodeAt(runEnd) !== 46 || at < floor) continue;
        const before = text.charCodeAt(at - 1);
        if (before === 46 || before === 58 || (before < 128 && isWordChar(before))) continue;
        IPV4.lastIndex = at;
        const match = IPV4.exec(text);
        if (match === null) continue;
        const start = match.index;
        floor = start + match[0].length;
        if (wordCharAt(text, start - 1) || VERSION_LABEL.test(text.slice(Math.max(0, start - 10), start))) continue;
        found.add(start, start + match[0].length);
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
