/**
 * The tables a JSON value holds as lists of rows, as database and
 * spreadsheet tools write them instead of an object per record:
 * `{"columns": ["id", "email"], "rows": [[1, "anna@example.de"]]}`,
 * node-postgres's `{"fields": [{"name": "email", …}], "rows": […]}`, a
 * sheet's `[["first_name", "email"], ["Anna", "anna@example.de"]]`. A cell's
 * column says what it holds, as a JSON key says it of its value, and the
 * masker reads it the same way (see `masker.ts`), in a parsed value and in
 * JSON text alike:
 * - In an object, a member whose key is a columns key (`COLUMNS_KEYS`) and
 *   whose value is a list of two or more column names, or of objects whose
 *   `name` is one, names the columns of the lists that later members of the
 *   object hold: each of their items that is a list is a row.
 * - In a list whose first item is a list of two or more column names (a
 *   header row), each later item that is a list is a row.
 * - A row's item k is read as if under column k's name; items past the last
 *   column are read as the row's other items are, without one.
 * Names are read as written, before anything in them is masked, and must
 * read as the names of a table's columns in text do (`isColumnName`).
 */
import { isColumnName } from './table-text.js';

/** The keys (in lower case) whose list names the columns of the rows beside it. */
export const COLUMNS_KEYS: ReadonlySet<string> = new Set(['columns', 'column_names', 'cols', 'fields', 'headers', 'header']);

/** A list names columns when it names at least this many. */
export const MIN_COLUMNS = 2;

/** The member of a column's object that names it (`{"name": "email", "type": "text"}`). */
export const NAME_KEY = 'name';

/**
 * The column names `list` holds, in order, if it names columns: two or
 * more names, and nothing else; with `objects`, a column may also be an
 * object whose `name` member is its name.
 */
export function columnNames(list: unknown, objects: boolean): string[] | undefined {
  if (!Array.isArray(list) || list.length < MIN_COLUMNS) return undefined;
  const names: string[] = [];
  for (const item of list as unknown[]) {
    const column = objects && item !== null && typeof item === 'object' && !Array.isArray(item);
    const name = column ? (Object.hasOwn(item as object, NAME_KEY) ? (item as Record<string, unknown>)[NAME_KEY] : undefined) : item;
    if (typeof name !== 'string' || !isColumnName(name)) return undefined;
    names.push(name);
  }
  return names;
}

/** The names of `list`'s header row (its first item), if it has one. */
export function headerNames(list: readonly unknown[]): string[] | undefined {
  return list.length > 0 ? columnNames(list[0], false) : undefined;
}
