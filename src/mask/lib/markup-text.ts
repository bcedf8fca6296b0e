/**
 * Reads the elements of XML (or HTML) in a text that say what they hold:
 * `<first_name>Anna</first_name>`, `<ns:home_address><street>…</street>
 * </ns:home_address>`. A tool that answers from an XML service passes its
 * answer on this way, and the element's name says what its text is, as a
 * JSON key does (see `masker.ts`). Attributes (`<customer
 * first_name="Anna">`) are keys inside a line (see `key-value-text.ts`).
 *
 * Every piece of text inside an element that a field names is reported,
 * the names of the elements nested in it kept, and a CDATA section's
 * inside too. An element may run over lines: the state carries it to the
 * next piece of a long text. A tag that runs over its line is not read.
 */
import { FieldLines, NextIndex, type FieldAt, type FieldValue } from './lines.js';

const SPACE = 0x20;
const TAB = 0x09;
const LESS_THAN = 0x3c;
const GREATER_THAN = 0x3e;
const SLASH = 0x2f;
const COLON = 0x3a;
const MAX_NAME_CHARS = 64;
const CDATA = '<![CDATA[';

/** Where `readElements` stopped: inside the element of a field, whose text may go on in the next piece of the text. */
export interface MarkupState {
  /** What the open element's name names, if the reader is inside one. */
  named: string | undefined;
  /** The open element's name as written (its closing tag's). */
  tag: string;
}

export function newMarkupState(): MarkupState {
  return { named: undefined, tag: '' };
}

/**
 * Reads the lines of text[from, to), `from` at the start of a line (a line
 * ends at a line feed or a NUL, which also closes an element, see
 * `readTables`), and reports each piece of text inside an element whose
 * (local) name `fieldAt` names, to `value`: text[start, end), without the
 * blanks around it. `state` carries an open element from an earlier call
 * on the text before, and is updated. Linear.
 */
export function readElements(text: string, from: number, to: number, state: MarkupState, fieldAt: FieldAt, value: FieldValue): void {
  new ElementReader(text, from, fieldAt, value).read(from, to, state);
}

class ElementReader extends FieldLines<MarkupState> {
  private readonly tags: NextIndex;
  private readonly cdataEnds: NextIndex;

  constructor(text: string, from: number, fieldAt: FieldAt, value: FieldValue) {
    super(text, from, fieldAt, value);
    this.tags = new NextIndex(text, '<', from);
    this.cdataEnds = new NextIndex(text, ']]>', from);
  }

  /** Outside a field's element only a line with a tag is read. */
  protected mark(k: number): number {
    return this.tagFrom(k);
  }

  /** The first `<` at or after `k`; -1 when there is none. */
  private tagFrom(k: number): number {
    return this.tags.from(k);
  }

  protected line(k: number, end: number, state: MarkupState): void {
    const { text } = this;
    while (k < end) {
      if (state.named !== undefined) {
        k = this.inside(k, end, state);
        continue;
      }
      const open = this.tagFrom(k);
      if (open === -1 || open >= end) return;
      const nameEnd = nameAfter(text, open + 1, end);
      const after = text.charCodeAt(nameEnd);
      // `<` then a name then a blank, `>` or `/`: an opening tag; closing tags, comments, declarations and `a<b` pass.
      if (nameEnd === open + 1 || !(after === SPACE || after === TAB || after === GREATER_THAN || after === SLASH)) {
        k = open + 1;
        continue;
      }
      const close = tagEnd(text, nameEnd, end);
      if (close === -1) {
        k = open + 1;
        continue;
      }
      k = close + 1;
      if (text.charCodeAt(close - 1) === SLASH) continue;
      // `ns:home_address` names what `home_address` names.
      let local = nameEnd;
      while (local > open + 1 && text.charCodeAt(local - 1) !== COLON) local--;
      const named = this.fieldAt(text, local, nameEnd);
      if (named === undefined) continue;
      state.named = named;
      state.tag = text.slice(open + 1, nameEnd);
    }
  }

  /**
   * Reports the pieces of text of the open element's line text[k, end), up
   * to its closing tag, which closes it; returns where the reader goes on.
   */
  private inside(k: number, end: number, state: MarkupState): number {
    const { text, value } = this;
    const named = state.named!;
    let piece = k;
    for (let j = this.tagFrom(k); j !== -1 && j < end; j = this.tagFrom(j + 1)) {
      if (text.startsWith(CDATA, j)) {
        report(text, piece, j, named, value);
        const inside = Math.min(this.cdataEndFrom(j + CDATA.length), end);
        report(text, j + CDATA.length, inside, named, value);
        piece = Math.min(inside + 3, end);
        j = piece - 1;
        continue;
      }
      // A `<` that starts no tag is text.
      const close = tagEnd(text, j + 1, end);
      if (close === -1) continue;
      report(text, piece, j, named, value);
      if (text.charCodeAt(j + 1) === SLASH && text.startsWith(state.tag, j + 2) && nameAfter(text, j + 2, end) === j + 2 + state.tag.length) {
        state.named = undefined;
        return close + 1;
      }
      j = close;
      piece = close + 1;
    }
    report(text, piece, end, named, value);
    return end;
  }

  /** The first `]]>` at or after `k`; the text's length when there is none. */
  private cdataEndFrom(k: number): number {
    const end = this.cdataEnds.from(k);
    return end === -1 ? this.text.length : end;
  }
}

function report(text: string, start: number, end: number, named: string, value: FieldValue): void {
  while (start < end && isBlank(text.charCodeAt(start))) start++;
  while (end > start && isBlank(text.charCodeAt(end - 1))) end--;
  if (start < end) value(start, end, named);
}

/** Where the element name that starts at `k` ends (`k` when none does): letters, digits, `_`, `-`, `.`, `:`. */
function nameAfter(text: string, k: number, end: number): number {
  const from = k;
  while (k < end && k - from < MAX_NAME_CHARS && isNameChar(text.charCodeAt(k))) k++;
  return k;
}

/** The `>` that ends the tag whose name ends before `k`, on its line; -1 when the tag runs over it, or a `<` comes first (`a<b and <p>` is text, then a tag). */
function tagEnd(text: string, k: number, end: number): number {
  while (k < end && text.charCodeAt(k) !== GREATER_THAN && text.charCodeAt(k) !== LESS_THAN) k++;
  return k < end && text.charCodeAt(k) === GREATER_THAN ? k : -1;
}

function isBlank(code: number): boolean {
  return code === SPACE || code === TAB;
}

function isNameChar(code: number): boolean {
  return ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a) || (code >= 0x30 && code <= 0x39) || code === 0x5f || code === 0x2d || code === 0x2e || code === COLON || code >= 0xc0;
}
