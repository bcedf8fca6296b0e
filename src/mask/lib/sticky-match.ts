/**
 * Runs a sticky (`/y`) pattern at the offsets a detector picks, in increasing
 * order, over one text: the detectors anchored on digit runs (DNI/NIE, NIR,
 * NINO) try their pattern only where a match can start. As a global scan
 * would, an offset before the end of the previous match is not tried.
 */
export function stickyMatcher(pattern: RegExp, text: string): (at: number) => RegExpExecArray | null {
  let floor = 0;
  return (at) => {
    if (at < floor) return null;
    pattern.lastIndex = at;
    const match = pattern.exec(text);
    if (match !== null) floor = match.index + match[0].length;
    return match;
  };
}

/** `pattern` (sticky) matched at `start` of `text`, ending by `end`; null when it does not match there. */
export function matchAt(pattern: RegExp, text: string, start: number, end: number): RegExpExecArray | null {
  pattern.lastIndex = start;
  const match = pattern.exec(text);
  return match !== null && pattern.lastIndex <= end ? match : null;
}
