/**
 * Reads the speakers of chats and meeting transcripts, where a line's time
 * says that the name after or before it is a person's, as chat exports and
 * transcription tools write them:
 *
 * - a time in brackets before the name: `[10:02] Anna Schmidt: …`,
 *   WhatsApp's `[12/01/2024, 10:02:03] Anna Schmidt: …`;
 * - a date and time, then ` - `: WhatsApp's `12/01/2024, 10:02 - Anna
 *   Schmidt: …`;
 * - a time alone before the name: `10:02 Anna Schmidt: …`;
 * - a time in parentheses after the name: `Anna Schmidt (00:01): …`,
 *   `**Anna Schmidt** (00:01): …`;
 * - the name and a time alone on a line, the words on the next: Otter's
 *   `Anna Schmidt  0:01`, Slack's copied messages' `Anna Schmidt  10:02 AM`.
 *
 * A speaker is reported when it reads as a name (see `readsAsName`): a
 * log's `[12:00:01] Scheduler: started` or `[10:02] main.go: …` is none.
 * A speaker without a time (`Anna Schmidt: Hello`) is not read: a line
 * of notes (`Action Items: …`) looks the same. Each line is read once, up
 * to a bounded length: linear.
 */
import { isDigit } from './chars.js';
import { type NameVisitor, readsAsNameAt } from './display-name-text.js';
import { NextIndex, withoutReturn } from './lines.js';
import { matchAt } from './sticky-match.js';

const SPACE = 0x20;
const ASTERISK = 0x2a;
const OPEN_SQUARE = 0x5b;
const LOWER_M = 0x6d;

/** A time (with a date) before the name, then the name up to its colon. */
const TIME_BEFORE = /(?:\[[\d/.,: APMapm-]{4,32}\] |\d{1,2}[./]\d{1,2}[./]\d{2,4},? \d{1,2}:\d{2}(?::\d{2})?(?: ?[APap][Mm])? - |\d{1,2}:\d{2}(?::\d{2})? )([^:\n]{2,80}?):(?= |\r?\n|$)/y;
/** The name (maybe in Markdown's bold), then a time in parentheses and a colon. */
const TIME_AFTER = /(?:\*\*)?([^\n*(]{2,80}?)(?:\*\*)? \((?:\d{1,2}:)?\d{1,2}:\d{2}\):(?= |\r?\n|$)/y;
/** The name, two or more blanks, and a time that ends the line (in 12-hour form too). */
const NAME_AND_TIME = /([^\n]{2,80}?) {2,40}(?:\d{1,2}:)?\d{1,2}:\d{2}(?: ?[APap][Mm])?(?=\r?\n|$)/y;

/** Reports the speakers of the lines that start in text[from, to) (`from` at the start of a line) to `name`. */
export function readSpeakers(text: string, from: number, to: number, name: NameVisitor): void {
  // A line holds a time after a name only if it holds a `):` (see `TIME_AFTER`).
  const timesAfter = new NextIndex(text, '):', from);
  for (let start = from; start < to; ) {
    const newline = text.indexOf('\n', start);
    const lineEnd = newline === -1 || newline > to ? to : newline;
    const end = withoutReturn(text, start, lineEnd);
    const timeAfter = timesAfter.from(start);
    readLine(text, start, end, timeAfter !== -1 && timeAfter < end, name);
    start = lineEnd + 1;
  }
}

/** Reads the line text[start, end); `timed`: it holds a `):`. */
function readLine(text: string, start: number, end: number, timed: boolean, name: NameVisitor): void {
  const first = text.charCodeAt(start);
  if (first === OPEN_SQUARE || isDigit(first)) {
    const match = matchAt(TIME_BEFORE, text, start, end);
    if (match !== null) report(text, TIME_BEFORE.lastIndex - 1 - match[1]!.length, TIME_BEFORE.lastIndex - 1, name);
    return;
  }
  if (timed) {
    const match = matchAt(TIME_AFTER, text, start, end);
    if (match !== null) {
      const nameStart = start + (first === ASTERISK ? 2 : 0);
      report(text, nameStart, nameStart + match[1]!.length, name);
      return;
    }
  }
  // Otter's and Slack's line: short, and a time's digit or its `AM` or `PM` last.
  const last = text.charCodeAt(end - 1);
  if (end - start <= 100 && (isDigit(last) || (last | 0x20) === LOWER_M) && text.charCodeAt(start) !== SPACE) {
    const match = matchAt(NAME_AND_TIME, text, start, end);
    if (match !== null) report(text, start, start + match[1]!.length, name);
  }
}

function report(text: string, start: number, end: number, name: NameVisitor): void {
  if (readsAsNameAt(text, start, end)) name(start, end);
}
