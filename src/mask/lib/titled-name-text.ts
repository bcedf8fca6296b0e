/**
 * Reads the names that a title, a greeting or a sign-off introduces in
 * running text, as mail and letters write them: `Mr. John Smith`, `Frau
 * Schmidt`, `Dr. Anna Schmidt`; `Dear Anna,`, `Hallo Jean Dupont,`; and the
 * line under `Best regards,` (`Anna Schmidt`). Such a name is a person's
 * whatever else the text says, and the masker masks it as the policy's
 * full name (see `masker.ts`).
 *
 * A title (TITLE, in English and the EU's larger languages, as written:
 * capitalised, with or without its dot) is followed by one to three
 * capitalised words on its line. A greeting (GREETING) is followed by one
 * to three capitalised words and then a comma, so `Hello World!` and
 * `Dear Sir or Madam` stay. A sign-off (SIGN_OFF, then a comma and the end
 * of its line) is followed by a line that is one to three capitalised
 * words. A word is letters, `-` and `'`.
 */
import type { NameVisitor } from './display-name-text.js';

/** Titles, greetings and sign-offs, as whole words: one search over the text finds them all (group 1 a title, 2 a greeting, 3 a sign-off). */
const INTRODUCTION =
  /\b(?:(Mr|Mrs|Ms|Mx|Dr|Prof|Herr|Frau|Mme|Mlle|Sr|Sra|Srta|Sig|Dhr|Mevr|Pan|Pani)\.? |(Dear|Hi|Hello|Hallo|Liebe|Lieber|Bonjour|Cher|Chère|Querida|Querido|Estimada|Estimado|Gentile|Caro|Cara|Beste|Hej) |((?:[Bb]est|[Kk]ind|[Ww]arm) regards|Regards|Sincerely|Cheers|Thanks|Best|Viele Grüße|Beste Grüße|Mit freundlichen Grüßen|Cordialement|Bien à vous|Saludos|Un saludo|Cordiali saluti|Met vriendelijke groet|Groeten|Pozdrawiam|Med vänliga hälsningar|Hälsningar),[ \t]*\r?\n)/g;
/** One to three capitalised words, from where an introduction ends. */
const WORDS = /\p{Lu}[\p{L}'’-]*(?: \p{Lu}[\p{L}'’-]*){0,2}/uy;

/**
 * Reports each name a title, a greeting or a sign-off introduces in
 * text[from, to) to `name`. Returns where a sign-off whose name's line
 * starts at `to` or after starts, -1 when none does: the text after may
 * hold the name. Linear: one search for the introductions, and a bounded
 * match after each.
 */
export function readTitledNames(text: string, from: number, to: number, name: NameVisitor): number {
  INTRODUCTION.lastIndex = from;
  for (let found = INTRODUCTION.exec(text); found !== null && found.index < to; found = INTRODUCTION.exec(text)) {
    const start = INTRODUCTION.lastIndex;
    if (start >= to) return found[3] !== undefined ? found.index : -1;
    WORDS.lastIndex = start;
    if (WORDS.exec(text) === null || WORDS.lastIndex > to) continue;
    const end = WORDS.lastIndex;
    const after = text.charCodeAt(end);
    // A greeting's name ends at its comma; a sign-off's name is its line.
    if (found[2] !== undefined && after !== COMMA) continue;
    if (found[3] !== undefined && !(Number.isNaN(after) || after === LINE_FEED || after === RETURN)) continue;
    name(start, end);
    INTRODUCTION.lastIndex = end;
  }
  return -1;
}

const COMMA = 0x2c;
const LINE_FEED = 0x0a;
const RETURN = 0x0d;
