/** Character-class tests on UTF-16 code units; cheaper than a regex per character on hot paths. */

export function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** A blank inside a line: a space or a tab. */
export function isBlank(code: number): boolean {
  return code === 32 || code === 9;
}

/** 0-9, A-F or a-f. */
export function isHexDigit(code: number): boolean {
  return isDigit(code) || ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x66);
}

export function isAsciiUpper(code: number): boolean {
  return code >= 65 && code <= 90;
}

export function isAsciiLetter(code: number): boolean {
  return isAsciiUpper(code) || (code >= 97 && code <= 122);
}

/** An ASCII letter or digit. */
export function isAsciiAlnum(code: number): boolean {
  return isDigit(code) || isAsciiLetter(code);
}

/** An ASCII letter, digit or `_`: what a regex's `\w` matches. */
export function isAsciiWordChar(code: number): boolean {
  return code === 95 || isAsciiAlnum(code);
}

const NON_ASCII_WORD = /[\p{L}\p{N}]/u;

/**
 * Word-ness of every UTF-16 code unit, filled on first use: 0 unknown, 1 word,
 * 2 not. A regex test per lookup costs ~100 ns; names like "María" and
 * "müller@" put non-ASCII letters next to many candidates.
 */
const WORD = new Uint8Array(0x10000);
for (let code = 0; code < 128; code++) WORD[code] = isAsciiWordChar(code) ? 1 : 2;

/**
 * A character that continues a word: ASCII letters, digits, `_`, and any
 * non-ASCII letter or digit (`ö`, `é`), so ids glued to words are not taken apart.
 */
export function isWordChar(code: number): boolean {
  const known = WORD[code]!;
  if (known !== 0) return known === 1;
  const word = NON_ASCII_WORD.test(String.fromCharCode(code));
  WORD[code] = word ? 1 : 2;
  return word;
}

/** NaN (out of range) is never a word character. */
export function wordCharAt(text: string, index: number): boolean {
  if (index < 0 || index >= text.length) return false;
  return isWordChar(text.charCodeAt(index));
}

/** `wordCharAt` over the code units of a text of `length` (see `ScanInput.codeUnits`). */
export function isWordCodeAt(codes: Uint16Array, index: number, length: number): boolean {
  return index >= 0 && index < length && isWordChar(codes[index]!);
}

/**
 * True when the span [start, end) of a text of `length`, whose code units are
 * `codes` (see `ScanInput.codeUnits`), stands alone: no word character touches it,
 * and it is not glued to a compound token by a hyphen, dot or slash
 * (`ORD-12345678901`, `12345678901-b`, `v1.2.3.4`), which is how order ids,
 * SKUs and versions are written.
 */
export function isIsolated(codes: Uint16Array, length: number, start: number, end: number): boolean {
  if (isWordCodeAt(codes, start - 1, length) || isWordCodeAt(codes, end, length)) return false;
  // The word character is tested first: it guarantees there is a character before the span.
  if (isWordCodeAt(codes, start - 2, length) && isJoiner(codes[start - 1]!)) return false;
  return !(isWordCodeAt(codes, end + 1, length) && isJoiner(codes[end]!));
}

/** A hyphen, dot or slash: what joins the parts of a compound token (`ORD-2024-861567`, `v1.2.3`). */
export function isJoiner(code: number): boolean {
  return code === 45 || code === 46 || code === 47;
}
