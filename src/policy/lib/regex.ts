/**
 * Regular expressions in policy files are written as in most policy
 * languages, with an optional leading inline flag group (`(?i)`) that
 * JavaScript does not accept; it becomes the RegExp flag. Matching is a search
 * (unanchored), as `matches` reads: anchor with `^...$` to match the whole.
 */
export function compilePolicyRegex(source: string): RegExp {
  const inline = /^\(\?([ims]+)\)/.exec(source);
  const flags = new Set(['u']);
  let body = source;
  if (inline) {
    for (const flag of inline[1]!) flags.add(flag);
    body = source.slice(inline[0].length);
  }
  return new RegExp(body, [...flags].join(''));
}
