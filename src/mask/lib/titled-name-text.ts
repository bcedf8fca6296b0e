/**
 * Reads the names that a title, a greeting or a sign-off introduces in
 * running text, as mail and letters write them: `Mr. John Smith`, `Frau
 * Schmidt`, `Dr. Anna Schmidt`; `Dear Anna,`, `Hallo Jean Dupont,`; and the
 * line under `Best regards,` or under the `-- ` that starts a signature
 * (`Anna Schmidt`); and the sender a reply quotes (`On Mon, 1 Jan 2024,
 * Anna Schmidt wrote:`, `Am … schrieb Anna Schmidt:`); and the speaker of
 * a meeting's transcript in WebVTT or SRT, as Teams (`<v Anna Schmidt>`)
 * and Zoom (`Anna Schmidt: …` on the line under a cue's `00:00:01.000 -->
 * 00:00:04.000`) write them. Such a name is a person's whatever else the
 * text says, and the masker masks it as the policy's full name (see
 * `masker.ts`).
 *
 * A title (in English and the EU's larger languages, as written:
 * capitalised, with or without its dot; French's `M.` and Italian's
 * `Sig.ra`, `Dott.ssa` with theirs, `M.` not before a degree's
 * abbreviation, `M. Sc.`; a family's word, `Familie Schmidt`, `Famille
 * Dupont`, but not English's `Family`, which names many a product) is
 * followed by one to three capitalised words on its line. A greeting is
 * followed by one to three capitalised words and then a comma, so `Hello
 * World!` and `Dear Sir or Madam` stay. A sign-off (its words, then a comma and the end of its
 * line; the comma left out, as German and Dutch letters leave it, after
 * all but `Cheers`, `Thanks` and `Best`, which may end a line of their
 * own), or a signature's line (`--`, a space after it or not), is followed
 * by a line that is one to three capitalised words (after a sign-off, up
 * to two blank lines may come between, as a letter leaves room to sign).
 * A word is letters, `-` and `'`.
 */
import { wordCharAt } from './chars.js';
import type { NameVisitor } from './display-name-text.js';
import { nearer } from './lines.js';

/** The titles a name may follow (each with a `.` after it or not): `Dr. Anna Schmidt`, `Sig.ra Rossi`, `Familie Müller`. */
export const TITLES: ReadonlySet<string> = new Set(['Mr', 'Mrs', 'Ms', 'Mx', 'Dr', 'Prof', 'Herr', 'Herrn', 'Frau', 'Ing', 'Mag', 'Mme', 'Mlle', 'Sr', 'Sra', 'Srta', 'Sig', 'Dhr', 'Mevr', 'Pan', 'Pani', 'Dott', 'Avv', 'Sig.ra', 'Sig.na', 'Dott.ssa', 'Prof.ssa', 'Familie', 'Famille', 'Famiglia']);

/** Titles, greetings and sign-offs, as whole words: one search over the text finds them all (group 1 a title, 2 a greeting, 3 a sign-off). */
const INTRODUCTION = new RegExp(
  `\\b(?:(${[...TITLES].map((title) => title.replace('.', '\\.')).join('|')})\\.? |(Dear|Hi|Hello|Hallo|Liebe|Lieber|Bonjour|Cher|Chère|Querida|Querido|Estimada|Estimado|Gentile|Caro|Cara|Beste|Hej) |((?:(?:[Bb]est|[Kk]ind|[Ww]arm) regards|Regards|Sincerely|Viele Grüße|Beste Grüße|Mit freundlichen Grüßen|Cordialement|Bien à vous|Saludos|Un saludo|Cordiali saluti|Met vriendelijke groet|Groeten|Pozdrawiam|Med vänliga hälsningar|Hälsningar),?|(?:Cheers|Thanks|Best),)[ \\t]*\\r?\\n(?:[ \\t]*\\r?\\n){0,2})`,
  'g',
);
/** Whether `word` is a title (see `TITLES`), with a `.` after it or not. */
export function isTitle(word: string): boolean {
  return TITLES.has(word.endsWith('.') ? word.slice(0, -1) : word);
}

/**
 * What may stand between a title and the name besides another title: a
 * degree's abbreviation (`Dr. med.`, `Dr. rer. nat.`, `Dr. h.c.`) or a
 * hyphenated title (`Dr.-Ing.`, `Dipl.-Kfm.`).
 */
const QUALIFIER = /^(?:[a-z]{2,6}\.|h\.c\.|\p{Lu}\p{Ll}{1,4}\.-\p{Lu}\p{Ll}{1,4}\.)$/u;
/** The longest word `afterTitles` passes over. */
const LONGEST_QUALIFIER = 12;
/** The titles and qualifiers `afterTitles` passes over, at most. */
const MAX_TITLES = 4;

/** Where the name starts after the titles and qualifiers at `k`, each followed by a space (`Herr Dr. med. Weber`: at `Weber`); `k` when none stands there. */
function afterTitles(text: string, k: number): number {
  for (let n = 0; n < MAX_TITLES; n++) {
    const space = text.indexOf(' ', k);
    if (space === -1 || space - k > LONGEST_QUALIFIER) return k;
    const word = text.slice(k, space);
    if (!isTitle(word) && !QUALIFIER.test(word)) return k;
    k = space + 1;
  }
  return k;
}

/** One to three capitalised words, from where an introduction ends. */
const WORDS = /\p{Lu}[\p{L}'’-]*(?: \p{Lu}[\p{L}'’-]*){0,2}/uy;
/** French's title for a man, searched for apart: as `M` before a `.` in the search above, it cost a fifth more. */
const MONSIEUR = 'M. ';
/** A signature's line starts so (searched for apart: in the search above, it cost a quarter more). */
const SIGNATURE = '--';
/**
 * The words of a mail's quote header (a reply's `On Mon, 1 Jan 2024, Anna
 * Schmidt wrote:`) after its sender's name, or before it (group 1: `Am
 * 01.01.2024 um 10:00 schrieb Anna Schmidt:`), in English and the EU's
 * larger languages. ~3 ms per 4 MiB of text.
 */
const QUOTE_HEADER = / (?:wrote|a écrit|escribió|ha scritto|napisał\(a\)|napisała|napisał) ?:|\b(schrieb|schreef|skrev) /g;
/** One to three capitalised words (each with a lower-case letter second: `AM` of a time is none) that end where the text searched ends, after a blank, a comma or nothing. */
const WORDS_BEFORE = /(?:^|[ ,])(\p{Lu}\p{Ll}[\p{L}'’-]*(?: \p{Lu}\p{Ll}[\p{L}'’-]*){0,2})$/u;
/** A WebVTT voice's tag opens so: `<v Anna Schmidt>`. */
const VOICE = '<v ';
/** A WebVTT or SRT cue's timing line: `00:00:01.000 --> 00:00:04.000` (SRT: a comma before the milliseconds; hours optional). */
const CUE_TIMING = '-->';
/** The start time before a cue's arrow, from its line's start. */
const CUE_START = /^[ \t]*(?:\d{1,2}:)?\d{2}:\d{2}[.,]\d{3} $/;
/** How far before a quote header's words its sender's name is looked for. */
const NAME_CHARS_BEFORE = 64;

/**
 * Reports each name a title, a greeting or a sign-off introduces in
 * text[from, to) to `name`. Returns where a sign-off (or a signature's
 * line) whose name's line starts at `to` or after starts, -1 when none
 * does: the text after may hold the name. Linear: one search for the
 * introductions, one each for `M.`, signatures, voices, cue timings and
 * quote headers, and a bounded match at each.
 */
export function readTitledNames(text: string, from: number, to: number, name: NameVisitor): number {
  let held = -1;
  INTRODUCTION.lastIndex = from;
  for (let found = INTRODUCTION.exec(text); found !== null && found.index < to; found = INTRODUCTION.exec(text)) {
    // After a title or a greeting, the name comes after any more titles (`Prof. Dr. Hans Weber`, `Herr Dr. med. Weber`).
    const start = found[3] === undefined ? afterTitles(text, INTRODUCTION.lastIndex) : INTRODUCTION.lastIndex;
    if (start >= to) {
      if (found[3] !== undefined) held = found.index;
      break;
    }
    const end = wordsEnd(text, start, to);
    if (end === -1) continue;
    // A greeting's name ends at its comma; a sign-off's name is its line.
    if (found[2] !== undefined && text.charCodeAt(end) !== COMMA) continue;
    if (found[3] !== undefined && !endsLine(text, end)) continue;
    name(start, end);
    INTRODUCTION.lastIndex = end;
  }
  // French's `M.` (Monsieur) before a name, not inside a word; not a degree's abbreviation (`M. Sc.`, `M. A.`: one short word, its own dot after it).
  for (let title = text.indexOf(MONSIEUR, from); title !== -1 && title < to; title = text.indexOf(MONSIEUR, title + MONSIEUR.length)) {
    if (wordCharAt(text, title - 1)) continue;
    const start = title + MONSIEUR.length;
    const end = start < to ? wordsEnd(text, start, to) : -1;
    if (end !== -1 && !(end - start <= 3 && text.charCodeAt(end) === DOT)) name(start, end);
  }
  // A signature's line: `--`, a space after it or not, alone on its line.
  for (let dash = text.indexOf(SIGNATURE, from); dash !== -1 && dash < to; dash = text.indexOf(SIGNATURE, dash + SIGNATURE.length)) {
    if (dash > 0 && text.charCodeAt(dash - 1) !== LINE_FEED) continue;
    let start = dash + SIGNATURE.length;
    if (text.charCodeAt(start) === SPACE) start++;
    if (text.charCodeAt(start) === RETURN) start++;
    if (text.charCodeAt(start++) !== LINE_FEED) continue;
    if (start >= to) {
      held = nearer(held, dash);
      break;
    }
    const end = wordsEnd(text, start, to);
    if (end !== -1 && endsLine(text, end)) name(start, end);
  }
  // A transcript's speaker: a WebVTT voice (`<v Anna Schmidt>`), or the name before a colon that starts a cue's text.
  for (let voice = text.indexOf(VOICE, from); voice !== -1 && voice < to; voice = text.indexOf(VOICE, voice + VOICE.length)) {
    const start = voice + VOICE.length;
    const end = wordsEnd(text, start, to);
    if (end !== -1 && text.charCodeAt(end) === GREATER_THAN) name(start, end);
  }
  for (let arrow = text.indexOf(CUE_TIMING, from); arrow !== -1 && arrow < to; arrow = text.indexOf(CUE_TIMING, arrow + CUE_TIMING.length)) {
    // Its line's start, looked for no further back than a start time's length (an HTML comment's `-->` may end a long line).
    let lineStart = arrow;
    while (lineStart > from && arrow - lineStart < CUE_START_CHARS && text.charCodeAt(lineStart - 1) !== LINE_FEED) lineStart--;
    if ((lineStart > from && text.charCodeAt(lineStart - 1) !== LINE_FEED) || !CUE_START.test(text.slice(lineStart, arrow))) continue;
    const feed = text.indexOf('\n', arrow);
    if (feed === -1) break;
    const start = feed + 1;
    if (start >= to) {
      held = nearer(held, lineStart);
      break;
    }
    const end = wordsEnd(text, start, to);
    if (end !== -1 && text.charCodeAt(end) === COLON) name(start, end);
  }
  // A reply's quote header: the name before `wrote:`, or after `schrieb` up to its colon (or the address a display name's reader reads).
  QUOTE_HEADER.lastIndex = from;
  for (let found = QUOTE_HEADER.exec(text); found !== null && found.index < to; found = QUOTE_HEADER.exec(text)) {
    if (found[1] === undefined) {
      const before = WORDS_BEFORE.exec(text.slice(Math.max(from, found.index - NAME_CHARS_BEFORE), found.index));
      if (before !== null) name(found.index - before[1]!.length, found.index);
      continue;
    }
    const start = QUOTE_HEADER.lastIndex;
    const end = wordsEnd(text, start, to);
    if (end === -1) continue;
    if (text.charCodeAt(end) === COLON || (text.charCodeAt(end) === SPACE && text.charCodeAt(end + 1) === LESS_THAN)) name(start, end);
  }
  return held;
}

/** Where the one to three capitalised words at `start` end (see `WORDS`), if they end by `to`; -1 when none start there. */
function wordsEnd(text: string, start: number, to: number): number {
  WORDS.lastIndex = start;
  return WORDS.exec(text) !== null && WORDS.lastIndex <= to ? WORDS.lastIndex : -1;
}

/** Whether the text ends or a line ends at `k`. */
function endsLine(text: string, k: number): boolean {
  const code = text.charCodeAt(k);
  return Number.isNaN(code) || code === LINE_FEED || code === RETURN;
}

const COMMA = 0x2c;
const DOT = 0x2e;
const COLON = 0x3a;
const LESS_THAN = 0x3c;
const GREATER_THAN = 0x3e;
/** A cue's start time is at most this long with the blanks before it (`00:00:01.000 `). */
const CUE_START_CHARS = 20;
const SPACE = 0x20;
const LINE_FEED = 0x0a;
const RETURN = 0x0d;
