/**
 * The lines of a text, for the readers that find what a text names by its
 * layout (tables, key lines, XML elements). A line ends at a line feed, or
 * at a NUL: values masked together are joined by one (see
 * `VALUE_SEPARATOR`), and a reader closes what it has open there, as if
 * the text ended.
 */
export class Lines {
  // The next line feed and NUL at or after where the reader is, each searched for again only once passed
  // (a text may hold many of one and none of the other, and searching again from every line would be quadratic).
  private feed: number;
  private nul: number;
  /** Whether the line last found by `end` ends at a NUL. */
  parted = false;

  constructor(
    private readonly text: string,
    from: number,
  ) {
    this.feed = text.indexOf('\n', from);
    this.nul = text.indexOf('\u0000', from);
  }

  /** The first line feed at or after `k`; -1 when there is none. */
  feedFrom(k: number): number {
    if (this.feed !== -1 && this.feed < k) this.feed = this.text.indexOf('\n', k);
    return this.feed;
  }

  /** The first NUL at or after `k`; -1 when there is none. */
  nulFrom(k: number): number {
    if (this.nul !== -1 && this.nul < k) this.nul = this.text.indexOf('\u0000', k);
    return this.nul;
  }

  /** Where the line that starts at `start` ends, at `to` at the latest (sets `parted`). */
  end(start: number, to: number): number {
    const feed = this.feedFrom(start);
    const nul = this.nulFrom(start);
    const end = feed === -1 || feed > to ? to : feed;
    this.parted = nul !== -1 && nul < end;
    return this.parted ? nul : end;
  }

  /**
   * The start of the line that holds `k` (at `start` or after, `start` at a
   * line's start): searched for back from `k` only when a line end lies
   * between, so that it reads no further back than `start`.
   */
  startOf(start: number, k: number): number {
    const nul = this.nulFrom(start);
    if (nul !== -1 && nul < k) start = this.text.lastIndexOf('\u0000', k) + 1;
    const feed = this.feedFrom(start);
    if (feed !== -1 && feed < k) start = Math.max(start, this.text.lastIndexOf('\n', k) + 1);
    return start;
  }
}

/** `end`, or before a carriage return there (the line feed of a CRLF line ends it). */
export function withoutReturn(text: string, start: number, end: number): number {
  return end > start && text.charCodeAt(end - 1) === 0x0d ? end - 1 : end;
}
