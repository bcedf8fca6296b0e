/**
 * Globs for tool names, methods, groups and argument values, compiled once
 * to an anchored RegExp. `*` matches any run of characters (slashes too: tool
 * names and URIs are not file paths here), `?` one character, `[a-z]` and
 * `[!a-z]` a class, `{a,b}` alternatives. Everything else is literal.
 */

/** Compiles a glob; throws a plain Error with the problem for the validator to place. */
export function compileGlob(glob: string): RegExp {
  return new RegExp(`^${globToSource(glob)}$`, 'su');
}

/** Compiles several globs into one RegExp that matches when any of them does. */
export function compileGlobs(globs: readonly string[]): RegExp {
  return new RegExp(`^(?:${globs.map(globToSource).join('|')})$`, 'su');
}

/** True when the glob has no wildcard at all, so a string comparison is enough. */
export function isLiteralGlob(glob: string): boolean {
  return !/[*?[\]{}\\]/.test(glob);
}

function globToSource(glob: string): string {
  let out = '';
  let braceDepth = 0;
  for (let i = 0; i < glob.length; i += 1) {
    const char = glob[i] as string;
    switch (char) {
      case '*':
        out += '.*';
        break;
      case '?':
        out += '.';
        break;
      case '[': {
        const end = glob.indexOf(']', i + 2);
        if (end === -1) throw new Error(`unclosed "[" at position ${i + 1}`);
        let body = glob.slice(i + 1, end);
        const negated = body.startsWith('!');
        if (negated) body = body.slice(1);
        // Escape everything a RegExp class treats specially except the range dash.
        out += `[${negated ? '^' : ''}${body.replace(/[\\\]^[]/g, '\\$&')}]`;
        i = end;
        break;
      }
      case '{':
        braceDepth += 1;
        out += '(?:';
        break;
      case '}':
        if (braceDepth === 0) throw new Error(`unmatched "}" at position ${i + 1}`);
        braceDepth -= 1;
        out += ')';
        break;
      case ',':
        out += braceDepth > 0 ? '|' : ',';
        break;
      case '\\': {
        const next = glob[i + 1];
        if (next === undefined) throw new Error('trailing "\\" escapes nothing');
        out += escapeRegExp(next);
        i += 1;
        break;
      }
      default:
        out += escapeRegExp(char);
    }
  }
  if (braceDepth > 0) throw new Error('unclosed "{"');
  return out;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
