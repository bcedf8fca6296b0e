import type { Detection, Detector, ScanInput } from '../detector.js';
import { isAsciiLetter, isDigit } from '../lib/chars.js';

/** RFC 5321 limits: local part 64 octets, domain 253. They also bound the work per `@`. */
const MAX_LOCAL = 64;
const MAX_DOMAIN = 253;
const NON_ASCII_LETTER = /[\p{L}\p{N}]/u;

function isLocalChar(code: number): boolean {
  if (isDigit(code) || isAsciiLetter(code)) return true;
  // . _ % + - ' (the common dot-atom characters; quoted local parts are not personal-data shapes in prose)
  if (code === 46 || code === 95 || code === 37 || code === 43 || code === 45 || code === 39) return true;
  return code >= 128 && NON_ASCII_LETTER.test(String.fromCharCode(code));
}

function isDomainChar(code: number): boolean {
  if (isDigit(code) || isAsciiLetter(code) || code === 45 || code === 46) return true;
  return code >= 128 && NON_ASCII_LETTER.test(String.fromCharCode(code));
}

function validLocal(local: string): boolean {
  return local.length > 0 && !local.endsWith('.') && !local.includes('..') && /[\p{L}\p{N}]/u.test(local);
}

function validDomain(domain: string): boolean {
  const labels = domain.split('.');
  if (labels.length < 2) return false;
  for (const label of labels) {
    if (label.length === 0 || label.length > 63 || label.startsWith('-') || label.endsWith('-')) return false;
  }
  const tld = labels[labels.length - 1]!;
  // A top-level domain is letters (or an IDN `xn--` label), never digits: `a@1.2` is not an address.
  return tld.length >= 2 && (/^[\p{L}]+$/u.test(tld) || /^xn--[a-z0-9-]+$/i.test(tld));
}

/**
 * E-mail addresses (dot-atom local part, internationalised letters allowed,
 * domain with a letter TLD). Only positions of `@` are examined; the local
 * part is read backwards and the domain forwards, each within RFC limits and
 * never across the previous `@`, so runs of `@@@@` or dots stay linear.
 */
export const email: Detector = {
  name: 'email',
  label: 'EMAIL',
  priority: 95,
  detect(input: ScanInput): Detection[] {
    const { text } = input;
    const found: Detection[] = [];
    let floor = 0;
    let at = text.indexOf('@');
    while (at !== -1) {
      let start = at;
      while (start > floor && at - start < MAX_LOCAL && isLocalChar(text.charCodeAt(start - 1))) start--;
      // A local part longer than the limit is not an address (and not read further).
      if (start > floor && at - start >= MAX_LOCAL && isLocalChar(text.charCodeAt(start - 1))) start = at;
      while (start < at && text.charCodeAt(start) === 46) start++;
      let end = at + 1;
      while (end < text.length && end - at - 1 < MAX_DOMAIN && isDomainChar(text.charCodeAt(end))) end++;
      // Sentence punctuation after an address is not part of it.
      while (end > at + 1 && (text.charCodeAt(end - 1) === 46 || text.charCodeAt(end - 1) === 45)) end--;
      const local = text.slice(start, at);
      const domain = text.slice(at + 1, end);
      if (validLocal(local) && validDomain(domain)) {
        found.push({ start, end, value: `${local}@${domain}`.toLowerCase() });
        floor = end;
        at = text.indexOf('@', end);
      } else {
        floor = at + 1;
        at = text.indexOf('@', at + 1);
      }
    }
    return found;
  },
  partial(value: string): string {
    // First character of the mailbox and the domain: enough to tell work from private addresses.
    const at = value.lastIndexOf('@');
    return `${value[0]}***${value.slice(at)}`;
  },
};
