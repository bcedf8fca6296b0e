import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { newContactCardState, readContactCards, type ContactCardState } from '../../src/mask/lib/contact-card-text.js';

// The policy masks names and addresses, not birthdays.
const FIELDS = new Map([
  ['full_name', 'full_name'],
  ['home_address', 'home_address'],
]);
const fieldOf = (field: string): string | undefined => FIELDS.get(field);

/** The values `readContactCards` reports, as `field=text`. */
function values(text: string, state: ContactCardState = newContactCardState(), from = 0, to = text.length): string[] {
  const seen: string[] = [];
  readContactCards(text, from, to, state, fieldOf, (start, end, field) => seen.push(`${field}=${text.slice(start, end)}`));
  return seen;
}

describe('readContactCards', () => {
  it('reads a vCard\'s name and address properties, with groups, parameters, folded lines and CRLF, in any case', () => {
    const card = 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Anna Schmidt\r\nn:Schmidt;Anna;;;\r\nBDAY:1980-01-02\r\nitem1.ADR;TYPE="home,pref":;;Hauptstr. 1;Berlin;;10115;DE\r\nLABEL;TYPE=home:Hauptstr. 1\r\n 10115 Berlin\r\nNOTE:FN:x\r\n  more\r\nEND:VCARD\r\nFN:after the card\r\n';
    assert.deepEqual(values(card), ['full_name=Anna Schmidt', 'full_name=Schmidt;Anna;;;', 'home_address=;;Hauptstr. 1;Berlin;;10115;DE', 'home_address=Hauptstr. 1', 'home_address=10115 Berlin']);
  });

  it('reads the CN parameter of any property as a name, quoted or not; a quote that does not close ends none', () => {
    const event = 'BEGIN:VEVENT\nORGANIZER;CN=Jean Dupont:mailto:jean@example.fr\nATTENDEE;RSVP=TRUE;cn="Schmidt, Anna";ROLE=CHAIR:mailto:anna@example.de\nATTENDEE;CN="unclosed:mailto:x@example.org\nSUMMARY:CN=not a parameter\nEND:VEVENT\n';
    assert.deepEqual(values(event), ['full_name=Jean Dupont', 'full_name=Schmidt, Anna']);
  });

  it("reads a distinguished name's common name as a name when it reads as a person's, not a group's, a role's or an authority's", () => {
    const text = [
      'dn: cn=Anna Schmidt,ou=people,dc=example,dc=com',
      'member: CN=Schmidt\\, Anna,OU=Users,DC=corp,DC=example',
      'memberOf: CN=Domain Admins,CN=Users,DC=corp,DC=example',
      'Subject: C=DE, O=Example GmbH, CN=Jean Dupont',
      'Issuer: CN=Example Root CA, O=Example GmbH',
      'subject=/C=FR/O=Exemple/CN=Maria Rossi/emailAddress=maria@example.it',
      // OpenSSL 1.1 and later: a blank on each side of the `=`.
      'subject=C = DE, O = Example GmbH, CN = Erik Larsson',
      'CN=www.example.com, O=Example',
      'ICN=Not Me, ACN=Nor Me',
      '{"manager":"CN=Luca Bianchi,OU=Staff"}',
    ].join('\n');
    assert.deepEqual(values(text), ['full_name=Anna Schmidt', 'full_name=Schmidt\\, Anna', 'full_name=Jean Dupont', 'full_name=Maria Rossi', 'full_name=Erik Larsson', 'full_name=Luca Bianchi']);
    // Between the values a JSON text's reader joins (see `ScanInput.joined`).
    assert.deepEqual(values('x\u0000CN=Anna Schmidt,OU=People'), ['full_name=Anna Schmidt']);
  });

  it('carries a card and a folded value from one piece of a text to the next; a NUL ends the card', () => {
    const card = 'BEGIN:VCARD\nFN:Anna\n Schmidt\nEND:VCARD\n';
    const state = newContactCardState();
    const cut = card.indexOf(' Schmidt');
    assert.deepEqual([...values(card, state, 0, cut), ...values(card, state, cut, card.length)], ['full_name=Anna', 'full_name=Schmidt']);
    assert.deepEqual(state, newContactCardState());
    assert.deepEqual(values('BEGIN:VCARD\nFN:Anna\u0000FN:Bob\n'), ['full_name=Anna']);
  });
});
