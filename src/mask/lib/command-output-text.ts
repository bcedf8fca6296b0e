/**
 * Reads the names that command-line tools print in a fixed place of a
 * line, where no key says what they are, as a tool that runs commands
 * returns them:
 *
 * - `git blame`: `^a1b2c3d (Anna Schmidt 2024-01-01 10:00:00 +0100  1) …`,
 *   a file's name before the parenthesis when the lines come from several;
 *   and `--porcelain`'s `author Anna Schmidt` (or `committer …`) line
 *   before its `author-mail` (`committer-mail`) line;
 * - `git shortlog`: `-sn`'s `    12\tAnna Schmidt`, and the heading of a
 *   person's commits, `Anna Schmidt (3):`;
 * - a passwd entry (`/etc/passwd`, `getent passwd`),
 *   `anna:x:1000:1000:Anna Schmidt,,,:/home/anna:/bin/bash`: its comment
 *   field (GECOS) starts with the user's full name.
 *
 * A name is reported when it reads as one (see `readsAsName`): a system
 * account's `daemon` and a shortlog of logins are not. An e-mail address
 * beside a name (`git shortlog -sne`) is the detectors' to find, and the
 * name the display-name reader's. Each line is read once, up to its end.
 */
import { isDigit } from './chars.js';
import { type NameVisitor, readsAsNameAt } from './display-name-text.js';
import { withoutReturn } from './lines.js';
import { matchAt } from './sticky-match.js';

const TAB = 0x09;
const SPACE = 0x20;
const OPEN_PAREN = 0x28;
const CLOSE_PAREN = 0x29;
const COMMA = 0x2c;
const COLON = 0x3a;
const CARET = 0x5e;
/** Longer lines than this are no line of these tools' (a blame line's code aside, which follows its name). */
const MAX_NAME_LINE_CHARS = 160;

/** A blame line up to its author's name and after it: a commit, maybe a file, then the name, the time and the line's number in parentheses. */
const BLAME = /\^?[0-9a-f]{7,40} (?:[^\n(]{1,200} )?\(([^\n ][^\n]{0,79}?) {1,80}\d{4}-\d\d-\d\d \d\d:\d\d:\d\d [+-]\d{4} {1,12}\d{1,9}\)/y;
/** A porcelain blame's author or committer line, and the start of the next, its e-mail address's. */
const PORCELAIN = /(author|committer) ([^\n]{1,80})\r?\n\1-mail /y;
/** A passwd entry up to its comment field: its user's name, password, user and group ids. */
const PASSWD = /[a-z_][a-z0-9_.-]{0,31}\$?:[^:\n]{0,128}:\d{1,10}:\d{1,10}:/y;

/** Reports the names in the lines that start in text[from, to) (`from` at the start of a line) to `name`. Linear. */
export function readCommandOutputNames(text: string, from: number, to: number, name: NameVisitor): void {
  for (let start = from; start < to; ) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 || newline > to ? to : newline;
    readLine(text, start, end, name);
    start = end + 1;
  }
}

/** Reads the line text[start, end) (porcelain's second line is read after it, in the text's rest: the next piece's, maybe). */
function readLine(text: string, start: number, end: number, name: NameVisitor): void {
  const first = text.charCodeAt(start);
  const lineEnd = withoutReturn(text, start, end);
  if (first === CARET || isHex(first)) {
    const blame = matchAt(BLAME, text, start, end);
    if (blame !== null) {
      const nameStart = text.indexOf('(', start) + 1;
      if (readsAsNameAt(text, nameStart, nameStart + blame[1]!.length)) name(nameStart, nameStart + blame[1]!.length);
      return;
    }
  }
  if (first === SPACE || isDigit(first)) {
    shortlogCount(text, start, lineEnd, name);
    return;
  }
  if (lineEnd - start > MAX_NAME_LINE_CHARS) return;
  if (first === 0x61 || first === 0x63) {
    // `author …` or `committer …`
    const porcelain = matchAt(PORCELAIN, text, start, text.length);
    if (porcelain !== null) {
      const nameStart = start + porcelain[1]!.length + 1;
      const nameEnd = nameStart + porcelain[2]!.length - (porcelain[2]!.endsWith('\r') ? 1 : 0);
      if (readsAsNameAt(text, nameStart, nameEnd)) name(nameStart, nameEnd);
      return;
    }
  }
  if (text.charCodeAt(lineEnd - 1) === COLON && text.charCodeAt(lineEnd - 2) === CLOSE_PAREN) {
    shortlogHeading(text, start, lineEnd, name);
    return;
  }
  if (matchAt(PASSWD, text, start, lineEnd) !== null) passwdComment(text, PASSWD.lastIndex, lineEnd, name);
}

/** `git shortlog -sn`'s line text[start, end): blanks, a count, a tab, the name. */
function shortlogCount(text: string, start: number, end: number, name: NameVisitor): void {
  let k = start;
  while (k < end && text.charCodeAt(k) === SPACE) k++;
  const digits = k;
  while (k < end && isDigit(text.charCodeAt(k))) k++;
  if (k === digits || text.charCodeAt(k) !== TAB) return;
  if (readsAsNameAt(text, k + 1, end)) name(k + 1, end);
}

/** `git shortlog`'s heading text[start, end), which ends with `):`: the name, ` (`, the number of commits. */
function shortlogHeading(text: string, start: number, end: number, name: NameVisitor): void {
  let k = end - 2;
  while (k > start && isDigit(text.charCodeAt(k - 1))) k--;
  if (k === end - 2 || text.charCodeAt(k - 1) !== OPEN_PAREN || text.charCodeAt(k - 2) !== SPACE) return;
  if (readsAsNameAt(text, start, k - 2)) name(start, k - 2);
}

/** A passwd entry's comment field, from `k` to the line's end `end`: its full name, up to a comma, when two fields (home and shell) follow it. */
function passwdComment(text: string, k: number, end: number, name: NameVisitor): void {
  let comment = k;
  while (comment < end && text.charCodeAt(comment) !== COLON) comment++;
  let colons = 0;
  for (let rest = comment; rest < end; rest++) if (text.charCodeAt(rest) === COLON) colons++;
  if (colons !== 2) return;
  let nameEnd = k;
  while (nameEnd < comment && text.charCodeAt(nameEnd) !== COMMA) nameEnd++;
  if (readsAsNameAt(text, k, nameEnd)) name(k, nameEnd);
}

function isHex(code: number): boolean {
  return isDigit(code) || (code >= 0x61 && code <= 0x66);
}
