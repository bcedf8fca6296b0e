/**
 * Reads contact cards and calendar entries (vCard, RFC 6350; iCalendar,
 * RFC 5545), as contacts and calendar tools return them: a property's name
 * says what its value is, as a JSON key does (see `masker.ts`).
 *
 * Inside `BEGIN:VCARD` … `END:VCARD`, the values of `FN` and `N` (the
 * name), `NICKNAME`, `BDAY` (the birthday) and `ADR` and `LABEL` (the
 * address) are reported as the fields they stand for, with their folded
 * continuation lines (a line that starts with a space or tab). Anywhere, a
 * property's `CN` parameter (`ATTENDEE;CN=Anna Schmidt:mailto:…`, an
 * iCalendar organiser or attendee) is reported as the name. So is a
 * distinguished name's common name (LDAP, Active Directory, X.509: `dn:
 * cn=Anna Schmidt,ou=people,…`, `member: CN=Schmidt\, Anna,OU=Users,…`,
 * `Subject: C=DE, O=Example GmbH, CN=Anna Schmidt`) when it reads as a
 * person's name and not as a group's, a role's or an authority's
 * (`CN=Domain Admins`, `CN=Example Root CA`, see `GROUP_WORDS`). An e-mail
 * address or phone number in a card is the detectors' to find. Names are
 * read in any case; a property may have a group (`item1.ADR`).
 */
import { readsAsName } from './display-name-text.js';
import { FieldLines, NextMatch, type FieldAt, type FieldValue, type StateKind, type StateLog } from './lines.js';

const SPACE = 0x20;
const TAB = 0x09;
const QUOTE = 0x22;
const COLON = 0x3a;
const SEMICOLON = 0x3b;
const DOT = 0x2e;
const EQUALS = 0x3d;
const COMMA = 0x2c;
const SLASH = 0x2f;
const PLUS = 0x2b;
const BACKSLASH = 0x5c;
const MAX_NAME_CHARS = 32;

/** The field (a policy field's name, see `FieldOf`) each vCard property names. */
const PROPERTY_FIELDS: Readonly<Record<string, string>> = {
  FN: 'full_name',
  N: 'full_name',
  NICKNAME: 'full_name',
  BDAY: 'date_of_birth',
  ADR: 'home_address',
  LABEL: 'home_address',
};
const NAME_FIELD = 'full_name';

/** The field (a default field's name) that the vCard property `name` (in any case: jCard writes it in lower case) stands for, if one. */
export function cardPropertyField(name: string): string | undefined {
  return name.length <= MAX_NAME_CHARS ? PROPERTY_FIELDS[name.toUpperCase()] : undefined;
}
/**
 * Words (lower case) of the common names of groups, roles, containers and
 * certificate authorities, which read as names by their shape alone:
 * Active Directory's own groups (`Domain Admins`, `Backup Operators`,
 * `Remote Desktop Users`), a team's or a department's group, a CA's name.
 * A common name with one of them is not masked.
 */
const GROUP_WORDS: ReadonlySet<string> = new Set([
  'admins', 'administrators', 'users', 'operators', 'owners', 'publishers', 'guests', 'computers', 'controllers', 'servers', 'server', 'services',
  'service', 'group', 'groups', 'team', 'teams', 'staff', 'department', 'division', 'ca', 'root', 'authority', 'certificate', 'certificates',
  'trust', 'issuing', 'intermediate', 'policy', 'policies', 'objects', 'system', 'systems', 'devices', 'printers', 'accounts', 'managers',
  'members', 'readers', 'writers', 'editors', 'developers', 'engineering', 'sales', 'marketing', 'finance', 'support', 'helpdesk', 'everyone',
  'access', 'remote', 'desktop', 'domain', 'enterprise', 'schema', 'exchange', 'security', 'global', 'shared', 'mailbox', 'distribution',
  'encrypt', 'office', 'project', 'projects', 'admin', 'test', 'build', 'backup', 'vpn', 'dns', 'dhcp', 'kerberos', 'partners', 'clients',
]);

/** What a line outside a card must hold to be read: a card's start, or a `CN` parameter or a distinguished name's `CN`. */
const MARKS = /BEGIN:VCARD|CN ?=/gi;

/** The policy field that masks what a field name stands for (`full_name` → the policy's spelling of it), if the policy masks it. */
export type FieldOf = (field: string) => string | undefined;

/** Where `readContactCards` stopped: in a card, and in a property whose value may go on in folded lines. */
export interface ContactCardState {
  card: boolean;
  /** The field the property being read stands for, if its value may go on in the next line (folded). */
  named: string | undefined;
}

export function newContactCardState(): ContactCardState {
  return { card: false, named: undefined };
}

export const CONTACT_CARD_STATE: StateKind<ContactCardState> = {
  copy: (state) => ({ card: state.card, named: state.named }),
  same: (a, b) => a.card === b.card && a.named === b.named,
};

/**
 * Reads the lines of text[from, to), `from` at the start of a line, and
 * reports the values of the properties above to `value`, as the policy
 * field `fieldOf` gives for what they stand for (those the policy does not
 * mask are not reported). `state` carries an open card from an earlier
 * call on the text before, and is updated. Linear.
 */
export function readContactCards(text: string, from: number, to: number, state: ContactCardState, fieldOf: FieldOf, value: FieldValue, log?: StateLog<ContactCardState>): void {
  const propertyField: FieldAt = (text, start, end) => {
    const property = cardPropertyField(text.slice(start, end));
    return property === undefined ? undefined : fieldOf(property);
  };
  new CardReader(text, from, propertyField, fieldOf(NAME_FIELD), value).read(from, to, state, log);
}

class CardReader extends FieldLines<ContactCardState> {
  private readonly marks: NextMatch;

  /** `fieldAt`: the field a property's name stands for; `nameField`: what a `CN` parameter is (undefined: not masked). */
  constructor(
    text: string,
    from: number,
    fieldAt: FieldAt,
    private readonly nameField: string | undefined,
    value: FieldValue,
  ) {
    super(text, from, fieldAt, value);
    this.marks = new NextMatch(text, MARKS, from);
  }

  /** Inside a card every line is read. */
  protected override open(state: ContactCardState): boolean {
    return state.card || state.named !== undefined;
  }

  protected override close(state: ContactCardState): void {
    state.card = false;
    state.named = undefined;
  }

  /** Outside a card only a line that begins one, or has a `CN=`, is read. */
  protected mark(k: number): number {
    return this.marks.from(k);
  }

  protected line(start: number, end: number, state: ContactCardState): void {
    const { text } = this;
    this.commonNames(start, end);
    const first = text.charCodeAt(start);
    if (first === SPACE || first === TAB) {
      // A folded line goes on with the property before it.
      if (state.named !== undefined) this.report(start + 1, end, state.named);
      return;
    }
    state.named = undefined;
    // The property's name (after its group), its parameters up to the `:` outside quotes, then its value.
    let nameStart = start;
    let k = start;
    while (k < end && k - start <= MAX_NAME_CHARS && isNameChar(text.charCodeAt(k))) {
      if (text.charCodeAt(k) === DOT) nameStart = k + 1;
      k++;
    }
    const nameEnd = k;
    if (nameEnd === nameStart || (text.charCodeAt(k) !== COLON && text.charCodeAt(k) !== SEMICOLON)) return;
    let colon = -1;
    let quoted = false;
    for (; k < end; k++) {
      const code = text.charCodeAt(k);
      if (code === QUOTE) quoted = !quoted;
      else if (code === COLON && !quoted) {
        colon = k;
        break;
      } else if (code === SEMICOLON && !quoted) {
        this.parameter(k + 1, end);
      }
    }
    if (colon === -1) return;
    if (nameEnd - nameStart <= 5 && isBeginOrEnd(text, nameStart, nameEnd)) {
      if (text.slice(colon + 1, end).trim().toUpperCase() === 'VCARD') state.card = (text.charCodeAt(nameStart) | 0x20) === 0x62;
      return;
    }
    if (!state.card) return;
    const field = this.fieldAt(text, nameStart, nameEnd);
    if (field === undefined) return;
    this.report(colon + 1, end, field);
    state.named = field;
  }

  /** Reports the value of a `CN` parameter that starts at `k` (after its `;`) as a name. */
  private parameter(k: number, end: number): void {
    const { text } = this;
    if (end - k < 3 || (text.charCodeAt(k) | 0x20) !== 0x63 || (text.charCodeAt(k + 1) | 0x20) !== 0x6e || text.charCodeAt(k + 2) !== EQUALS) return;
    const field = this.nameField;
    if (field === undefined) return;
    let from = k + 3;
    const quoted = text.charCodeAt(from) === QUOTE;
    if (quoted) from++;
    let to = from;
    while (to < end && (quoted ? text.charCodeAt(to) !== QUOTE : text.charCodeAt(to) !== SEMICOLON && text.charCodeAt(to) !== COLON)) to++;
    // A quote that does not close on the line ends no name.
    if (quoted && to === end) return;
    this.report(from, to, field);
  }

  /**
   * Reports the common names of the distinguished names in the line
   * text[start, end) that read as a person's (see the module's comment): a
   * `CN=` (any case, a blank allowed on each side of the `=`) at the line's
   * start or after a space, `,`, `/`, `"`, `:` or `(`, up to the next
   * unescaped `,`, `+`, `/`, `"` or `;`. A `;CN=` is a calendar's parameter
   * (see `parameter`). One pass over the line.
   */
  private commonNames(start: number, end: number): void {
    const { text } = this;
    const field = this.nameField;
    if (field === undefined) return;
    for (let k = start + 2; k < end; k++) {
      if (text.charCodeAt(k) !== EQUALS) continue;
      // OpenSSL 1.1 and later print a blank on each side of the `=`: `CN = Anna Schmidt`.
      const keyEnd = text.charCodeAt(k - 1) === SPACE ? k - 1 : k;
      if (keyEnd - 2 < start || (text.charCodeAt(keyEnd - 2) | 0x20) !== 0x63 || (text.charCodeAt(keyEnd - 1) | 0x20) !== 0x6e) continue;
      if (keyEnd - 2 > start && !isBeforeRelativeName(text.charCodeAt(keyEnd - 3))) continue;
      let to = k + 1;
      let escaped = false;
      for (; to < end; to++) {
        const code = text.charCodeAt(to);
        if (code === BACKSLASH) {
          escaped = true;
          to++;
        } else if (code === COMMA || code === PLUS || code === SLASH || code === QUOTE || code === SEMICOLON) {
          break;
        }
      }
      to = Math.min(to, end);
      let from = k + 1;
      while (from < to && text.charCodeAt(from) === SPACE) from++;
      while (to > from && text.charCodeAt(to - 1) === SPACE) to--;
      const name = text.slice(from, to);
      if (readsAsPersonCommonName(escaped ? name.replace(/\\(.)/g, '$1') : name)) this.value(from, to, field);
      k = to;
    }
  }

  private report(start: number, end: number, field: string): void {
    const { text } = this;
    while (start < end && text.charCodeAt(start) === SPACE) start++;
    while (end > start && text.charCodeAt(end - 1) === SPACE) end--;
    if (start < end) this.value(start, end, field);
  }
}

/** Whether `code` may stand before a distinguished name's `CN=`: a space, what ends the relative name or key before it, or the NUL between joined values (see `ScanInput.joined`). */
function isBeforeRelativeName(code: number): boolean {
  return code === 0 || code === SPACE || code === TAB || code === COMMA || code === SLASH || code === QUOTE || code === COLON || code === 0x28 || code === PLUS;
}

/** Whether a common name reads as a person's name (see `readsAsName`), with no word of a group's (see `GROUP_WORDS`). */
function readsAsPersonCommonName(value: string): boolean {
  if (!readsAsName(value)) return false;
  for (const word of value.toLowerCase().split(/[\s,]+/)) if (GROUP_WORDS.has(word)) return false;
  return true;
}

/** Whether text[start, end) is `BEGIN` or `END`, in any case. */
function isBeginOrEnd(text: string, start: number, end: number): boolean {
  const name = text.slice(start, end).toUpperCase();
  return name === 'BEGIN' || name === 'END';
}

/** A property name's or group's character: a letter, digit, `-` or the `.` after a group. */
function isNameChar(code: number): boolean {
  return ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a) || (code >= 0x30 && code <= 0x39) || code === 0x2d || code === DOT;
}
