import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { describe, it } from 'node:test';
import { GuardError } from '../../src/errors.js';
import { defaultMasking } from '../helpers/default-masking.js';
import { pythonRepr, rebuilt } from '../helpers/literal-text.js';
import { createMasker, type Findings } from '../../src/mask/masker.js';
import { LongString } from '../../src/proxy/long-strings.js';
import type { MaskingPolicy } from '../../src/policy/policy.js';
import { collector, settledArrayBuffers } from '../helpers/memory.js';
import { lookalikes, positives } from './corpus/corpus.js';
import { int, pick, seeded } from './corpus/random.js';

const KEY = new Uint8Array(32).fill(9);
const TEXT = 'Anna: anna@example.de, +49 30 12345678, IBAN DE89 3704 0044 0532 0130 00, card 4111 1111 1111 1111, SSN 123-45-6789, IP 192.168.1.10, order ORD-2024-000123';

/** `findings` with its types in order, to compare counts whatever order they were found in. */
function sorted(findings: Findings): Findings {
  return Object.fromEntries(Object.entries(findings).sort(([a], [b]) => a.localeCompare(b)));
}

function policy(overrides: Partial<MaskingPolicy> = {}): MaskingPolicy {
  return { ...defaultMasking(), ...overrides };
}

describe('createMasker', () => {
  it('redact: labels in brackets, look-alikes untouched, findings counted', () => {
    const { text, findings } = createMasker(policy({ style: 'redact' }), KEY).maskText(TEXT);
    assert.equal(text, 'Anna: [EMAIL], [PHONE], IBAN [IBAN], card [CREDIT_CARD], SSN [US_SSN], IP [IP], order ORD-2024-000123');
    assert.deepEqual(findings, { email: 1, phone: 1, iban: 1, credit_card: 1, us_ssn: 1, ip: 1 });
  });

  it('partial: keeps what the standards allow', () => {
    const { text } = createMasker(policy({ style: 'partial' }), KEY).maskText(TEXT);
    assert.equal(text, 'Anna: a***@example.de, +49********78, IBAN DE****************3000, card ****1111, SSN ***-**-6789, IP 192.168.1.*, order ORD-2024-000123');
  });

  it('pseudonym: first 8 hex of HMAC-SHA256(key, type:normal form), same value written differently → same token', () => {
    const masker = createMasker(policy({ style: 'pseudonym' }), KEY);
    const expected = createHmac('sha256', KEY).update('iban:DE89370400440532013000').digest('hex').slice(0, 8);
    assert.equal(masker.maskText('DE89 3704 0044 0532 0130 00').text, `<iban:${expected}>`);
    assert.equal(masker.maskText('de89370400440532013000').text, `<iban:${expected}>`);
    assert.equal(masker.maskText('Anna@Example.de').text, masker.maskText('anna@example.de').text);
    assert.equal(masker.maskText('+49 30 12345678').text, masker.maskText('030 12345678').text);
    // Another organisation key, another token.
    const other = createMasker(policy({ style: 'pseudonym' }), new Uint8Array(32).fill(10));
    assert.notEqual(other.maskText('anna@example.de').text, masker.maskText('anna@example.de').text);
  });

  it('enables only the detectors the policy names; eu_national_ids is the group of national ids', () => {
    const onlyEmail = createMasker(policy({ detectors: ['email'], style: 'redact' }), KEY);
    assert.equal(onlyEmail.maskText('anna@example.de +49 30 12345678').text, '[EMAIL] +49 30 12345678');
    const ids = createMasker(policy({ detectors: ['eu_national_ids'], style: 'redact' }), KEY);
    assert.equal(ids.maskText('PESEL 44051401359, SSN 123-45-6789, DNI 12345678Z').text, 'PESEL [PL_PESEL], SSN 123-45-6789, DNI [ES_DNI_NIE]');
    const one = createMasker(policy({ detectors: ['de_steuer_id'], style: 'redact' }), KEY);
    assert.equal(one.maskText('Steuer-ID 86095742719, DNI 12345678Z').text, 'Steuer-ID [DE_STEUER_ID], DNI 12345678Z');
  });

  it('rejects an unknown detector name with GUARD_MASK_CONFIG', () => {
    assert.throws(() => createMasker(policy({ detectors: ['emails'] }), KEY), (error: unknown) => error instanceof GuardError && error.code === 'GUARD_MASK_CONFIG' && /unknown detector "emails"/.test(error.message));
  });

  it('maskValue: masks field names whole, deeply, keeping the shape; other keys are scanned', () => {
    const masker = createMasker(policy({ style: 'redact', fields: ['first_name', 'Date-Of-Birth', 'home_address'] }), KEY);
    const input = {
      id: 42,
      first_name: 'Anna',
      date_of_birth: '1990-01-01',
      home_address: { street: 'Hauptstr. 1', city: 'Berlin', zip: 10115 },
      contact: { email: 'anna@example.de', tags: ['vip', 'call +49 30 12345678'] },
      created_at: '2024-03-05T10:15:00Z',
    };
    const before = structuredClone(input);
    const { value, findings } = masker.maskValue(input);
    assert.deepEqual(value, {
      id: 42,
      first_name: '[FIRST_NAME]',
      date_of_birth: '[DATE-OF-BIRTH]',
      home_address: { street: '[HOME_ADDRESS]', city: '[HOME_ADDRESS]', zip: '[HOME_ADDRESS]' },
      contact: { email: '[EMAIL]', tags: ['vip', 'call [PHONE]'] },
      created_at: '2024-03-05T10:15:00Z',
    });
    assert.deepEqual(findings, { first_name: 1, 'Date-Of-Birth': 1, home_address: 3, email: 1, phone: 1 });
    assert.deepEqual(input, before, 'the input is not mutated, at any depth');
  });

  it('matches a key to a field whatever its case and separators: camelCase, PascalCase, kebab-case, spaces, in JSON and in text', () => {
    const masker = createMasker(policy({ style: 'redact' }), KEY);
    const record = { firstName: 'Anna', LastName: 'Schmidt', 'date-of-birth': '1980-01-02', 'Home Address': 'Hauptstr. 1', DOB: '1980', fullname: 'Anna Schmidt', firstNameLabel: 'Anna', 'first.name': 'Anna' };
    const masked = { firstName: '[FIRST_NAME]', LastName: '[LAST_NAME]', 'date-of-birth': '[DATE_OF_BIRTH]', 'Home Address': '[HOME_ADDRESS]', DOB: '[DATE_OF_BIRTH]', fullname: '[FULL_NAME]', firstNameLabel: 'Anna', 'first.name': 'Anna' };
    assert.deepEqual(masker.maskValue(record).value, masked);
    assert.deepEqual(JSON.parse(masker.maskValue(JSON.stringify(record)).value as string), masked);
    assert.equal(
      masker.maskText('firstName: Anna\n<lastName>Schmidt</lastName>\nfullName,dateOfBirth\nAnna Schmidt,1980-01-02\n?FirstName=Anna&page=2').text,
      'firstName: [FIRST_NAME]\n<lastName>[LAST_NAME]</lastName>\nfullName,dateOfBirth\n[FULL_NAME],[DATE_OF_BIRTH]\n?FirstName=[FIRST_NAME]&page=2',
    );
    // An analytics tool's person properties (Mixpanel's, PostHog's) start with a `$`.
    const profile = { $distinct_id: 'u1', $properties: { $first_name: 'Anna', $last_name: 'Schmidt', $name: 'Anna Schmidt', $email: 'anna@example.de', $city: 'Berlin' } };
    assert.deepEqual(masker.maskValue(profile).value, { ...profile, $properties: { $first_name: '[FIRST_NAME]', $last_name: '[LAST_NAME]', $name: '[FULL_NAME]', $email: '[EMAIL]', $city: 'Berlin' } });
    assert.equal(masker.maskValue(JSON.stringify(profile)).value, JSON.stringify(masker.maskValue(profile).value));
  });

  it('masks the name of an object that stands for a person, or a name under its key, as its full name, and no other name', () => {
    const masker = createMasker(policy({ style: 'redact' }), KEY);
    const result = { name: 'mcp-guard', commit: { author: { name: 'Anna Schmidt', login: 'anna' }, tree: { name: 'src' } }, customers: [{ id: 7, displayName: 'Jean D.' }], tool: { name: 'search' } };
    const masked = { name: 'mcp-guard', commit: { author: { name: '[FULL_NAME]', login: 'anna' }, tree: { name: 'src' } }, customers: [{ id: 7, displayName: '[FULL_NAME]' }], tool: { name: 'search' } };
    assert.deepEqual(masker.maskValue(result), { value: masked, findings: { full_name: 2 } });
    assert.deepEqual(masker.maskValue(JSON.stringify(result)), { value: JSON.stringify(masked), findings: { full_name: 2 } });
    // Only a policy that masks full names masks them.
    assert.deepEqual(createMasker(policy({ style: 'redact', fields: ['first_name'] }), KEY).maskValue(result).value, result);
    // A string under such a key is the person's name if it reads as one; an id or a lone word is not.
    const people = { assignee: 'Jean Dupont', patient: 'Müller, Hans', reviewers: 'Anna Schmidt and Jean Dupont', customer: 'cus_NffrFeUfNV2Hib', attendees: ['Anna Schmidt', 'Daan de Vries', '山田太郎', 'anna', 'Berlin', 'see Anna'], title: 'Maria Rossi' };
    const peopleMasked = { ...people, assignee: '[FULL_NAME]', patient: '[FULL_NAME]', reviewers: '[FULL_NAME]', attendees: ['[FULL_NAME]', '[FULL_NAME]', '[FULL_NAME]', 'anna', 'Berlin', 'see Anna'] };
    assert.deepEqual(masker.maskValue(people), { value: peopleMasked, findings: { full_name: 6 } });
    assert.deepEqual(masker.maskValue(JSON.stringify(people)), { value: JSON.stringify(peopleMasked), findings: { full_name: 6 } });
    assert.equal(masker.maskText('Attendees: Anna Schmidt, Jean Dupont, Maria Rossi\n').text, 'Attendees: [FULL_NAME]\n');
    // A passenger as airlines write one.
    assert.deepEqual(masker.maskValue({ passengers: [{ name: 'DUPONT/JEAN MR', seat: '12A' }], passenger: 'SCHMIDT/ANNA MRS' }).value, { passengers: [{ name: '[FULL_NAME]', seat: '12A' }], passenger: '[FULL_NAME]' });
    assert.equal(masker.maskText('Passenger: SCHMIDT/ANNA MRS\n').text, 'Passenger: [FULL_NAME]\n');
    // A booking's invitee (Calendly) and a call's caller.
    assert.deepEqual(masker.maskValue({ invitee: { name: 'Anna Schmidt', timezone: 'Europe/Berlin' }, caller: 'Jean Dupont' }).value, { invitee: { name: '[FULL_NAME]', timezone: 'Europe/Berlin' }, caller: '[FULL_NAME]' });
  });

  it('masks a name found in a value wherever else the value writes it, as a whole word; a lone first name, and more than 64 names, are not searched for', () => {
    const masker = createMasker(policy({ style: 'pseudonym' }), KEY);
    const customer = { description: 'Anna Schmidt (VIP), not Anna Schmidtke or Anna Schmidt-Meyer', name: 'Anna Schmidt', email: 'anna@example.de', notes: ['Call Anna Schmidt back.'], first_name: 'Mark', tags: ['Mark as read'] };
    const masked = masker.maskValue(customer);
    const token = (masked.value as typeof customer).name;
    assert.match(token, /^<full_name:[0-9a-f]{8}>$/);
    assert.deepEqual(masked.value, {
      ...customer,
      description: `${token} (VIP), not Anna Schmidtke or Anna Schmidt-Meyer`,
      name: token,
      email: (masked.value as typeof customer).email,
      notes: [`Call ${token} back.`],
      first_name: (masked.value as typeof customer).first_name,
    });
    assert.equal(masked.findings.full_name, 3);
    // JSON text, text and text a piece at a time alike.
    assert.deepEqual(masker.maskValue(JSON.stringify(customer)), { value: JSON.stringify(masked.value), findings: masked.findings });
    const text = 'Name: Anna Schmidt\nEmail: anna@example.de\nNotes: called Anna Schmidt back.\n';
    const textMasked = `Name: ${token}\nEmail: ${masker.maskText('anna@example.de').text}\nNotes: called ${token} back.\n`;
    assert.deepEqual(masker.maskText(text), { text: textMasked, findings: { full_name: 2, email: 1 } });
    const findings = {};
    // Other values are masked between a long text's pieces, as the wrapper sends each before the next is masked.
    const pieces = masker.maskPieces(['Name: Anna Schmidt\nEmail: anna@example.de\n', 'Notes: called Anna Schmidt back.\n'], findings);
    const first = pieces.next().value as string;
    assert.equal(masker.maskText('Name: Jean Dupont\nEmail: jean@example.fr\n').findings.full_name, 1);
    assert.equal(first + [...pieces].join(''), textMasked);
    assert.deepEqual(findings, { full_name: 2, email: 1 });
    assert.deepEqual(masker.findAll(text), [
      { type: 'full_name', start: 6, end: 18 },
      { type: 'email', start: 26, end: 41 },
      { type: 'full_name', start: 56, end: 68 },
    ]);
    // Each value on its own: a name masked in one is not searched for in the next.
    assert.equal(masker.maskText('Notes: called Anna Schmidt back.').text, 'Notes: called Anna Schmidt back.');
    // A first and a last name masked apart make the full name, with the full name's token.
    const contact = { properties: { firstname: 'Anna', lastname: 'Schmidt' }, notes: 'Call Anna Schmidt, not Anna.' };
    const parts = masker.maskValue({ first_name: 'Anna', last_name: 'Schmidt' }).value as { first_name: string; last_name: string };
    assert.deepEqual(masker.maskValue(contact).value, { properties: { firstname: parts.first_name, lastname: parts.last_name }, notes: `Call ${token}, not Anna.` });
    assert.equal(masker.maskText('Vorname: Anna\nNachname: Schmidt\nNotiz: Anna Schmidt hat angerufen.\n').text.split('\n')[2], `Notiz: ${token} hat angerufen.`);
    // A bulk export's names are left to what found each.
    const many = Array.from({ length: 65 }, (_, k) => ({ name: `Anna Schmidt${String.fromCharCode(97 + (k % 26))}${String.fromCharCode(97 + Math.floor(k / 26))}`, email: `a${k}@example.de` }));
    const manyMasked = masker.maskValue({ customers: many, note: `${many[0]!.name} called` }).value as { note: string };
    assert.equal(manyMasked.note, `${many[0]!.name} called`);
    // And so are a multi-megabyte value's: only its first MiB is searched, each string whole or not at all.
    const filler = `${'x'.repeat(1024)}\n`.repeat(1024);
    const long = masker.maskText(`${text}${filler}Anna Schmidt`).text;
    assert.equal(long, `${textMasked.replace(`called ${token}`, 'called Anna Schmidt')}${filler}Anna Schmidt`, 'a text of over a MiB is not searched');
    assert.deepEqual(masker.maskValue({ name: 'Anna Schmidt', email: 'anna@example.de', log: filler, note: 'Anna Schmidt' }).value, {
      name: token,
      email: masker.maskText('anna@example.de').text,
      log: filler,
      note: 'Anna Schmidt',
    });
  });

  it("masks the address beside an addressee's name (a parcel's recipient, RIPE's `person:`), in text, JSON and JSON text; a company's name tells nothing", () => {
    const masker = createMasker(policy({ style: 'redact' }), KEY);
    assert.equal(
      masker.maskText('Recipient: Anna Schmidt\nStreet: Hauptstr. 5\n\nperson:         Jean Dupont\naddress:        1 rue de Rivoli\naddress:        75001 Paris\nnic-hdl:        JD1-RIPE\n').text,
      'Recipient: [FULL_NAME]\nStreet: [HOME_ADDRESS]\n\nperson:         [FULL_NAME]\naddress:        [HOME_ADDRESS]\naddress:        [HOME_ADDRESS]\nnic-hdl:        JD1-RIPE\n',
    );
    const parcel = { recipient: 'Anna Schmidt', street: 'Hauptstr. 5', city: 'Berlin' };
    const masked = { recipient: '[FULL_NAME]', street: '[HOME_ADDRESS]', city: 'Berlin' };
    assert.deepEqual(masker.maskValue(parcel).value, masked);
    assert.equal(masker.maskText(JSON.stringify([parcel])).text, JSON.stringify([masked]));
    // German's compound words for a recipient and a holder stand for a person too.
    assert.equal(masker.maskText('Rechnungsempfänger: Anna Schmidt\nStraße: Hauptstr. 5\nKarteninhaber: Jean Dupont\n').text, 'Rechnungsempfänger: [FULL_NAME]\nStraße: [HOME_ADDRESS]\nKarteninhaber: [FULL_NAME]\n');
    // A company is not a person: neither its name nor its address is masked.
    const company = { customer: 'Example GmbH', street: 'Industriestr. 1' };
    assert.deepEqual(masker.maskValue(company).value, company);
    assert.equal(masker.maskText('Customer: Acme Inc.\nAddress: 1 Main St\n').text, 'Customer: Acme Inc.\nAddress: 1 Main St\n');
  });

  it('masks a person told by a key in text or an XML element as in JSON: `Assignee: Jean Dupont`, a YAML person\'s name, address and list of names, `<customer><name>`', () => {
    const masker = createMasker(policy({ style: 'pseudonym' }), KEY);
    const yaml = 'Assignee: Jean Dupont\ncustomer:\n  name: Anna Schmidt\n  address: Hauptstr. 1, Berlin\n  plan: Gold\nname: Project X\nattendees:\n  - Anna Schmidt\n';
    const json = masker.maskValue({ assignee: 'Jean Dupont', customer: { name: 'Anna Schmidt', address: 'Hauptstr. 1, Berlin', plan: 'Gold' }, name: 'Project X', attendees: ['Anna Schmidt'] });
    const { assignee, customer, attendees } = json.value as { assignee: string; customer: { name: string; address: string }; attendees: string[] };
    assert.deepEqual(masker.maskText(yaml), {
      text: `Assignee: ${assignee}\ncustomer:\n  name: ${customer.name}\n  address: ${customer.address}\n  plan: Gold\nname: Project X\nattendees:\n  - ${attendees[0]}\n`,
      findings: json.findings,
    });
    assert.deepEqual(json.findings, { full_name: 3, home_address: 1 });
    // XML the same way.
    const xml = '<assignee>Jean Dupont</assignee>\n<customer>\n  <name>Anna Schmidt</name>\n  <address>Hauptstr. 1, Berlin</address>\n  <plan>Gold</plan>\n</customer>\n<name>Project X</name>\n';
    assert.deepEqual(masker.maskText(xml), {
      text: `<assignee>${assignee}</assignee>\n<customer>\n  <name>${customer.name}</name>\n  <address>${customer.address}</address>\n  <plan>Gold</plan>\n</customer>\n<name>Project X</name>\n`,
      findings: { full_name: 2, home_address: 1 },
    });
  });

  it('knows a person by who made, owns or acts on a record (`organizer`, `owners`, `created_by`), by a payment\'s `billing_details`, by whom care or insurance is for, and by a type that says so', () => {
    const masker = createMasker(policy({ style: 'redact' }), KEY);
    const result = {
      organizer: { displayName: 'Anna Schmidt' }, owners: [{ displayName: 'Jean Dupont' }], created_by: 'Anna Schmidt', real_name: 'Anna S.',
      billing_details: { name: 'Anna Schmidt', address: { line1: 'Hauptstr. 1', city: 'Berlin' } }, shipping_address: 'Hauptstr. 1', manager: { name: 'npm' }, shipping: { name: 'Express' },
    };
    const masked = {
      ...result, organizer: { displayName: '[FULL_NAME]' }, owners: [{ displayName: '[FULL_NAME]' }], created_by: '[FULL_NAME]', real_name: '[FULL_NAME]',
      billing_details: { name: '[FULL_NAME]', address: { line1: '[HOME_ADDRESS]', city: '[HOME_ADDRESS]' } }, shipping_address: '[HOME_ADDRESS]',
    };
    assert.deepEqual(masker.maskValue(result), { value: masked, findings: { full_name: 5, home_address: 3 } });
    assert.deepEqual(masker.maskValue(JSON.stringify(result)), { value: JSON.stringify(masked), findings: { full_name: 5, home_address: 3 } });
    // An object whose type says it is a person's: the memory server's entities, Notion's users.
    const graph = { entities: [{ type: 'entity', name: 'Anna Schmidt', entityType: 'person', observations: ['Works at Acme'] }, { type: 'entity', name: 'Acme', entityType: 'organization' }], owner: { object: 'user', name: 'Jean Dupont' } };
    const graphMasked = { ...graph, entities: [{ ...graph.entities[0], name: '[FULL_NAME]' }, graph.entities[1]], owner: { object: 'user', name: '[FULL_NAME]' } };
    assert.deepEqual(masker.maskValue(graph), { value: graphMasked, findings: { full_name: 2 } });
    assert.deepEqual(masker.maskValue(JSON.stringify(graph)), { value: JSON.stringify(graphMasked), findings: { full_name: 2 } });
    // Schema.org's JSON-LD says a Person by its `@type`; a record about care, insurance or lending names its people so.
    const linked = { '@context': 'https://schema.org', '@type': 'Person', name: 'Anna Schmidt', jobTitle: 'CTO' };
    assert.deepEqual(masker.maskValue(linked).value, { ...linked, name: '[FULL_NAME]' });
    const care = { guardian: { name: 'Anna Schmidt' }, next_of_kin: { name: 'Jean Dupont' }, policyholder: { name: 'Maria Rossi' }, tenant: { name: 'Acme' } };
    assert.deepEqual(masker.maskValue(care).value, { ...care, guardian: { name: '[FULL_NAME]' }, next_of_kin: { name: '[FULL_NAME]' }, policyholder: { name: '[FULL_NAME]' } });
    // Google's People API: a person's names and birthdays as lists of objects, each masked whole as the field (a given name as the first name it is).
    const people = { connections: [{ resourceName: 'people/c1' }], person: { names: [{ displayName: 'Anna Schmidt', givenName: 'Anna' }], birthdays: [{ date: { year: 1980, month: 1, day: 2 } }] } };
    const peopleMasked = { ...people, person: { names: [{ displayName: '[FULL_NAME]', givenName: '[FIRST_NAME]' }], birthdays: [{ date: { year: '[DATE_OF_BIRTH]', month: '[DATE_OF_BIRTH]', day: '[DATE_OF_BIRTH]' } }] } };
    assert.deepEqual(masker.maskValue(people), { value: peopleMasked, findings: { full_name: 1, first_name: 1, date_of_birth: 3 } });
    assert.deepEqual(masker.maskValue(JSON.stringify(people)).value, JSON.stringify(peopleMasked));
    // In text: a mail's header, a ticket's agent, a customer in German; in JSON a route's `from` and `to` and an `agent` stay.
    assert.equal(
      masker.maskText('From: Jean Dupont\nAn: Anna Schmidt\nSubject: Offer\n\nRequester: Maria Rossi\nAgent: Erik Larsson\nKunde: Anna Schmidt\nFrom: 2024-01-01\n').text,
      'From: [FULL_NAME]\nAn: [FULL_NAME]\nSubject: Offer\n\nRequester: [FULL_NAME]\nAgent: [FULL_NAME]\nKunde: [FULL_NAME]\nFrom: 2024-01-01\n',
    );
    const route = { route: { from: 'New York', to: 'Los Angeles' }, agent: { name: 'Claude Code' } };
    assert.deepEqual(masker.maskValue(route), { value: route, findings: {} });
    // A payment's parties and an account's holder, in English and the EU's larger languages.
    const payment = { debtor: { name: 'Anna Schmidt' }, payee: 'Jean Dupont', holder: 'Maria Rossi', id: 'pay_1' };
    assert.deepEqual(masker.maskValue(payment).value, { debtor: { name: '[FULL_NAME]' }, payee: '[FULL_NAME]', holder: '[FULL_NAME]', id: 'pay_1' });
    assert.equal(masker.maskText('Kontoinhaber: Anna Schmidt\nTitulaire du compte: Jean Dupont\nRekeninghouder: Daan de Vries\n').text, 'Kontoinhaber: [FULL_NAME]\nTitulaire du compte: [FULL_NAME]\nRekeninghouder: [FULL_NAME]\n');
  });

  it('knows a person by an e-mail address, a phone number or an IBAN beside a name: an object with such a member, a record of key lines, a table with such a column', () => {
    const masker = createMasker(policy({ style: 'redact' }), KEY);
    // The name before the address is read again once the address tells the object (see `LateReading`).
    const result = { items: [{ name: 'Anna Schmidt', email: 'anna@example.de', address: 'Hauptstr. 1' }, { id: 2, name: 'Widget' }], repo: { name: 'mcp-guard' } };
    const masked = { items: [{ name: '[FULL_NAME]', email: '[EMAIL]', address: '[HOME_ADDRESS]' }, { id: 2, name: 'Widget' }], repo: { name: 'mcp-guard' } };
    assert.deepEqual(masker.maskValue(result), { value: masked, findings: { full_name: 1, email: 1, home_address: 1 } });
    assert.deepEqual(masker.maskValue(JSON.stringify(result)), { value: JSON.stringify(masked), findings: { full_name: 1, email: 1, home_address: 1 } });
    // An object longer than a part (64 Ki characters) that tells late, and one that never does, are masked as their parsed values are.
    for (const long of [{ name: 'Anna Schmidt', notes: 'x '.repeat(40_000), plan: 'Gold', email: 'anna@example.de' }, { address: { city: 'Berlin' }, email: 'anna@example.de' }, { name: 'Report', rows: Array.from({ length: 9000 }, (_, k) => ({ n: k, name: 'x' })) }]) {
      assert.deepEqual(masker.maskValue(JSON.stringify(long)), { ...masker.maskValue(long), value: JSON.stringify(masker.maskValue(long).value) });
    }
    // A phone number or a bank account tells it too; a flag does not (`"email": true` is a notification's setting).
    const contacts = { people: [{ name: 'Anna Schmidt', phone: '+49 30 1234567' }, { name: 'Jean Dupont', IBAN: 'DE89 3704 0044 0532 0130 00' }], settings: [{ name: 'Weekly digest', email: true, phone: false }] };
    const contactsMasked = { ...contacts, people: [{ name: '[FULL_NAME]', phone: '[PHONE]' }, { name: '[FULL_NAME]', IBAN: '[IBAN]' }] };
    assert.deepEqual(masker.maskValue(contacts), { value: contactsMasked, findings: { full_name: 2, phone: 1, iban: 1 } });
    assert.deepEqual(masker.maskValue(JSON.stringify(contacts)), { value: JSON.stringify(contactsMasked), findings: { full_name: 2, phone: 1, iban: 1 } });
    assert.equal(masker.maskText('Name: Anna Schmidt\nPhone: +49 30 1234567\n\nname,tel\nJean Dupont,030 1234567\n').text, 'Name: [FULL_NAME]\nPhone: [PHONE]\n\nname,tel\n[FULL_NAME],[PHONE]\n');
    // A mailbox: Microsoft Graph's sender and recipients, an address's object with its owner's name. Its `address` is the e-mail address.
    const message = { subject: 'Invoice', from: { emailAddress: { name: 'Anna Schmidt', address: 'anna@example.de' } }, toRecipients: [{ emailAddress: { address: 'jean@example.fr', name: 'Jean Dupont' } }], attachments: [{ name: 'invoice.pdf' }] };
    const messageMasked = { ...message, from: { emailAddress: { name: '[FULL_NAME]', address: '[EMAIL]' } }, toRecipients: [{ emailAddress: { address: '[EMAIL]', name: '[FULL_NAME]' } }] };
    assert.deepEqual(masker.maskValue(message), { value: messageMasked, findings: { full_name: 2, email: 2 } });
    assert.deepEqual(masker.maskValue(JSON.stringify(message)), { value: JSON.stringify(messageMasked), findings: { full_name: 2, email: 2 } });
    // A line of keys is a record too: logfmt, and a key line with keys after its value.
    assert.deepEqual(masker.maskText('level=info name="Anna Schmidt" email=anna@example.de\nName: Jean Dupont, Email: jean@example.fr\nfirst_name: "Anna", last_name: "Schmidt"\n'), {
      text: 'level=info name="[FULL_NAME]" email=[EMAIL]\nName: [FULL_NAME], Email: [EMAIL]\nfirst_name: "[FIRST_NAME]", last_name: "[LAST_NAME]"\n',
      findings: { full_name: 2, email: 2, first_name: 1, last_name: 1 },
    });
    // A record of key lines, as a tool prints one for a model.
    assert.equal(masker.maskText('Name: Anna Schmidt\nE-mail: anna@example.de\n\nName: Report\n').text, 'Name: [FULL_NAME]\nE-mail: [EMAIL]\n\nName: Report\n');
    assert.deepEqual(masker.maskText('Name,E-mail,Plan\nAnna Schmidt,anna@example.de,Gold\n\nname,size\nreport.pdf,12\n'), {
      text: 'Name,E-mail,Plan\n[FULL_NAME],[EMAIL],Gold\n\nname,size\nreport.pdf,12\n',
      findings: { full_name: 1, email: 1 },
    });
    // An LDAP entry (LDIF, a directory's search): its `cn` and `sn`, and the `cn` its `dn` names; a group's stays.
    const ldif = 'dn: cn=Anna Schmidt,ou=people,dc=example,dc=com\nobjectClass: inetOrgPerson\ncn: Anna Schmidt\nsn: Schmidt\nmail: anna@example.de\n\ndn: cn=printers,ou=groups,dc=example,dc=com\ncn: printers\n';
    assert.deepEqual(masker.maskText(ldif), {
      text: 'dn: cn=[FULL_NAME],ou=people,dc=example,dc=com\nobjectClass: inetOrgPerson\ncn: [FULL_NAME]\nsn: [LAST_NAME]\nmail: [EMAIL]\n\ndn: cn=printers,ou=groups,dc=example,dc=com\ncn: printers\n',
      findings: { full_name: 2, last_name: 1, email: 1 },
    });
    // `git config --list` and a properties file: a dotted key whose last part is a person's member, under a person's part.
    assert.equal(masker.maskText('user.name=Anna Schmidt\nuser.email=anna@example.de\ncustomer.address = Hauptstr. 1\nrepo.name = mcp-guard\n').text, 'user.name=[FULL_NAME]\nuser.email=[EMAIL]\ncustomer.address = [HOME_ADDRESS]\nrepo.name = mcp-guard\n');
    // A text that is a JSON string (a tool's `JSON.stringify` of a text) is masked as the text it holds, and written as JSON again.
    assert.deepEqual(masker.maskValue(` ${JSON.stringify('Name: Anna Schmidt\nEmail: anna@example.de\n')}\n`), { value: ` ${JSON.stringify('Name: [FULL_NAME]\nEmail: [EMAIL]\n')}\n`, findings: { full_name: 1, email: 1 } });
    assert.deepEqual(masker.maskValue(JSON.stringify(JSON.stringify({ name: 'Anna Schmidt', email: 'anna@example.de' }))).value, JSON.stringify(JSON.stringify({ name: '[FULL_NAME]', email: '[EMAIL]' })));
    assert.deepEqual(masker.maskValue('"Anna" and "Jean"'), { value: '"Anna" and "Jean"', findings: {} });
    // An INI or TOML section that stands for a person is their block up to the next section: git's `[user]`, TOML's `[[customers]]`.
    assert.equal(
      masker.maskText('[core]\n\teditor = vim\n[user]\n\tname = Anna Schmidt\n[remote "origin"]\n\tname = origin\n\n[[customers]]\nname = "Jean Dupont"\nplan = "Gold"\n\n[[products]]\nname = "Widget"\n').text,
      '[core]\n\teditor = vim\n[user]\n\tname = [FULL_NAME]\n[remote "origin"]\n\tname = origin\n\n[[customers]]\nname = "[FULL_NAME]"\nplan = "Gold"\n\n[[products]]\nname = "Widget"\n',
    );
    // A list of records in YAML's flow style, and a database client's box.
    assert.equal(masker.maskText('- {name: Anna Schmidt, email: anna@example.de}\n').text, '- {name: [FULL_NAME], email: [EMAIL]}\n');
    assert.equal(masker.maskText(' id | name         | email\n----+--------------+-----------------\n  1 | Anna Schmidt | anna@example.de\n').text, ' id | name         | email\n----+--------------+-----------------\n  1 | [FULL_NAME] | [EMAIL]\n');
  });

  it('masks a postal address written as on an envelope or in a line, and the name above it, as the home address and the full name', () => {
    const masker = createMasker(policy({ style: 'redact' }), KEY);
    assert.deepEqual(masker.maskText('Invoice to:\nAnna Schmidt\nHauptstr. 5\n10115 Berlin\n\nShip to Jean Dupont, 1 rue de Rivoli, 75001 Paris.\nExample GmbH, 10115 Berlin\n'), {
      text: 'Invoice to:\n[FULL_NAME]\n[HOME_ADDRESS]\n[HOME_ADDRESS]\n\nShip to [FULL_NAME], [HOME_ADDRESS], [HOME_ADDRESS].\nExample GmbH, 10115 Berlin\n',
      findings: { full_name: 2, home_address: 4 },
    });
    // Only a policy that masks home addresses masks them.
    assert.equal(createMasker(policy({ style: 'redact', fields: ['first_name'] }), KEY).maskText('Hauptstr. 5\n10115 Berlin\n').text, 'Hauptstr. 5\n10115 Berlin\n');
  });

  it('masks the speakers of a chat\'s export and a meeting\'s transcript, told by the time beside them', () => {
    const masker = createMasker(policy({ style: 'redact' }), KEY);
    assert.deepEqual(masker.maskText('[10:02] Anna Schmidt: hello\n12/01/2024, 10:03 - Jean Dupont: hi\n**Maria Rossi** (00:05): welcome\n[10:04] Scheduler: started\n'), {
      text: '[10:02] [FULL_NAME]: hello\n12/01/2024, 10:03 - [FULL_NAME]: hi\n**[FULL_NAME]** (00:05): welcome\n[10:04] Scheduler: started\n',
      findings: { full_name: 3 },
    });
  });

  it('masks the names git blame, git shortlog and a passwd file print, where no key says what they are', () => {
    const masker = createMasker(policy({ style: 'redact' }), KEY);
    assert.deepEqual(masker.maskText('^a1b2c3d (Anna Schmidt 2024-01-01 10:00:00 +0100 1) x\n    12\tJean Dupont\nmaria:x:1000:1000:Maria Rossi,,,:/home/maria:/bin/bash\n'), {
      text: '^a1b2c3d ([FULL_NAME] 2024-01-01 10:00:00 +0100 1) x\n    12\t[FULL_NAME]\nmaria:x:1000:1000:[FULL_NAME],,,:/home/maria:/bin/bash\n',
      findings: { full_name: 3 },
    });
    // Only a policy that masks full names masks them.
    assert.equal(createMasker(policy({ style: 'redact', fields: ['first_name'] }), KEY).maskText('    12\tJean Dupont\n').text, '    12\tJean Dupont\n');
  });

  it('masks the people a website\'s legal notice (Impressum) and a company\'s register name, and a contact in other languages', () => {
    const masker = createMasker(policy({ style: 'redact' }), KEY);
    assert.equal(
      masker.maskText('Impressum\nExample GmbH\nGeschäftsführer: Anna Schmidt\nVertreten durch: Jean Dupont\nInhaber: Maria Rossi\nRegistergericht: Amtsgericht Berlin\nKontakt: Erik Larsson, Tel. 030 1234567\n').text,
      'Impressum\nExample GmbH\nGeschäftsführer: [FULL_NAME]\nVertreten durch: [FULL_NAME]\nInhaber: [FULL_NAME]\nRegistergericht: Amtsgericht Berlin\nKontakt: [FULL_NAME], Tel. [PHONE]\n',
    );
    assert.deepEqual(masker.maskValue({ company: { name: 'Example GmbH', ceo: 'Anna Schmidt', director: { name: 'Jean Dupont' } } }).value, { company: { name: 'Example GmbH', ceo: '[FULL_NAME]', director: { name: '[FULL_NAME]' } } });
  });

  it('masks a WHOIS record\'s contacts (`Registrant Name:`, `Admin Street:`, a RIPE person\'s address lines), a name or address that says whose it is, and a person named by what they did (`Reviewed-by:`, `approved_by`)', () => {
    const masker = createMasker(policy({ style: 'redact' }), KEY);
    const whois = 'Domain Name: EXAMPLE.COM\nRegistrant Name: Anna Schmidt\nRegistrant Organization: Example GmbH\nRegistrant Street: Hauptstr. 5\nRegistrant City: Berlin\nRegistrant Email: anna@example.de\nAdmin Name: Jean Dupont\nTech Street: 1 rue de Rivoli\nName Server: ns1.example.com\n';
    assert.deepEqual(masker.maskText(whois), {
      text: 'Domain Name: EXAMPLE.COM\nRegistrant Name: [FULL_NAME]\nRegistrant Organization: Example GmbH\nRegistrant Street: [HOME_ADDRESS]\nRegistrant City: Berlin\nRegistrant Email: [EMAIL]\nAdmin Name: [FULL_NAME]\nTech Street: [HOME_ADDRESS]\nName Server: ns1.example.com\n',
      findings: { full_name: 2, home_address: 2, email: 1 },
    });
    // A RIPE person object: its address over two lines, each under its own key, told by its phone number.
    assert.equal(
      masker.maskText('person:         Anna Schmidt\naddress:        Hauptstr. 5\naddress:        10115 Berlin\nphone:          +49 30 1234567\nnic-hdl:        AS1-RIPE\n').text,
      'person:         [FULL_NAME]\naddress:        [HOME_ADDRESS]\naddress:        [HOME_ADDRESS]\nphone:          [PHONE]\nnic-hdl:        AS1-RIPE\n',
    );
    const record = { registrant_name: 'Anna Schmidt', patient_address: 'Hauptstr. 5', customerStreet: 'Via Roma 1', user_name: 'anna42', sender_address: 'jean@example.fr', tech_stack: 'Node' };
    assert.deepEqual(masker.maskValue(record), {
      value: { ...record, registrant_name: '[FULL_NAME]', patient_address: '[HOME_ADDRESS]', customerStreet: '[HOME_ADDRESS]', sender_address: '[EMAIL]' },
      findings: { full_name: 1, home_address: 2, email: 1 },
    });
    // Git's trailers, a review's or an approval's person.
    assert.equal(
      masker.maskText('Fix login\n\nReviewed-by: Maria Rossi\nAcked-by: Erik Larsson\nReported-by: Jean Dupont\n').text,
      'Fix login\n\nReviewed-by: [FULL_NAME]\nAcked-by: [FULL_NAME]\nReported-by: [FULL_NAME]\n',
    );
    assert.deepEqual(masker.maskValue({ approved_by: 'Anna Schmidt', requested_by: { name: 'Jean Dupont' }, approved_at: '2024-01-01' }).value, { approved_by: '[FULL_NAME]', requested_by: { name: '[FULL_NAME]' }, approved_at: '2024-01-01' });
  });

  it('knows a person by a first or last name or a birth date beside their name or address: a CRM\'s contact, a shop\'s customer and parcel, a table with such a column', () => {
    const masker = createMasker(policy({ style: 'redact' }), KEY);
    // Salesforce's Contact: its `Name` beside `FirstName`, and its `MailingStreet` (a street line after whose address it is); a city alone stays.
    const contact = { Id: '003xx', FirstName: 'Anna', LastName: 'Schmidt', Name: 'Anna Schmidt', MailingStreet: 'Hauptstr. 5', MailingCity: 'Berlin', Title: 'CTO' };
    const contactMasked = { ...contact, FirstName: '[FIRST_NAME]', LastName: '[LAST_NAME]', Name: '[FULL_NAME]', MailingStreet: '[HOME_ADDRESS]' };
    assert.deepEqual(masker.maskValue(contact), { value: contactMasked, findings: { first_name: 1, last_name: 1, full_name: 1, home_address: 1 } });
    assert.deepEqual(masker.maskValue(JSON.stringify(contact)), { value: JSON.stringify(contactMasked), findings: { first_name: 1, last_name: 1, full_name: 1, home_address: 1 } });
    // Shopify's customer and its `default_address`; WooCommerce's parcel, whose `address_1` follows a first name; Google's People API's name object.
    const order = {
      customer: { first_name: 'Anna', default_address: { address1: 'Hauptstr. 5', city: 'Berlin' } },
      shipping: { first_name: 'Jean', address_1: '1 rue de Rivoli', method: 'express' },
      names: [{ displayName: 'Maria Rossi', givenName: 'Maria' }],
      birth: { dob: '1980-01-02', name: 'Erik Larsson' },
    };
    const orderMasked = {
      customer: { first_name: '[FIRST_NAME]', default_address: { address1: '[HOME_ADDRESS]', city: '[HOME_ADDRESS]' } },
      shipping: { first_name: '[FIRST_NAME]', address_1: '[HOME_ADDRESS]', method: 'express' },
      names: [{ displayName: '[FULL_NAME]', givenName: '[FIRST_NAME]' }],
      birth: { dob: '[DATE_OF_BIRTH]', name: '[FULL_NAME]' },
    };
    assert.deepEqual(masker.maskValue(order), { value: orderMasked, findings: { first_name: 3, home_address: 3, full_name: 2, date_of_birth: 1 } });
    assert.deepEqual(masker.maskValue(JSON.stringify(order)).value, JSON.stringify(orderMasked));
    // A first name that is no string tells nothing: a form's schema names its fields so.
    const form = { first_name: { type: 'string' }, name: 'Signup Form', flags: { first_name: true, name: 'Jean Dupont' } };
    // (A schema's `type` is a code, kept inside the value masked whole; a flag is no one's first name.)
    assert.deepEqual(masker.maskValue(form), { value: form, findings: {} });
    // A table's column of first names tells its name column, and a key line its record.
    assert.equal(masker.maskText('first_name,name,plan\nAnna,Anna Schmidt,Gold\n').text, 'first_name,name,plan\n[FIRST_NAME],[FULL_NAME],Gold\n');
    assert.equal(masker.maskText('Name: Anna Schmidt\nDate of birth: 1980-01-02\n\nName: Report\n').text, 'Name: [FULL_NAME]\nDate of birth: [DATE_OF_BIRTH]\n\nName: Report\n');
    // So does an element, a term or a label of one in markup.
    assert.equal(
      masker.maskText('<Row><Name>Anna Schmidt</Name><FirstName>Anna</FirstName></Row>\n<dl><dt>First name</dt><dd>Jean</dd><dt>Name</dt><dd>Jean Dupont</dd></dl>\n<b>Surname:</b> Rossi<br><b>Name:</b> Maria Rossi<br>\n').text,
      '<Row><Name>[FULL_NAME]</Name><FirstName>[FIRST_NAME]</FirstName></Row>\n<dl><dt>First name</dt><dd>[FIRST_NAME]</dd><dt>Name</dt><dd>[FULL_NAME]</dd></dl>\n<b>Surname:</b> [LAST_NAME]<br><b>Name:</b> [FULL_NAME]<br>\n',
    );
    // Slack's profiles write each name again, normalised.
    const profile = { profile: { real_name_normalized: 'Anna Schmidt', display_name_normalized: 'Anna', email: 'anna@example.de' } };
    assert.deepEqual(masker.maskValue(profile).value, { profile: { real_name_normalized: '[FULL_NAME]', display_name_normalized: '[FULL_NAME]', email: '[EMAIL]' } });
  });

  it('masks JSON Lines (a log\'s records, `jq -c`) as each line\'s JSON', () => {
    const masker = createMasker(policy({ style: 'pseudonym' }), KEY);
    const records = [{ name: 'Anna Schmidt', email: 'anna@example.de', first_name: 'Anna' }, { level: 'info', customer: { name: 'Jean Dupont' } }, [{ phone: '+49 30 1234567' }]];
    const masked = records.map((record) => masker.maskValue(JSON.stringify(record)));
    assert.deepEqual(masker.maskValue(records.map((record) => JSON.stringify(record)).join('\n')), {
      value: masked.map(({ value }) => value).join('\n'),
      findings: { full_name: 2, email: 1, first_name: 1, phone: 1 },
    });
  });

  it('masks what Python prints (`str()` of rows, as the reference SQLite server does) as the same JSON, keeping its quotes', () => {
    const masker = createMasker(policy({ style: 'redact' }), KEY);
    const rows = "[{'id': 1, 'name': 'Anna Schmidt', 'email': 'anna@example.de', 'dob': '1980-01-02', 'vip': True, 'plan': None}, {'id': 2, 'name': 'Widget', 'note': \"Jean's: jean@example.fr\", 'esc': 'caf\\xe9 \\'x\\' b@example.org'}, (3, 'Berlin')]";
    assert.deepEqual(masker.maskValue(rows), {
      value: "[{'id': 1, 'name': '[FULL_NAME]', 'email': '[EMAIL]', 'dob': '[DATE_OF_BIRTH]', 'vip': True, 'plan': None}, {'id': 2, 'name': 'Widget', 'note': \"Jean's: [EMAIL]\", 'esc': \"café 'x' [EMAIL]\"}, (3, 'Berlin')]",
      findings: { full_name: 1, email: 3, date_of_birth: 1 },
    });
    // A masked value with an apostrophe inside apostrophes escapes it; what reads as no literal is scanned as text.
    assert.equal(createMasker(policy({ style: 'redact', fields: ["o'note"] }), KEY).maskValue("{'o\\'note': 'x', \"o'note\": 'y'}").value, "{'o\\'note': '[O\\'NOTE]', \"o'note\": '[O\\'NOTE]'}");
    assert.equal(masker.maskValue("[1] 'Anna Schmidt' <anna@example.de>").value, "[1] '[FULL_NAME]' <[EMAIL]>");
  });

  it('masks the address of an object that stands for a person as its home address, whole (a FHIR patient\'s list of parts), and no other address', () => {
    const masker = createMasker(policy({ style: 'redact' }), KEY);
    const result = { patient: { address: [{ use: 'home', line: ['534 Erewhon St'], city: 'PleasantVille', postalCode: '3999' }] }, users: [{ Address: 'Hauptstr. 1, Berlin' }], server: { address: 'db.internal:5432' } };
    // FHIR's `use` is a code (see `CODE_KEYS`): it keeps its value.
    const masked = { patient: { address: [{ use: 'home', line: ['[HOME_ADDRESS]'], city: '[HOME_ADDRESS]', postalCode: '[HOME_ADDRESS]' }] }, users: [{ Address: '[HOME_ADDRESS]' }], server: { address: 'db.internal:5432' } };
    assert.deepEqual(masker.maskValue(result), { value: masked, findings: { home_address: 4 } });
    assert.deepEqual(masker.maskValue(JSON.stringify(result)), { value: JSON.stringify(masked), findings: { home_address: 4 } });
    // A flat record's street line is the address's, and so is Shopify's `address1`; its city and postcode stay.
    const flat = { customers: [{ street: 'Hauptstr. 1', zip: '10115', city: 'Berlin', name: 'Anna Schmidt', email: 'anna@example.de' }], default_address: { address1: 'Rue de Rivoli 1', phone: '+33 1 23 45 67 89' }, config: { street: 'main' } };
    const flatMasked = { customers: [{ ...flat.customers[0], street: '[HOME_ADDRESS]', name: '[FULL_NAME]', email: '[EMAIL]' }], default_address: { address1: '[HOME_ADDRESS]', phone: '[PHONE]' }, config: { street: 'main' } };
    assert.deepEqual(masker.maskValue(flat), { value: flatMasked, findings: { home_address: 2, full_name: 1, email: 1, phone: 1 } });
    assert.deepEqual(masker.maskValue(JSON.stringify(flat)), { value: JSON.stringify(flatMasked), findings: { home_address: 2, full_name: 1, email: 1, phone: 1 } });
    assert.equal(masker.maskText('customer:\n  name: Anna Schmidt\n  Street: Hauptstr. 1\n  City: Berlin\n').text, 'customer:\n  name: [FULL_NAME]\n  Street: [HOME_ADDRESS]\n  City: Berlin\n');
    // A policy that masks addresses but no names still knows the person.
    assert.deepEqual(createMasker(policy({ style: 'redact', fields: ['home_address'] }), KEY).maskValue(result).value, masked);
    assert.deepEqual(createMasker(policy({ style: 'redact', fields: ['full_name'] }), KEY).maskValue(result).value, result);
  });

  it("masks where a person lives (randomuser.me's `location`, a record's `home`) as their home address, when they were born (`born`, a birth year) as their date of birth, and a name's `given` and `family` parts", () => {
    const masker = createMasker(policy({ style: 'redact' }), KEY);
    const user = {
      results: [{ name: { first: 'Anna', last: 'Schmidt' }, location: { street: { number: 5, name: 'Hauptstraße' }, city: 'Berlin', postcode: 10115 }, email: 'anna@example.de', login: { username: 'bluecat123' } }],
      employees: [{ name: 'Jean Dupont', born: '1980-05-17', home: { street: '1 rue de Rivoli', city: 'Paris' } }],
      person: { name: 'Maria Rossi', birth_year: 1980 },
      event: { name: 'Launch', location: 'Berlin' },
      contact: { given: 'Erik', family: 'Larsson', email: 'erik@example.se' },
    };
    const masked = {
      results: [{ ...user.results[0], name: { first: '[FULL_NAME]', last: '[FULL_NAME]' }, location: { street: { number: '[HOME_ADDRESS]', name: '[HOME_ADDRESS]' }, city: '[HOME_ADDRESS]', postcode: '[HOME_ADDRESS]' }, email: '[EMAIL]' }],
      employees: [{ name: '[FULL_NAME]', born: '[DATE_OF_BIRTH]', home: { street: '[HOME_ADDRESS]', city: '[HOME_ADDRESS]' } }],
      person: { name: '[FULL_NAME]', birth_year: '[DATE_OF_BIRTH]' },
      // An event's location is no one's home.
      event: { name: 'Launch', location: 'Berlin' },
      // A name's parts written directly in a person's object, as FHIR's name object writes them.
      contact: { given: '[FIRST_NAME]', family: '[LAST_NAME]', email: '[EMAIL]' },
    };
    const findings = { full_name: 4, home_address: 6, email: 2, date_of_birth: 2, first_name: 1, last_name: 1 };
    assert.deepEqual(masker.maskValue(user), { value: masked, findings });
    assert.deepEqual(masker.maskValue(JSON.stringify(user)), { value: JSON.stringify(masked), findings });
    // In text, a `Born:` line tells its record a person's, as a date of birth's does.
    assert.equal(masker.maskText('Name: Anna Schmidt\nBorn: 17.05.1980\nLocation: Hauptstr. 5, Berlin\n').text, 'Name: [FULL_NAME]\nBorn: [DATE_OF_BIRTH]\nLocation: [HOME_ADDRESS]\n');
  });

  it("reads a form's label of both names as one key (`Name, Vorname:`), and German forms' `Geb.-Datum`, also inside a line", () => {
    const masker = createMasker(policy({ style: 'redact' }), KEY);
    const form = 'Name, Vorname: Schmidt, Anna\nLast name, first name: Dupont, Jean\n**Nom, prénom :** Rossi, Maria\nNombre y apellidos: María García\nVor- und Nachname: Erik Larsson\nVoornamen: Daan Pieter\nPrénoms : Jean Pierre\nAdres zamieszkania: ul. Długa 5, 00-950 Warszawa\nGeb.-Datum: 02.01.1980\nGeb.Datum: 03.04.1975\nName, Email: Support, help\nINFO {"geb.-datum": "1980-01-02"} geb.datum=1980-01-02\n';
    assert.equal(masker.maskText(form).text, 'Name, Vorname: [FULL_NAME]\nLast name, first name: [FULL_NAME]\n**Nom, prénom :** [FULL_NAME]\nNombre y apellidos: [FULL_NAME]\nVor- und Nachname: [FULL_NAME]\nVoornamen: [FIRST_NAME]\nPrénoms : [FIRST_NAME]\nAdres zamieszkania: [HOME_ADDRESS]\nGeb.-Datum: [DATE_OF_BIRTH]\nGeb.Datum: [DATE_OF_BIRTH]\nName, Email: Support, help\nINFO {"geb.-datum": "[DATE_OF_BIRTH]"} geb.datum=[DATE_OF_BIRTH]\n');
  });

  it('masks where a person was born and the number of a passport, an identity card or a driving licence by their keys, in text and JSON; any document\'s number passes', () => {
    const masker = createMasker(policy({ style: 'redact' }), KEY);
    const kyc =
      'Place of birth: München\nGeburtsort: Hamburg, Deutschland\nLieu de naissance : Lyon\nPassport No.: C01X00T47\nReisepassnummer: C01X00T47\n' +
      '- **Driving licence number:** MORGA657054SM9IJ\nNumer dowodu osobistego: ABA300000\nOrder number: 4711, Document number: INV-2024-0001, ID number: 42\n';
    assert.equal(
      masker.maskText(kyc).text,
      'Place of birth: [PLACE_OF_BIRTH]\nGeburtsort: [PLACE_OF_BIRTH]\nLieu de naissance : [PLACE_OF_BIRTH]\nPassport No.: [ID_DOCUMENT_NUMBER]\nReisepassnummer: [ID_DOCUMENT_NUMBER]\n' +
        '- **Driving licence number:** [ID_DOCUMENT_NUMBER]\nNumer dowodu osobistego: [ID_DOCUMENT_NUMBER]\nOrder number: 4711, Document number: INV-2024-0001, ID number: 42\n',
    );
    assert.equal(
      masker.maskText('| Mitarbeiter | Geburtsort | Personalausweis |\n|---|---|---|\n| Hans Müller | Köln | L01X00T47 |\n').text,
      '| Mitarbeiter | Geburtsort | Personalausweis |\n|---|---|---|\n| [FULL_NAME] | [PLACE_OF_BIRTH] | [ID_DOCUMENT_NUMBER] |\n',
    );
    const claims = { place_of_birth: { locality: 'Berlin', country: 'DE' }, birthplace: 'Köln', idCardNumber: 'T220001293', customer_passport_no: 'X1234567', document_number: 'INV-7' };
    assert.deepEqual(masker.maskValue(claims).value, {
      place_of_birth: { locality: '[PLACE_OF_BIRTH]', country: '[PLACE_OF_BIRTH]' },
      birthplace: '[PLACE_OF_BIRTH]',
      idCardNumber: '[ID_DOCUMENT_NUMBER]',
      customer_passport_no: '[ID_DOCUMENT_NUMBER]',
      document_number: 'INV-7',
    });
  });

  it("reads a key with an apostrophe, typographic or not (`Carte d’identité`), or a number's sign (`N° de`), and an identity document under its key, its kind kept", () => {
    const masker = createMasker(policy({ style: 'redact' }), KEY);
    assert.equal(
      masker.maskText("Carte d’identité : 12AB34567\nCarte d'identité : 12AB34567\nNuméro de carte d’identité: 12AB34567\nO'Brien: hello\n'name': Anna Schmidt\n").text,
      "Carte d’identité : [ID_DOCUMENT_NUMBER]\nCarte d'identité : [ID_DOCUMENT_NUMBER]\nNuméro de carte d’identité: [ID_DOCUMENT_NUMBER]\nO'Brien: hello\n'name': [FULL_NAME]\n",
    );
    // A number's label (`N° de …`, `Nº de …`) is a key line: the record goes on past it, to the patient's address.
    assert.equal(
      masker.maskText('Patient: Sophie Lefèvre\nN° de sécurité sociale : 2 44 11 33 175 527 79\nAdresse : 12, rue des Lilas, 75019 Paris\n\nCliente: Ana García\nNº de pasaporte: PAA123456\n').text,
      'Patient: [FULL_NAME]\nN° de sécurité sociale : [FR_NIR]\nAdresse : [HOME_ADDRESS]\n\nCliente: [FULL_NAME]\nNº de pasaporte: [ID_DOCUMENT_NUMBER]\n',
    );
    // A document's word and a word or sign for its number, as a form abbreviates it.
    assert.equal(masker.maskText('Führerschein-Nr.: B072RRE2I55\nPaspoort nr.: NP1234567\n').text, 'Führerschein-Nr.: [ID_DOCUMENT_NUMBER]\nPaspoort nr.: [ID_DOCUMENT_NUMBER]\n');
    assert.equal(masker.maskText('name,Passport #\nAnna Schmidt,C01X00T47\n').text, 'name,Passport #\n[FULL_NAME],[ID_DOCUMENT_NUMBER]\n');
    const kyc = { 'Carte d’identité': '12AB34567', identity_document: { type: 'passport', number: 'C01X00T47' }, idDocument: 'T22000129', document: { type: 'invoice', number: 'INV-7' } };
    const masked = { 'Carte d’identité': '[ID_DOCUMENT_NUMBER]', identity_document: { type: 'passport', number: '[ID_DOCUMENT_NUMBER]' }, idDocument: '[ID_DOCUMENT_NUMBER]', document: { type: 'invoice', number: 'INV-7' } };
    assert.deepEqual(masker.maskValue(kyc), { value: masked, findings: { id_document_number: 3 } });
    assert.equal(masker.maskValue(JSON.stringify(kyc)).value, JSON.stringify(masked));
  });

  it("masks a payment card's security code by its key, in JSON, tables and key lines; a card's name is its holder's", () => {
    const masker = createMasker(policy({ style: 'redact' }), KEY);
    const charge = { card: { name: 'Anna Schmidt', number: '4111 1111 1111 1111', exp_month: 12, cvc: '314' }, payment: { name: 'Jean Dupont', card_number: '5555 5555 5555 4444' } };
    const masked = { card: { name: '[FULL_NAME]', number: '[CREDIT_CARD]', exp_month: 12, cvc: '[CARD_SECURITY_CODE]' }, payment: { name: '[FULL_NAME]', card_number: '[CREDIT_CARD]' } };
    assert.deepEqual(masker.maskValue(charge), { value: masked, findings: { full_name: 2, credit_card: 2, card_security_code: 1 } });
    assert.equal(masker.maskValue(JSON.stringify(charge)).value, JSON.stringify(masked));
    assert.equal(masker.maskText('Kreditkarte: 4111 1111 1111 1111\nCVV: 123\nKartenprüfnummer: 456\n').text, 'Kreditkarte: [CREDIT_CARD]\nCVV: [CARD_SECURITY_CODE]\nKartenprüfnummer: [CARD_SECURITY_CODE]\n');
    assert.equal(masker.maskText('card,cvc\n4111 1111 1111 1111,314\n').text, 'card,cvc\n[CREDIT_CARD],[CARD_SECURITY_CODE]\n');
    // A security code of anything else, and a product's name beside it, stay.
    assert.deepEqual(masker.maskValue({ product: { name: 'Blue Widget', security_code: 'abc' } }).findings, {});
  });

  it("reads a record with a national identifier or an identity document's number as a person's: its name is masked, in JSON, tables and key lines", () => {
    const masker = createMasker(policy({ style: 'redact' }), KEY);
    assert.deepEqual(masker.maskValue({ name: 'Anna Schmidt', ssn: '123-45-6789', plan: 'Gold' }).value, { name: '[FULL_NAME]', ssn: '[US_SSN]', plan: 'Gold' });
    assert.deepEqual(masker.maskValue({ name: 'Anna Schmidt', passport_number: 'C01X00T47' }).value, { name: '[FULL_NAME]', passport_number: '[ID_DOCUMENT_NUMBER]' });
    assert.equal(masker.maskText('name,pesel\nAnna Nowak,44051401359\n').text, 'name,pesel\n[FULL_NAME],[PL_PESEL]\n');
    assert.equal(masker.maskText('Nombre: Ana García\nDNI: 12345678Z\n').text, 'Nombre: [FULL_NAME]\nDNI: [ES_DNI_NIE]\n');
    // So does an identifier's label or a contact's word after the name in its line; a town does not.
    assert.equal(
      masker.maskText('Nombre: Ana García, DNI 12345678Z\n\nName: Anna Schmidt, Tel. 030 1234567\n\nName: Example Shop, Berlin\n').text,
      'Nombre: [FULL_NAME], DNI [ES_DNI_NIE]\n\nName: [FULL_NAME], Tel. [PHONE]\n\nName: Example Shop, Berlin\n',
    );
    // A company's tax or VAT number tells nothing.
    assert.deepEqual(masker.maskValue({ name: 'Example Shop', vat_id: 'DE123456789' }).value, { name: 'Example Shop', vat_id: 'DE123456789' });
  });

  it("reads a payment's parties: PSD2's debtorName and creditorName, ISO 20022's Dbtr and Cdtr with their Nm and PstlAdr", () => {
    const masker = createMasker(policy({ style: 'redact' }), KEY);
    const booked = { transactionId: '1', creditorName: 'John Miles', debtorName: 'Anna Schmidt', ultimateCreditor: 'Example GmbH', remittanceInformationUnstructured: 'Invoice 4711' };
    assert.deepEqual(masker.maskValue(booked).value, { ...booked, creditorName: '[FULL_NAME]', debtorName: '[FULL_NAME]' });
    const statement =
      '<TxDtls><RltdPties><Dbtr><Nm>Anna Schmidt</Nm><PstlAdr><StrtNm>Hauptstrasse</StrtNm><TwnNm>Berlin</TwnNm></PstlAdr></Dbtr>' +
      '<DbtrAcct><Id><Othr><Id>4711</Id></Othr></Id></DbtrAcct></RltdPties><RmtInf><Ustrd>Rechnung 4711 Anna Schmidt</Ustrd></RmtInf></TxDtls>';
    assert.equal(
      masker.maskText(statement).text,
      '<TxDtls><RltdPties><Dbtr><Nm>[FULL_NAME]</Nm><PstlAdr><StrtNm>[HOME_ADDRESS]</StrtNm><TwnNm>[HOME_ADDRESS]</TwnNm></PstlAdr></Dbtr>' +
        '<DbtrAcct><Id><Othr><Id>4711</Id></Othr></Id></DbtrAcct></RltdPties><RmtInf><Ustrd>Rechnung 4711 [FULL_NAME]</Ustrd></RmtInf></TxDtls>',
    );
    assert.equal(masker.maskText('<BirthDt>1980-01-02</BirthDt><CityOfBirth>Hamburg</CityOfBirth>').text, '<BirthDt>[DATE_OF_BIRTH]</BirthDt><CityOfBirth>[PLACE_OF_BIRTH]</CityOfBirth>');
  });

  it('reads a label of both names parted by `/` as one key, in text and JSON; another pair of words parted so stays', () => {
    const masker = createMasker(policy({ style: 'redact' }), KEY);
    const form = 'Vorname/Name: Anna Schmidt\nVor-/Nachname: Hans Meier\n**Nom/Prénom :** Dupont Jean\nInput/Output: Foo Bar\n';
    assert.equal(masker.maskText(form).text, 'Vorname/Name: [FULL_NAME]\nVor-/Nachname: [FULL_NAME]\n**Nom/Prénom :** [FULL_NAME]\nInput/Output: Foo Bar\n');
    assert.deepEqual(masker.maskValue({ 'Vorname/Name': 'Anna Schmidt', 'input/output': 'x' }).value, { 'Vorname/Name': '[FULL_NAME]', 'input/output': 'x' });
  });

  it("reads a German form's labels: a street and its number as one key, gendered endings, an application's parties, a job's applicant", () => {
    const masker = createMasker(policy({ style: 'redact' }), KEY);
    const form = 'Antragsteller/in\nVorname: Anna   Nachname: Schmidt\nStraße, Hausnr.: Hauptstraße 5\nTelefon: 030 1234567\nKontoinhaber/in: Anna Schmidt\nVersicherte/r: Hans Müller\nMieter(in): Jean Dupont\nPatient*in: Maria Rossi\nInput/Output: Foo Bar\n';
    assert.equal(
      masker.maskText(form).text,
      'Antragsteller/in\nVorname: [FIRST_NAME]   Nachname: [LAST_NAME]\nStraße, Hausnr.: [HOME_ADDRESS]\nTelefon: [PHONE]\nKontoinhaber/in: [FULL_NAME]\nVersicherte/r: [FULL_NAME]\nMieter(in): [FULL_NAME]\nPatient*in: [FULL_NAME]\nInput/Output: Foo Bar\n',
    );
    // A job's applicant, as an applicant tracking system writes one, in a line that goes on with their details.
    assert.equal(
      masker.maskText('Bewerber: Max Mustermann, geb. 12.03.1990 in Köln, E-Mail max@example.de\nKandidatin: Anna Schmidt\nSollicitant: Daan de Vries\n').text,
      'Bewerber: [FULL_NAME], geb. [DATE_OF_BIRTH] in Köln, E-Mail [EMAIL]\nKandidatin: [FULL_NAME]\nSollicitant: [FULL_NAME]\n',
    );
  });

  it("reads an object whose `address` is an e-mail address as a mailbox (Zendesk's `from`): its name is the owner's, before or after the address", () => {
    const masker = createMasker(policy({ style: 'redact' }), KEY);
    const ticket = {
      via: { source: { from: { name: 'Anna Schmidt', address: 'anna@example.de' }, to: [{ Address: 'support@example.com', Name: 'Example Support' }] } },
      venue: { name: 'Main Hall', address: 'Hauptstr. 5' },
      server: { name: 'mail-1', address: '10.0.0.7' },
    };
    const masked = {
      via: { source: { from: { name: '[FULL_NAME]', address: '[EMAIL]' }, to: [{ Address: '[EMAIL]', Name: '[FULL_NAME]' }] } },
      // A place's or a server's address is no mailbox: its name stays.
      venue: { name: 'Main Hall', address: 'Hauptstr. 5' },
      server: { name: 'mail-1', address: '[IP]' },
    };
    const findings = { full_name: 2, email: 2, ip: 1 };
    assert.deepEqual(masker.maskValue(ticket), { value: masked, findings });
    assert.deepEqual(masker.maskValue(JSON.stringify(ticket)), { value: JSON.stringify(masked), findings });
  });

  it("reads an HTML meta tag's content under the key its name, property or itemprop gives, before or after it: a page's author", () => {
    const masker = createMasker(policy({ style: 'redact' }), KEY);
    const cases: Array<[string, string]> = [
      ['<meta name="author" content="Anna Schmidt">', '<meta name="author" content="[FULL_NAME]">'],
      ['<meta property="article:author" content="Jean Dupont" />', '<meta property="article:author" content="[FULL_NAME]" />'],
      ['<META NAME="DC.Creator" CONTENT="Maria Rossi">', '<META NAME="DC.Creator" CONTENT="[FULL_NAME]">'],
      ['<meta itemprop="birthDate" content="1980-01-02">', '<meta itemprop="birthDate" content="[DATE_OF_BIRTH]">'],
      ['<meta content="Erik Larsson" name="author">', '<meta content="[FULL_NAME]" name="author">'],
      // What names no person or field passes, and so does a content outside a meta tag, or of another tag than the name's.
      ['<meta name="description" content="Quarterly Report">', '<meta name="description" content="Quarterly Report">'],
      ['<div name="author" content="Erik Larsson">', '<div name="author" content="Erik Larsson">'],
      ['<meta name="author"><meta content="Erik Larsson">', '<meta name="author"><meta content="Erik Larsson">'],
    ];
    for (const [html, masked] of cases) assert.equal(masker.maskText(html).text, masked, html);
  });

  it("ends a name under a name's key before a contact's word after a comma, so the contact is found as what it is", () => {
    const masker = createMasker(policy({ style: 'redact' }), KEY);
    const text =
      'Contact person: Ms. Anna Schmidt, Phone +49 30 1234567, Dept. Sales\nFull name: Jean Dupont, E-Mail jean@example.fr\n\nName: Maria Rossi, Tel. +39 06 1234 5678\nEmail: maria@example.it\n\n' +
      'Full name: Schmidt, Anna\nFull name: Ana García López, DNI 12345678Z\nFull name: Jean Dupont, né le 3 avril 1970\n';
    assert.deepEqual(masker.maskText(text), {
      text:
        'Contact person: [FULL_NAME], Phone [PHONE], Dept. Sales\nFull name: [FULL_NAME], E-Mail [EMAIL]\n\nName: [FULL_NAME], Tel. [PHONE]\nEmail: [EMAIL]\n\n' +
        'Full name: [FULL_NAME]\nFull name: [FULL_NAME], DNI [ES_DNI_NIE]\nFull name: [FULL_NAME], né le [DATE_OF_BIRTH]\n',
      findings: { full_name: 6, phone: 2, email: 2, es_dni_nie: 1, date_of_birth: 1 },
    });
  });

  it("reads a record of key lines whose `Address:` is an e-mail address as a mailbox's, as in JSON: its `Name:` is the owner's; a place's stays", () => {
    const masker = createMasker(policy({ style: 'redact' }), KEY);
    const text = 'Name: Anna Schmidt\nAddress: anna@example.de\n\n- name: Jean Dupont\n  address: jean@example.fr\n\nName: Main Hall\nAddress: Hauptstr. 5, Berlin\n';
    assert.deepEqual(masker.maskText(text), {
      text: 'Name: [FULL_NAME]\nAddress: [EMAIL]\n\n- name: [FULL_NAME]\n  address: [EMAIL]\n\nName: Main Hall\nAddress: Hauptstr. 5, Berlin\n',
      findings: { full_name: 2, email: 2 },
    });
  });

  it("masks a mention's name in Notion's rich text, and in text, with the token of the person's name", () => {
    const masker = createMasker(policy({ style: 'pseudonym' }), KEY);
    const mention = { type: 'mention', mention: { type: 'user', user: { object: 'user', name: 'Anna Schmidt', type: 'person', person: { email: 'anna@example.de' } } }, plain_text: '@Anna Schmidt', href: null };
    const masked = masker.maskValue(mention).value as typeof mention;
    assert.match(masked.mention.user.name, /^<full_name:[0-9a-f]{8}>$/);
    assert.equal(masked.plain_text, `@${masked.mention.user.name}`);
    assert.equal(masker.maskValue(JSON.stringify(mention)).value, JSON.stringify(masked));
    assert.equal(masker.maskText('Thanks @Anna Schmidt, and @Override').text, `Thanks @${masked.mention.user.name}, and @Override`);
  });

  it('knows a FHIR resource that stands for a person by its resourceType, written first: a patient\'s name, address and birth date', () => {
    const masker = createMasker(policy({ style: 'redact' }), KEY);
    const patient = { resourceType: 'Patient', id: 'example', name: [{ family: 'Chalmers', given: ['Peter', 'James'] }], gender: 'male', birthDate: '1974-12-25', address: [{ line: ['534 Erewhon St'], city: 'PleasantVille' }] };
    const bundle = { resourceType: 'Bundle', entry: [{ resource: patient }, { resource: { resourceType: 'Organization', name: 'Acme Clinic', address: [{ city: 'Berlin' }] } }] };
    const masked = { ...patient, name: [{ family: '[FULL_NAME]', given: ['[FULL_NAME]', '[FULL_NAME]'] }], birthDate: '[DATE_OF_BIRTH]', address: [{ line: ['[HOME_ADDRESS]'], city: '[HOME_ADDRESS]' }] };
    const expected = { value: { ...bundle, entry: [{ resource: masked }, bundle.entry[1]] }, findings: { full_name: 3, date_of_birth: 1, home_address: 2 } };
    assert.deepEqual(masker.maskValue(bundle), expected);
    assert.deepEqual(masker.maskValue(JSON.stringify(bundle)), { ...expected, value: JSON.stringify(expected.value) });
  });

  it("keeps the codes inside a value masked whole (an id, a type, a use: FHIR's and Notion's), scanning them as any string, in both JSON paths", () => {
    const masker = createMasker(policy({ style: 'redact' }), KEY);
    const patient = { resourceType: 'Patient', name: [{ use: 'official', family: 'Schmidt', given: ['Anna'] }], address: [{ use: 'home', type: 'both', line: ['Hauptstr. 5'] }] };
    const page = { properties: { Name: { id: 'title', type: 'title', title: [{ type: 'text', plain_text: 'Anna Schmidt' }] }, Email: { type: 'email', email: 'anna@example.de' } } };
    const odd = { customer: { name: { id: 7, text: 'Anna Schmidt', use: 'anna@example.de' } } };
    const expected = [
      { resourceType: 'Patient', name: [{ use: 'official', family: '[FULL_NAME]', given: ['[FULL_NAME]'] }], address: [{ use: 'home', type: 'both', line: ['[HOME_ADDRESS]'] }] },
      { properties: { Name: { id: 'title', type: 'title', title: [{ type: 'text', plain_text: '[FULL_NAME]' }] }, Email: { type: 'email', email: '[EMAIL]' } } },
      { customer: { name: { id: 7, text: '[FULL_NAME]', use: '[EMAIL]' } } },
    ];
    [patient, page, odd].forEach((value, k) => {
      assert.deepEqual(masker.maskValue(value).value, expected[k]);
      assert.equal(masker.maskValue(JSON.stringify(value)).value, JSON.stringify(expected[k]));
    });
  });

  it("inside a value masked whole, keeps true and false, masks an identity document's id, and masks a contact or another field by its own key, in both JSON paths", () => {
    const masker = createMasker(policy({ style: 'redact' }), KEY);
    // Shopify's order: its shipping address holds the recipient's names and phone, and flags and ids that are the shop's.
    const order = {
      shipping_address: { first_name: 'Bob', last_name: 'Norman', address1: 'Chestnut Street 92', city: 'Louisville', zip: '40202', phone: '+16136120707', email: 'bob.norman@example.com', default: true, id: 4 },
      passport: { id: 'C01X00T47', country: 'DE', expired: false },
      billing_address: { phone: 'ask at the desk', address1: 'Hauptstr. 5' },
    };
    const expected = {
      shipping_address: { first_name: '[FIRST_NAME]', last_name: '[LAST_NAME]', address1: '[HOME_ADDRESS]', city: '[HOME_ADDRESS]', zip: '[HOME_ADDRESS]', phone: '[PHONE]', email: '[EMAIL]', default: true, id: 4 },
      passport: { id: '[ID_DOCUMENT_NUMBER]', country: '[ID_DOCUMENT_NUMBER]', expired: false },
      // A contact's member that no detector reads is masked as the field it is in: the value must not pass.
      billing_address: { phone: '[HOME_ADDRESS]', address1: '[HOME_ADDRESS]' },
    };
    const findings = { first_name: 1, last_name: 1, home_address: 5, phone: 1, email: 1, id_document_number: 2 };
    const tree = masker.maskValue(order);
    assert.deepEqual(tree.value, expected);
    assert.deepEqual(sorted(tree.findings), sorted(findings));
    const text = masker.maskValue(JSON.stringify(order));
    assert.equal(text.value, JSON.stringify(expected));
    assert.deepEqual(sorted(text.findings), sorted(findings));
    // The same phone number under the address and alone is one pseudonym.
    const pseudonyms = createMasker(policy({ style: 'pseudonym' }), KEY);
    const masked = pseudonyms.maskValue({ phone: '+16136120707', shipping_address: { phone: '+16136120707' } }).value as { phone: string; shipping_address: { phone: string } };
    assert.match(masked.phone, /^<phone:/);
    assert.equal(masked.shipping_address.phone, masked.phone);
  });

  it('masks an HL7 message\'s names, dates of birth and addresses as the fields they are, keeping the message HL7; only the fields the policy masks', () => {
    const message = 'MSH|^~\\&|HIS|CLINIC|LAB|CLINIC|20240102103000||ADT^A01|MSG00001|P|2.5\rPID|1||12345^^^MRN^MR||Schmidt^Anna||19800102|F|||Hauptstr. 5^^Berlin^^10115^DE||(030)1234567\rPV1|1|I|W1^101^1|||||1234^Dupont^Jean^^^Dr\r';
    assert.deepEqual(createMasker(policy({ style: 'redact' }), KEY).maskText(message), {
      text: 'MSH|^~\\&|HIS|CLINIC|LAB|CLINIC|20240102103000||ADT^A01|MSG00001|P|2.5\rPID|1||12345^^^MRN^MR||[FULL_NAME]||[DATE_OF_BIRTH]|F|||[HOME_ADDRESS]||[PHONE]\rPV1|1|I|W1^101^1|||||[FULL_NAME]\r',
      findings: { full_name: 2, date_of_birth: 1, home_address: 1, phone: 1 },
    });
    assert.equal(
      createMasker(policy({ style: 'redact', fields: ['date_of_birth'] }), KEY).maskText(message).text,
      message.replace('19800102', '[DATE_OF_BIRTH]').replace('(030)1234567', '[PHONE]'),
    );
  });

  it('masks a date after a label of a date of birth in running text as the date of birth, in text and in JSON values; only when the policy masks that field', () => {
    const masker = createMasker(policy({ style: 'pseudonym' }), KEY);
    const { date_of_birth: token } = masker.maskValue({ date_of_birth: '02.01.1980' }).value as Record<string, string>;
    assert.deepEqual(masker.maskText('Patient Anna, geb. 02.01.1980, seen 03.02.2024'), { text: `Patient Anna, geb. ${token}, seen 03.02.2024`, findings: { date_of_birth: 1 } });
    assert.deepEqual(masker.maskValue({ note: 'DOB 02.01.1980' }).value, { note: `DOB ${token}` });
    assert.deepEqual(masker.maskValue(JSON.stringify({ note: 'DOB 02.01.1980' })).value, JSON.stringify({ note: `DOB ${token}` }));
    assert.equal(createMasker(policy({ style: 'redact', fields: ['full_name'] }), KEY).maskText('DOB 02.01.1980').text, 'DOB 02.01.1980');
  });

  it('masks a name a title, a greeting or a sign-off introduces as a full name, with the token the same name gets under a key', () => {
    const masker = createMasker(policy({ style: 'pseudonym' }), KEY);
    const { full_name: token } = masker.maskValue({ full_name: 'Anna Schmidt' }).value as Record<string, string>;
    assert.deepEqual(masker.maskText('Hallo Anna Schmidt,\n\nwe spoke to Frau Anna Schmidt.\n\nBest regards,\nAnna Schmidt\n'), {
      text: `Hallo ${token},\n\nwe spoke to Frau ${token}.\n\nBest regards,\n${token}\n`,
      findings: { full_name: 3 },
    });
    assert.deepEqual(masker.maskValue({ body: 'Dear Dr. Anna Schmidt, hello' }).value, { body: `Dear Dr. ${token}, hello` });
    assert.equal(createMasker(policy({ style: 'redact', fields: ['first_name'] }), KEY).maskText('Dear Mr. Smith,').text, 'Dear Mr. Smith,');
  });

  it('masks the display name of an e-mail address as a full name, in text and in JSON values; only when the policy masks full names', () => {
    const masker = createMasker(policy({ style: 'redact' }), KEY);
    const text = 'From: Anna Schmidt <anna@example.de>\nTo: "Dupont, Jean" <jean@example.fr>, list <team@example.org>';
    assert.deepEqual(masker.maskText(text), { text: 'From: [FULL_NAME] <[EMAIL]>\nTo: "[FULL_NAME]" <[EMAIL]>, list <[EMAIL]>', findings: { full_name: 2, email: 3 } });
    assert.deepEqual(masker.maskValue({ author: 'Anna Schmidt <anna@example.de>' }).value, { author: '[FULL_NAME] <[EMAIL]>' });
    // Unquoted `Surname, Given`, and a name beside an address in parentheses.
    assert.deepEqual(masker.maskText('From: Schmidt, Anna <anna@example.de>\nAssignee: Jean Dupont (jean@example.fr)\nCc: anna@example.de (Anna Schmidt)'), {
      text: 'From: [FULL_NAME] <[EMAIL]>\nAssignee: [FULL_NAME] ([EMAIL])\nCc: [EMAIL] ([FULL_NAME])',
      findings: { full_name: 3, email: 3 },
    });
    // Markdown's emphasis, and links to an address in Markdown and HTML.
    assert.equal(
      masker.maskText('- **Anna Schmidt** <anna@example.de>\n[Jean Dupont](mailto:jean@example.fr), <a href="mailto:anna@example.de">Anna Schmidt</a>').text,
      '- **[FULL_NAME]** <[EMAIL]>\n[[FULL_NAME]](mailto:[EMAIL]), <a href="mailto:[EMAIL]">[FULL_NAME]</a>',
    );
    assert.equal(createMasker(policy({ style: 'redact', fields: [] }), KEY).maskText(text).text, 'From: Anna Schmidt <[EMAIL]>\nTo: "Dupont, Jean" <[EMAIL]>, list <[EMAIL]>');
  });

  it('masks a contact card\'s name, birthday and address, and a calendar entry\'s people, as the fields they stand for', () => {
    const masker = createMasker(policy({ style: 'redact' }), KEY);
    const card = 'BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Anna Schmidt\r\nEMAIL:anna@example.de\r\nBDAY:19800102\r\nADR;TYPE=home:;;Hauptstr. 1;Berlin;;10115;DE\r\nEND:VCARD\r\nBEGIN:VEVENT\r\nATTENDEE;CN="Dupont, Jean":mailto:jean@example.fr\r\nEND:VEVENT\r\n';
    assert.deepEqual(masker.maskText(card), {
      text: 'BEGIN:VCARD\r\nVERSION:4.0\r\nFN:[FULL_NAME]\r\nEMAIL:[EMAIL]\r\nBDAY:[DATE_OF_BIRTH]\r\nADR;TYPE=home:[HOME_ADDRESS]\r\nEND:VCARD\r\nBEGIN:VEVENT\r\nATTENDEE;CN="[FULL_NAME]":mailto:[EMAIL]\r\nEND:VEVENT\r\n',
      findings: { full_name: 2, email: 2, date_of_birth: 1, home_address: 1 },
    });
  });

  it("masks a distinguished name's common name that reads as a person's (LDAP, Active Directory, certificates), in text and in JSON, and keeps a group's", () => {
    const masker = createMasker(policy({ style: 'redact' }), KEY);
    assert.deepEqual(masker.maskText('dn: CN=Schmidt\\, Anna,OU=Users,DC=corp,DC=example\nmemberOf: CN=Domain Admins,CN=Users,DC=corp,DC=example\nSubject: C=DE, O=Example GmbH, CN=Jean Dupont\n'), {
      text: 'dn: CN=[FULL_NAME],OU=Users,DC=corp,DC=example\nmemberOf: CN=Domain Admins,CN=Users,DC=corp,DC=example\nSubject: C=DE, O=Example GmbH, CN=[FULL_NAME]\n',
      findings: { full_name: 2 },
    });
    assert.deepEqual(masker.maskValue({ manager: 'CN=Anna Schmidt,OU=Staff,DC=corp', groups: ['CN=Sales Team,OU=Groups,DC=corp'] }).value, { manager: 'CN=[FULL_NAME],OU=Staff,DC=corp', groups: ['CN=Sales Team,OU=Groups,DC=corp'] });
  });

  it('masks a jCard\'s name, birthday and address (RDAP\'s entities), its parameters with them, as a vCard\'s', () => {
    const masker = createMasker(policy({ style: 'redact' }), KEY);
    const entity = {
      objectClassName: 'entity', handle: 'AS123-RIPE', roles: ['administrative'],
      vcardArray: ['vcard', [
        ['version', {}, 'text', '4.0'],
        ['fn', {}, 'text', 'Anna Schmidt'],
        ['n', {}, 'text', ['Schmidt', 'Anna', '', '', '']],
        ['adr', { label: 'Hauptstr. 5\n10115 Berlin' }, 'text', ['', '', '', '', '', '', '']],
        ['bday', {}, 'date-and-or-time', '1980-01-02'],
        ['kind', {}, 'text', 'individual'],
        ['email', { type: 'work' }, 'text', 'anna@example.de'],
        ['tel', { type: ['voice'] }, 'uri', 'tel:+49-30-1234567'],
      ]],
      links: [{ value: 'https://rdap.db.ripe.net/entity/AS123-RIPE', rel: 'self' }],
    };
    const [, properties] = entity.vcardArray as [string, unknown[][]];
    const masked = {
      ...entity,
      vcardArray: ['vcard', [
        properties[0],
        ['fn', {}, 'text', '[FULL_NAME]'],
        ['n', {}, 'text', ['[FULL_NAME]', '[FULL_NAME]', '', '', '']],
        ['adr', { label: '[HOME_ADDRESS]' }, 'text', ['', '', '', '', '', '', '']],
        ['bday', {}, 'date-and-or-time', '[DATE_OF_BIRTH]'],
        properties[5],
        ['email', { type: 'work' }, 'text', '[EMAIL]'],
        ['tel', { type: ['voice'] }, 'uri', 'tel:[PHONE]'],
      ]],
    };
    const findings = { full_name: 3, home_address: 1, date_of_birth: 1, email: 1, phone: 1 };
    assert.deepEqual(masker.maskValue(entity), { value: masked, findings });
    assert.deepEqual(masker.maskValue(JSON.stringify(entity, null, 1)), { value: JSON.stringify(masked, null, 1), findings });
    // A list that merely starts with the word, or a property outside a card, is no card.
    const lists = { words: ['vcard', ['fn', {}, 'text', 'Anna Schmidt']], property: ['fn', {}, 'text', 'Jean Dupont'] };
    assert.deepEqual(masker.maskValue(lists), { value: lists, findings: {} });
    assert.deepEqual(masker.maskValue(JSON.stringify(lists)), { value: JSON.stringify(lists), findings: {} });
    // What follows a card's properties in its list is masked as any list's.
    const longer = ['vcard', [['fn', {}, 'text', 'Jean Dupont']], 'jean@example.fr'];
    const longerMasked = ['vcard', [['fn', {}, 'text', '[FULL_NAME]']], '[EMAIL]'];
    assert.deepEqual(masker.maskValue(longer), { value: longerMasked, findings: { full_name: 1, email: 1 } });
    assert.deepEqual(masker.maskValue(JSON.stringify(longer)).value, JSON.stringify(longerMasked));
  });

  it('masks a field\'s synonyms (OpenID Connect\'s claims among them) as the field, unless the policy lists the synonym itself', () => {
    const record = { given_name: 'Anna', familyName: 'Schmidt', Surname: 'Schmidt', forename: 'Anna', birthdate: '1980-01-02', birthday: '02.01.', plan: 'Gold' };
    assert.deepEqual(createMasker(policy({ style: 'redact' }), KEY).maskValue(record), {
      value: { given_name: '[FIRST_NAME]', familyName: '[LAST_NAME]', Surname: '[LAST_NAME]', forename: '[FIRST_NAME]', birthdate: '[DATE_OF_BIRTH]', birthday: '[DATE_OF_BIRTH]', plan: 'Gold' },
      findings: { first_name: 2, last_name: 2, date_of_birth: 2 },
    });
    // An HR system's names: the legal one, the one preferred, a middle name, a name before marriage.
    const employee = { legal_name: 'Anna Maria Schmidt', preferred_name: 'Anna', middle_name: 'Maria', maiden_name: 'Müller', birth_name: 'Müller', team: 'Core' };
    assert.deepEqual(createMasker(policy({ style: 'redact' }), KEY).maskValue(employee).value, {
      ...employee, legal_name: '[FULL_NAME]', preferred_name: '[FIRST_NAME]', middle_name: '[FIRST_NAME]', maiden_name: '[LAST_NAME]', birth_name: '[LAST_NAME]',
    });
    // Only the fields a policy lists bring their synonyms; a synonym listed is a field of its own.
    assert.deepEqual(createMasker(policy({ style: 'redact', fields: ['last_name', 'surname'] }), KEY).maskValue(record), {
      value: { ...record, familyName: '[LAST_NAME]', Surname: '[SURNAME]' },
      findings: { last_name: 1, surname: 1 },
    });
  });

  it('masks `dob`, a name that says whose it is (`customer_first_name` too), and the fields\' names in the EU\'s larger languages, in JSON and in text', () => {
    const masker = createMasker(policy({ style: 'redact' }), KEY);
    const record = {
      dob: '1980-01-02', DOB: '02/01/1980', customerName: 'Anna Schmidt', cardholder_name: 'ANNA SCHMIDT', Vorname: 'Anna', Nachname: 'Schmidt',
      prénom: 'Jean', date_de_naissance: '02/01/1980', apellidos: 'García López', data_di_nascita: '02/01/1980', street_address: 'Hauptstr. 1',
    };
    const masked = {
      ...record, dob: '[DATE_OF_BIRTH]', DOB: '[DATE_OF_BIRTH]', customerName: '[FULL_NAME]', cardholder_name: '[FULL_NAME]', Vorname: '[FIRST_NAME]',
      Nachname: '[LAST_NAME]', prénom: '[FIRST_NAME]', date_de_naissance: '[DATE_OF_BIRTH]', apellidos: '[LAST_NAME]', data_di_nascita: '[DATE_OF_BIRTH]',
      street_address: '[HOME_ADDRESS]',
    };
    const findings = { date_of_birth: 4, full_name: 2, first_name: 2, last_name: 2, home_address: 1 };
    assert.deepEqual(masker.maskValue(record), { value: masked, findings });
    assert.deepEqual(masker.maskValue(JSON.stringify(record)), { value: JSON.stringify(masked), findings });
    // A login, a bare `nom` and an `address` are no person's where nothing tells one.
    const other = { nom: 'Widget', user_name: 'anna42', address: 'localhost:8080' };
    assert.deepEqual(masker.maskValue(other), { value: other, findings: {} });
    assert.deepEqual(masker.maskText('DOB: 02/01/1980\nGeburtsdatum: 02.01.1980\nPatient name: Maria Rossi\n\nName: Widget\n'), {
      text: 'DOB: [DATE_OF_BIRTH]\nGeburtsdatum: [DATE_OF_BIRTH]\nPatient name: [FULL_NAME]\n\nName: Widget\n',
      findings: { date_of_birth: 2, full_name: 1 },
    });
    // A person's record in another language: its words for name and address, and for e-mail and phone, which tell the person.
    const records = [{ nom: 'Dupont', prénom: 'Jean', courriel: 'jean@example.fr', adresse: '1 rue de Rivoli' }, { nombre: 'Ana García', teléfono: '+34 612 34 56 78', dirección: 'Calle Mayor 1' }, { nome: 'Mario', cognome: 'Rossi', indirizzo: 'Via Roma 1', email: 'mario@example.it' }, { Name: 'Anna Schmidt', Handy: '0171 1234567', Anschrift: 'Hauptstr. 1' }, { nom: 'report.pdf', adresse: 'db.internal' }];
    const recordsMasked = [
      { nom: '[LAST_NAME]', prénom: '[FIRST_NAME]', courriel: '[EMAIL]', adresse: '[HOME_ADDRESS]' },
      { nombre: '[FULL_NAME]', teléfono: '[PHONE]', dirección: '[HOME_ADDRESS]' },
      { nome: '[FIRST_NAME]', cognome: '[LAST_NAME]', indirizzo: '[HOME_ADDRESS]', email: '[EMAIL]' },
      { Name: '[FULL_NAME]', Handy: '[PHONE]', Anschrift: '[HOME_ADDRESS]' },
      records[4],
    ];
    assert.deepEqual(masker.maskValue(records).value, recordsMasked);
    assert.deepEqual(masker.maskValue(JSON.stringify(records)).value, JSON.stringify(recordsMasked));
    // BibTeX lists its authors in braces, each part between `and` a name.
    assert.equal(masker.maskText('@book{key,\n  author = {Schmidt, Anna and Dupont, Jean},\n  title = {Widgets},\n}\n').text, '@book{key,\n  author = {[FULL_NAME] and [FULL_NAME]},\n  title = {Widgets},\n}\n');
    // CITATION.cff writes a person's names in the plural.
    assert.equal(masker.maskText('authors:\n  - family-names: Schmidt\n    given-names: Anna\n').text, 'authors:\n  - family-names: [LAST_NAME]\n    given-names: [FIRST_NAME]\n');
    // A field's key after a key that says whose it is: Kibana's sample orders, WooCommerce's export, a patient's record.
    const owned = { customer_first_name: 'Anna', customer_full_name: 'Anna Schmidt', billing_last_name: 'Schmidt', patient_dob: '1980-01-02', shipping_street_address: 'Hauptstr. 1', order_first_item: 'Widget' };
    const ownedMasked = { ...owned, customer_first_name: '[FIRST_NAME]', customer_full_name: '[FULL_NAME]', billing_last_name: '[LAST_NAME]', patient_dob: '[DATE_OF_BIRTH]', shipping_street_address: '[HOME_ADDRESS]' };
    assert.deepEqual(masker.maskValue(owned).value, ownedMasked);
    assert.equal(masker.maskText('Billing First Name,Billing Email\nAnna,anna@example.de\n').text, 'Billing First Name,Billing Email\n[FIRST_NAME],[EMAIL]\n');
    // Keys in any case, letters outside ASCII among them, first and last.
    assert.equal(masker.maskText('PRÉNOM: Jean\nIMIĘ: Anna\nFödelsedatum: x\nNACHNAME: Schmidt\nGeburtstag: 2. Januar 1980\n').text, 'PRÉNOM: [FIRST_NAME]\nIMIĘ: [FIRST_NAME]\nFödelsedatum: [DATE_OF_BIRTH]\nNACHNAME: [LAST_NAME]\nGeburtstag: [DATE_OF_BIRTH]\n');
  });

  it('maskValue: a member named __proto__ is masked and kept like any other, in JSON text and in a value', () => {
    const masker = createMasker(policy({ style: 'redact' }), KEY);
    const text = '{"__proto__":{"email":"a@example.de"},"n":"b@example.de"}';
    assert.equal(masker.maskValue(text).value, '{"__proto__":{"email":"[EMAIL]"},"n":"[EMAIL]"}');
    assert.equal(JSON.stringify(masker.maskValue(JSON.parse(text)).value), '{"__proto__":{"email":"[EMAIL]"},"n":"[EMAIL]"}');
    // Under a field key too, where every leaf is masked as the field.
    const field = '{"full_name":{"__proto__":"Anna Schmidt","n":1}}';
    assert.equal(masker.maskValue(field).value, '{"full_name":{"__proto__":"[FULL_NAME]","n":"[FULL_NAME]"}}');
    assert.equal(JSON.stringify(masker.maskValue(JSON.parse(field)).value), '{"full_name":{"__proto__":"[FULL_NAME]","n":"[FULL_NAME]"}}');
  });

  it('maskValue: JSON text is masked in place, in its layout; non-JSON stays text', () => {
    const masker = createMasker(policy({ style: 'redact' }), KEY);
    const compact = JSON.stringify({ last_name: 'Schmidt', email: 'a@example.de', n: 1 });
    assert.equal(masker.maskValue(compact).value, '{"last_name":"[LAST_NAME]","email":"[EMAIL]","n":1}');
    const pretty = JSON.stringify({ email: 'a@example.de' }, null, 2);
    assert.equal(masker.maskValue(pretty).value, '{\n  "email": "[EMAIL]"\n}');
    assert.equal(masker.maskValue('{not json a@example.de').value, '{not json [EMAIL]');
    assert.equal(masker.maskValue('[1, {"e": "a@example.de"} ,]').value, '[1, {"e": "[EMAIL]"} ,]', 'not JSON (trailing comma): masked as text');
  });

  it('maskValue: in JSON text only masked values change: numbers, escapes, spacing and member order stay as written', () => {
    const masker = createMasker(policy({ style: 'redact', fields: ['first_name'] }), KEY);
    const text =
      '{ "id" : 12345678901234567890, "price": 1.50, "big": 1e400, "s": "caf\\u00e9", "dup": 1, "dup": 2,\n' +
      '  "email": "a@example.de", "k\\u0065y": "b\\u0040example.de", "nested": "{\\"e\\": \\"c@example.de\\", \\"n\\": 1.0}",\n' +
      '  "first_name": ["Anna", 1.50, true, null, " ", {"x": "Bo"}] }';
    const { value, findings } = masker.maskValue(text);
    assert.equal(
      value,
      '{ "id" : 12345678901234567890, "price": 1.50, "big": 1e400, "s": "caf\\u00e9", "dup": 1, "dup": 2,\n' +
        '  "email": "[EMAIL]", "k\\u0065y": "[EMAIL]", "nested": "{\\"e\\": \\"[EMAIL]\\", \\"n\\": 1.0}",\n' +
        '  "first_name": ["[FIRST_NAME]", "[FIRST_NAME]", true, null, " ", {"x": "[FIRST_NAME]"}] }',
    );
    assert.deepEqual(findings, { email: 3, first_name: 3 });
    // A value masked alone (longer than a batch) and found clean keeps its escapes too.
    const long = `{"a": "caf\\u00e9 ${'x'.repeat(5000)}", "e": "a@example.de"}`;
    assert.equal(masker.maskValue(long).value, `{"a": "caf\\u00e9 ${'x'.repeat(5000)}", "e": "[EMAIL]"}`);
    // Pseudonyms of field values follow the parsed value, as in a value: 1.50 is the number 1.5.
    const pseudonyms = createMasker(policy({ style: 'pseudonym', fields: ['first_name'] }), KEY);
    assert.equal(JSON.parse(pseudonyms.maskValue('{"first_name": 1.50}').value as string).first_name, (pseudonyms.maskValue({ first_name: 1.5 }).value as { first_name: string }).first_name);
  });

  it('maskValue: a replacement is written into JSON text with the escapes it needs, whatever the value it replaces had', () => {
    // A field named with a quote and a backslash puts them in its token.
    const masker = createMasker(policy({ style: 'redact', fields: ['na"me\\'] }), KEY);
    const text = '{"na\\"me\\\\": "Anna", "note": "a@example.de"}';
    assert.deepEqual(JSON.parse(masker.maskValue(text).value as string), masker.maskValue(JSON.parse(text)).value);
    assert.equal(masker.maskValue(text).value, '{"na\\"me\\\\": "[NA\\"ME\\\\]", "note": "[EMAIL]"}');
  });

  it('maskValue: returns the very same value when nothing is found', () => {
    const masker = createMasker(policy(), KEY);
    const input = { a: ['x', { b: 'ORD-2024-000123' }], text: '{"c": 1}' };
    assert.equal(masker.maskValue(input).value, input);
  });

  it('maskValue: masks keys that hold personal data, numbering the names two masked keys would share, in text and value alike', () => {
    const masker = createMasker(policy({ style: 'redact' }), KEY);
    const value = { 'anna@example.de': { orders: 3 }, 'bob@example.org': { orders: 1, '+49 30 1234567': 'mobile' }, first_name: { 'c@example.com': 'Cleo' }, plain: 'x' };
    const want = { '[EMAIL]': { orders: 3 }, '[EMAIL] #2': { orders: 1, '[PHONE]': 'mobile' }, first_name: { '[EMAIL]': '[FIRST_NAME]' }, plain: 'x' };
    const asValue = masker.maskValue(value);
    assert.deepEqual(asValue.value, want);
    assert.deepEqual(asValue.findings, { email: 3, phone: 1, first_name: 1 });
    const asText = masker.maskValue(JSON.stringify(value, null, 2));
    assert.deepEqual(JSON.parse(asText.value as string), want);
    assert.deepEqual(asText.findings, asValue.findings);
    assert.deepEqual(Object.keys(value), ['anna@example.de', 'bob@example.org', 'first_name', 'plain'], 'the original is not changed');
    // Names are taken in order: a key that reads like a masked one keeps its name unless a key before it took it.
    const tokens = { '[EMAIL]': 1, 'b@example.de': 2, '[EMAIL] #2': 3 };
    const renamed = { '[EMAIL]': 1, '[EMAIL] #2': 2, '[EMAIL] #2 #2': 3 };
    assert.deepEqual(masker.maskValue(tokens).value, renamed);
    assert.deepEqual(JSON.parse(masker.maskValue(JSON.stringify(tokens)).value as string), renamed);
    // A key left as it is keeps its place, `__proto__` included.
    const proto = masker.maskValue(JSON.parse('{"__proto__": "a@example.de", "b@example.de": 1}')).value as Record<string, unknown>;
    assert.deepEqual(Object.entries(proto), [['__proto__', '[EMAIL]'], ['[EMAIL]', 1]]);
  });

  it('every style writes a masked key with a mark no plain key has ([, < or *), so only keys with one can take its name', () => {
    const values = positives().map(({ written }) => written);
    for (const style of ['redact', 'partial', 'pseudonym'] as const) {
      const masker = createMasker(policy({ style }), KEY);
      const masked = masker.maskValue(Object.fromEntries(values.map((value, k) => [value, k]))).value as Record<string, number>;
      for (const [name, k] of Object.entries(masked)) {
        if (name !== values[k]) assert.match(name, /[[<*]/, `${style}: ${values[k]} as a key became ${name}`);
      }
    }
  });

  it('masks what reads as personal data only decoded (a URL\'s query, HTML character references), writing the replacement percent-encoded', () => {
    const masker = createMasker(policy({ style: 'redact' }), KEY);
    const text = 'Open https://crm.example.com/c?email=anna%40example.de&tel=%2B49%2030%2012345678&order=ORD-2024-000123 or mailto:bob%40example.org.';
    const masked = masker.maskText(text);
    assert.equal(masked.text, 'Open https://crm.example.com/c?email=%5BEMAIL%5D&tel=%5BPHONE%5D&order=ORD-2024-000123 or mailto:%5BEMAIL%5D.');
    assert.deepEqual(masked.findings, { email: 2, phone: 1 });
    // Masked again, nothing more is found; look-alikes and stray percent signs stay as they were.
    assert.deepEqual(masker.maskText(masked.text), { text: masked.text, findings: {} });
    assert.deepEqual(masker.maskText('50% off, 100%20 items, %zz, %4, a%40b, id=%7B550e8400-e29b-41d4-a716-446655440000%7D'), { text: '50% off, 100%20 items, %zz, %4, a%40b, id=%7B550e8400-e29b-41d4-a716-446655440000%7D', findings: {} });
    // The same person as a pseudonym, encoded or not.
    const pseudonyms = createMasker(policy({ style: 'pseudonym' }), KEY);
    const [plain, encoded] = ['anna@example.de', '?e=anna%40example.de'].map((value) => pseudonyms.maskText(value).text);
    assert.equal(encoded, `?e=${encodeURIComponent(plain!)}`);
    // HTML's numeric character references too, decimal or hex; `&amp;#64;` is text, and so is a reference to no character.
    assert.deepEqual(masker.maskText('<a href="mailto:anna&#64;example&#46;de">Tel. &#x2B;49&#32;30&#32;12345678</a> &amp;#64; &#0; &#xD800;'), {
      text: '<a href="mailto:%5BEMAIL%5D">Tel. %5BPHONE%5D</a> &amp;#64; &#0; &#xD800;',
      findings: { email: 1, phone: 1 },
    });
    // `mask --json` reports them where they are written.
    const at = text.indexOf('anna%40');
    assert.deepEqual(masker.findAll(text).slice(0, 2), [
      { type: 'email', start: at, end: at + 'anna%40example.de'.length },
      { type: 'phone', start: text.indexOf('%2B49'), end: text.indexOf('&order') },
    ]);
  });

  it('decodes escapes encoded again (a link in a link\'s query), up to three times, and the named HTML references personal data is written with', () => {
    const masker = createMasker(policy({ style: 'redact' }), KEY);
    const link = 'https://sso.example.com/login?next=%2Fc%3Femail%3Danna%2540example.de%26tel%3D%252B49%252030%252012345678&lang=de';
    assert.deepEqual(masker.maskText(link), { text: 'https://sso.example.com/login?next=%2Fc%3Femail%3D%5BEMAIL%5D%26tel%3D%5BPHONE%5D&lang=de', findings: { email: 1, phone: 1 } });
    assert.equal(masker.maskText('a&#37;40 anna%252540example.de').text, 'a&#37;40 %5BEMAIL%5D');
    // Four times over is not read; nor is a reference that is no escape, or one to a character no detector reads.
    assert.deepEqual(masker.maskText('anna%25252540example.de, 100%25 sure, &commat &nbsp &amp;commat; Tom &amp; Jerry'), { text: 'anna%25252540example.de, 100%25 sure, &commat &nbsp &amp;commat; Tom &amp; Jerry', findings: {} });
    assert.deepEqual(masker.maskText('<a href="mailto:anna&commat;example&period;de">+49&nbsp;30&nbsp;12345678</a>'), {
      text: '<a href="mailto:%5BEMAIL%5D">%5BPHONE%5D</a>',
      findings: { email: 1, phone: 1 },
    });
  });

  it('reads typographic spaces and dashes as the separators they stand for, and keeps them in the text around', () => {
    const masker = createMasker(policy({ style: 'redact' }), KEY);
    // Narrow no-break and thin spaces (French typography), en dash and minus sign (a word processor's), ideographic space.
    const text = '2019\u20132020: Tél. 01\u202f23\u202f45\u202f67\u202f89, SSN 123\u201345\u20136789, card 4111\u20091111\u20091111\u20091111, +49\u300030\u3000123456\u221278';
    assert.deepEqual(masker.maskText(text), { text: '2019\u20132020: Tél. [PHONE], SSN [US_SSN], card [CREDIT_CARD], [PHONE]', findings: { phone: 2, us_ssn: 1, credit_card: 1 } });
    assert.deepEqual(masker.findAll('SSN 123\u201345\u20136789'), [{ type: 'us_ssn', start: 4, end: 15 }]);
    // The same person as when written with ASCII separators.
    const pseudonyms = createMasker(policy({ style: 'pseudonym' }), KEY);
    assert.equal(pseudonyms.maskText('SSN 123\u221245\u22126789').text, pseudonyms.maskText('SSN 123-45-6789').text);
  });

  it('reads a table drawn with box-drawing lines (rich, tabulate, psql\'s unicode style) or aligned with blanks as the table it shows, its lines kept', () => {
    const masker = createMasker(policy({ style: 'redact' }), KEY);
    const rich = '┏━━━━┳━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━┓\n┃ id ┃ name         ┃ email           ┃\n┡━━━━╇━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━┩\n│ 1  │ Anna Schmidt │ anna@example.de │\n├────┼──────────────┼─────────────────┤\n│ 2  │ Jean Dupont  │ jean@example.fr │\n└────┴──────────────┴─────────────────┘\n';
    const masked = rich.replace('Anna Schmidt', '[FULL_NAME]').replace('Jean Dupont', '[FULL_NAME]').replace('anna@example.de', '[EMAIL]').replace('jean@example.fr', '[EMAIL]');
    assert.deepEqual(masker.maskText(rich), { text: masked, findings: { full_name: 2, email: 2 } });
    const grid = '╒════╤══════════════╕\n│ id │ first_name   │\n╞════╪══════════════╡\n│  1 │ Anna         │\n╘════╧══════════════╛\n';
    assert.equal(masker.maskText(grid).text, grid.replace('Anna', '[FIRST_NAME]'));
    // A table aligned with blanks, as `column -t` or a CLI prints one.
    const aligned = 'ID  NAME          EMAIL\n1   Anna Schmidt  anna@example.de\n2   Jean Dupont   jean@example.fr\n';
    assert.deepEqual(masker.maskText(aligned), { text: 'ID  NAME          EMAIL\n1   [FULL_NAME]  [EMAIL]\n2   [FULL_NAME]   [EMAIL]\n', findings: { full_name: 2, email: 2 } });
    const pandas = '           name            email\n0  Anna Schmidt  anna@example.de\n1   Jean Dupont  jean@example.fr\n';
    assert.equal(masker.maskText(pandas).text, '           name            email\n0  [FULL_NAME]  [EMAIL]\n1   [FULL_NAME]  [EMAIL]\n');
    const psql = ' id │ first_name \n────┼────────────\n  1 │ Anna\n(1 row)\n';
    assert.equal(masker.maskText(psql).text, psql.replace('Anna', '[FIRST_NAME]'));
  });

  it('maskValue: an identifier written as a JSON number is masked as its digits would be, and becomes a string; other numbers stay', () => {
    const masker = createMasker(policy({ style: 'redact' }), KEY);
    const value = { card: 4111111111111111, ssn: 123456789, pesel: 44051401359, id: 123456789, visits: 7, at: 1700000000000, ratio: 1.5, negative: -4111111111111111, big: 12345678901234567890 };
    const want = { card: '[CREDIT_CARD]', ssn: '[US_SSN]', pesel: '[PL_PESEL]', id: 123456789, visits: 7, at: 1700000000000, ratio: 1.5, negative: -4111111111111111, big: 12345678901234567890 };
    assert.deepEqual(masker.maskValue(value), { value: want, findings: { credit_card: 1, us_ssn: 1, pl_pesel: 1 } });
    // In JSON text the same, and a number JSON cannot hold exactly keeps its literal.
    const text = '{"card": 4111111111111111, "ssn": 123456789, "id": 123456789, "big": 12345678901234567890}';
    assert.equal(masker.maskValue(text).value, '{"card": "[CREDIT_CARD]", "ssn": "[US_SSN]", "id": 123456789, "big": 12345678901234567890}');
  });

  it('maskValue: a JSON key names a bare id the text alone would not', () => {
    const masker = createMasker(policy({ style: 'redact' }), KEY);
    assert.deepEqual(masker.maskValue({ pesel: '44051401359', order: '44051401359' }).value, { pesel: '[PL_PESEL]', order: '44051401359' });
  });

  it('masks the cells of a table by their column names as it masks JSON members: CSV, TSV, Markdown and HTML', () => {
    const masker = createMasker(policy({ style: 'redact' }), KEY);
    // A column named by a field is masked whole, counted as that field only; `ssn` names a bare id as a JSON key does; `order` does not.
    const csv = 'first_name,Last Name,email,ssn,order\nAnna,Schmidt,anna@example.de,123456789,123456789\n"Lee, Bob",Lee,"bob@example.org",234567890,ORD-1\nbob@example.org,x,,,\n\nAnna again: 123456789\n';
    assert.deepEqual(masker.maskText(csv), {
      text: 'first_name,Last Name,email,ssn,order\n[FIRST_NAME],[LAST_NAME],[EMAIL],[US_SSN],123456789\n"[FIRST_NAME]",[LAST_NAME],"[EMAIL]",[US_SSN],ORD-1\n[FIRST_NAME],[LAST_NAME],,,\n\nAnna again: 123456789\n',
      findings: { first_name: 3, last_name: 3, email: 2, us_ssn: 2 },
    });
    assert.equal(masker.maskText('id\tdate_of_birth\tphone\n1\t1980-01-02\t030 1234567\n').text, 'id\tdate_of_birth\tphone\n1\t[DATE_OF_BIRTH]\t[PHONE]\n');
    const markdown = '| Full Name | Notes |\n|---|:---|\n| Anna Schmidt | mail anna%40example.de |\n';
    assert.equal(masker.maskText(markdown).text, '| Full Name | Notes |\n|---|:---|\n| [FULL_NAME] | mail %5BEMAIL%5D |\n');
    assert.deepEqual(masker.findAll(markdown), [
      { type: 'full_name', start: 35, end: 47 },
      { type: 'email', start: 55, end: 72 },
    ]);
    // An HTML table, by the headings of its first row.
    const html = '<table><tr><th>Full Name</th><th>SSN</th><th>Order</th></tr>\n<tr><td>Anna <i>Schmidt</i></td><td>123456789</td><td>123456789</td></tr></table>';
    assert.deepEqual(masker.maskText(html), {
      text: '<table><tr><th>Full Name</th><th>SSN</th><th>Order</th></tr>\n<tr><td>[FULL_NAME] <i>[FULL_NAME]</i></td><td>[US_SSN]</td><td>123456789</td></tr></table>',
      findings: { full_name: 2, us_ssn: 1 },
    });
  });

  it('masks a person\'s members in JSON that a text holds after a line of its own, as in a whole JSON text, a type telling a person too', () => {
    const masker = createMasker(policy({ style: 'redact' }), KEY);
    const rows = [{ id: 1, customer: { name: 'Anna Schmidt', plan: 'Gold' } }, { id: 2, customer: { name: 'Jean Dupont', plan: 'Gold' } }];
    const masked = JSON.stringify(rows.map((row) => ({ ...row, customer: { ...row.customer, name: '[FULL_NAME]' } })));
    assert.equal(masker.maskValue(JSON.stringify(rows)).value, masked);
    assert.equal(masker.maskValue(`Found 2 orders:\n${JSON.stringify(rows)}`).value, `Found 2 orders:\n${masked}`);
    assert.equal(masker.maskValue(`Found 2 orders:\n${rows.map((row) => JSON.stringify(row)).join('\n')}`).value, `Found 2 orders:\n${JSON.parse(masked).map((row: unknown) => JSON.stringify(row)).join('\n')}`);
    // A type that is a person's kind tells its object as in JSON: JSON-LD's `@type`, the memory server's `entityType`.
    const typed = 'Found:\n{"@type": "Person", "name": "Anna Schmidt", "jobTitle": "CTO"}\n{"entityType": "person", "name": "Jean Dupont"} {"type": "product", "name": "Widget"}\n';
    assert.equal(masker.maskText(typed).text, typed.replace('Anna Schmidt', '[FULL_NAME]').replace('Jean Dupont', '[FULL_NAME]'));
  });

  it('masks the names in a column that stands for a person (`Customer`, `Assignee`), as under a JSON key that does; other cells there stay', () => {
    const masker = createMasker(policy({ style: 'redact' }), KEY);
    const markdown = '| Order | Customer | Total |\n|---|---|---|\n| 1001 | Anna Schmidt | 12.00 |\n| 1002 | cus_7 | 3.00 |\n';
    assert.deepEqual(masker.maskText(markdown), { text: '| Order | Customer | Total |\n|---|---|---|\n| 1001 | [FULL_NAME] | 12.00 |\n| 1002 | cus_7 | 3.00 |\n', findings: { full_name: 1 } });
    assert.equal(masker.maskText('key,assignee,summary\nAB-1,Jean Dupont,Fix login\n').text, 'key,assignee,summary\nAB-1,[FULL_NAME],Fix login\n');
    assert.equal(masker.maskText('| Field | Value |\n|---|---|\n| Customer | Maria Rossi |\n| Plan | Gold |\n').text, '| Field | Value |\n|---|---|\n| Customer | [FULL_NAME] |\n| Plan | Gold |\n');
    const html = '<table><tr><th>Order</th><th>Reporter</th></tr><tr><td>1</td><td>Erik Larsson</td></tr></table>';
    assert.equal(masker.maskText(html).text, '<table><tr><th>Order</th><th>Reporter</th></tr><tr><td>1</td><td>[FULL_NAME]</td></tr></table>');
    // The same value under a JSON key that stands for a person gets the same token.
    const pseudonyms = createMasker(policy(), KEY);
    const token = (pseudonyms.maskValue({ customer: 'Anna Schmidt' }).value as { customer: string }).customer;
    assert.equal(pseudonyms.maskText(markdown).text.split('\n')[2], `| 1001 | ${token} | 12.00 |`);
  });

  it('masks a browser\'s accessibility snapshot (Playwright MCP\'s): a table\'s cells and its rows\' names, a form\'s fields, key lines in text', () => {
    const masker = createMasker(policy({ style: 'pseudonym' }), KEY);
    const snapshot = [
      '- table [ref=e3]:',
      '  - row "Name Email Date of birth" [ref=e4]:',
      '    - columnheader "Name" [ref=e5]',
      '    - columnheader "Email" [ref=e6]',
      '    - columnheader "Date of birth" [ref=e7]',
      '  - row "Anna Schmidt anna@example.de 02.01.1980" [ref=e8]:',
      '    - cell "Anna Schmidt" [ref=e9]',
      '    - cell "anna@example.de" [ref=e10]',
      '    - cell "02.01.1980" [ref=e11]',
      '- textbox "First name" [ref=e12]: Anna',
      '- paragraph [ref=e13]: "Full name: Anna Schmidt"',
    ].join('\n');
    const { value, findings } = masker.maskValue({ full_name: 'Anna Schmidt', email: 'anna@example.de', date_of_birth: '02.01.1980', first_name: 'Anna' });
    const token = value as Record<string, string>;
    const masked = snapshot.replaceAll('Anna Schmidt', token.full_name!).replaceAll('anna@example.de', token.email!).replaceAll('02.01.1980', token.date_of_birth!).replace(': Anna\n', `: ${token.first_name}\n`);
    assert.deepEqual(masker.maskText(snapshot), { text: masked, findings: { full_name: 3, email: 2, date_of_birth: 2, first_name: 1 } });
    assert.deepEqual(findings, { full_name: 1, email: 1, date_of_birth: 1, first_name: 1 });
  });

  it('masks a record printed as a table of keys and values by each row\'s key: Markdown `| Field | Value |`, CSV, an HTML detail view', () => {
    const masker = createMasker(policy({ style: 'redact' }), KEY);
    const markdown = '| Field | Value |\n|---|---|\n| First name | Anna |\n| Date of birth | 02.01.1980 |\n| Order | 123456789 |\n';
    assert.deepEqual(masker.maskText(markdown), {
      text: '| Field | Value |\n|---|---|\n| First name | [FIRST_NAME] |\n| Date of birth | [DATE_OF_BIRTH] |\n| Order | 123456789 |\n',
      findings: { first_name: 1, date_of_birth: 1 },
    });
    assert.equal(masker.maskText('key,value\nhome_address,"Hauptstr. 1\n10115 Berlin"\n').text, 'key,value\nhome_address,"[HOME_ADDRESS]\n[HOME_ADDRESS]"\n');
    const html = '<table><tr><th>Full name</th><td>Anna Schmidt</td></tr><tr><th>Address</th><td>Berlin</td></tr></table>';
    assert.equal(masker.maskText(html).text, '<table><tr><th>Full name</th><td>[FULL_NAME]</td></tr><tr><th>Address</th><td>Berlin</td></tr></table>');
    // A row of an e-mail address tells the table is a person's record, its name and address the person's, whether a heading or a label keys the rows.
    for (const [open, close] of [['<th>', '</th>'], ['<td>', ':</td>']]) {
      const record = `<table>\n<tr>${open}Name${close}<td>Anna Schmidt</td></tr>\n<tr>${open}Address${close}<td>Hauptstr. 1, Berlin</td></tr>\n<tr>${open}Email${close}<td>anna@example.de</td></tr>\n</table>\n`;
      assert.deepEqual(masker.maskText(record), {
        text: record.replace('Anna Schmidt', '[FULL_NAME]').replace('Hauptstr. 1, Berlin', '[HOME_ADDRESS]').replace('anna@example.de', '[EMAIL]'),
        findings: { full_name: 1, home_address: 1, email: 1 },
      }, open);
    }
    // A page that labels its values in bold is a record so too.
    const page = '<p><b>Name:</b> Anna Schmidt<br>\n<b>Email:</b> anna@example.de<br>\n<strong>Customer:</strong> Jean Dupont</p>\n';
    assert.equal(masker.maskText(page).text, '<p><b>Name:</b> [FULL_NAME]<br>\n<b>Email:</b> [EMAIL]<br>\n<strong>Customer:</strong> [FULL_NAME]</p>\n');
    // Without one, a name is a product's or a file's.
    const product = '<table><tr><th>Name</th><td>Widget</td></tr><tr><th>Price</th><td>9.99</td></tr></table>';
    assert.equal(masker.maskText(product).text, product);
    // A schema printed as a table names columns, and holds none of their values.
    const schema = '| column | type |\n|---|---|\n| first_name | text |\n';
    assert.equal(masker.maskText(schema).text, schema);
  });

  it('masks the rows of a JSON table by their columns: named beside the rows (before or after them, as names or as objects with a name), or in a header row', () => {
    const masker = createMasker(policy({ style: 'redact' }), KEY);
    // A database tool's result: `first_name` is masked whole (a number too), `ssn` names a bare id, `note` is scanned, and `id` and the cell past the last column name none.
    const result = { columns: ['id', 'first_name', 'ssn', 'note'], rows: [[1, 'Anna', '123456789', 'call 030 1234567'], [2, 42, 234567890, 'x', '123456789']] };
    const masked = { columns: ['id', 'first_name', 'ssn', 'note'], rows: [[1, '[FIRST_NAME]', '[US_SSN]', 'call [PHONE]'], [2, '[FIRST_NAME]', '[US_SSN]', 'x', '123456789']] };
    const findings = { first_name: 2, us_ssn: 2, phone: 1 };
    assert.deepEqual(masker.maskValue(result), { value: masked, findings });
    // The same as JSON text, numbers and layout as written; and with the rows before their columns (node-postgres's `rows`, then `fields`).
    const text = JSON.stringify(result, null, 1);
    assert.deepEqual(masker.maskValue(text), { value: JSON.stringify(masked, null, 1), findings });
    const fieldsAfter = { rowCount: 1, rows: [[7, 'Schmidt', 'Berlin']], fields: [{ name: 'customer_id', dataTypeID: 23 }, { name: 'last_name' }, { name: 'city' }] };
    const fieldsMasked = { ...fieldsAfter, rows: [[7, '[LAST_NAME]', 'Berlin']] };
    assert.deepEqual(masker.maskValue(fieldsAfter), { value: fieldsMasked, findings: { last_name: 1 } });
    assert.deepEqual(JSON.parse(masker.maskValue(JSON.stringify(fieldsAfter)).value as string), fieldsMasked);
    // A sheet's values: the header row names the columns of the rows below it, and is not masked itself.
    const sheet = { range: 'A1:C3', values: [['Full Name', 'Email', 'Date of birth'], ['Anna Schmidt', 'anna@example.de', '1980-01-02'], ['Jean Dupont', 'jean@example.fr', '1975-05-06']] };
    const sheetMasked = { range: 'A1:C3', values: [['Full Name', 'Email', 'Date of birth'], ['[FULL_NAME]', '[EMAIL]', '[DATE_OF_BIRTH]'], ['[FULL_NAME]', '[EMAIL]', '[DATE_OF_BIRTH]']] };
    assert.deepEqual(masker.maskValue(sheet), { value: sheetMasked, findings: { full_name: 2, email: 2, date_of_birth: 2 } });
    assert.deepEqual(JSON.parse(masker.maskValue(JSON.stringify(sheet)).value as string), sheetMasked);
    // Lists that name no columns: a pair of words is no header of two columns' names unless both read as names; numbers, one name, an `@` are none.
    for (const plain of [[['anna', 'schmidt'], ['x', 'y']], [['first_name', 3], ['Anna', 'x']], [['first_name'], ['Anna']], { columns: ['first_name', 'e@mail'], rows: [['Anna', 'x']] }, { columns: ['first_name', 'id'], rows: { first: 'Anna' } }]) {
      assert.deepEqual(masker.maskValue(plain), { value: plain, findings: {} }, JSON.stringify(plain));
      assert.deepEqual(masker.maskValue(JSON.stringify(plain)), { value: JSON.stringify(plain), findings: {} }, JSON.stringify(plain));
    }
  });

  it('masks the value after a key that names a field in text, as under a JSON key: `Full name: …`, YAML, Markdown, a block below its key, keys inside a line', () => {
    const masker = createMasker(policy({ style: 'redact' }), KEY);
    const text = 'Customer 10000\nFull name: Anna Schmidt\nDate of birth: 02.01.1980\nE-mail: anna@example.de\n- **DOB:** 1980-01-02\nhome_address:\n  street: Hauptstr. 1\n  city: Berlin\nnote: call at 12:30\n';
    assert.deepEqual(masker.maskText(text), {
      text: 'Customer 10000\nFull name: [FULL_NAME]\nDate of birth: [DATE_OF_BIRTH]\nE-mail: [EMAIL]\n- **DOB:** [DATE_OF_BIRTH]\nhome_address:\n  street: [HOME_ADDRESS]\n  city: [HOME_ADDRESS]\nnote: call at 12:30\n',
      findings: { full_name: 1, date_of_birth: 2, email: 1, home_address: 2 },
    });
    // JSON in a Markdown fence or a log line, which is no JSON text as a whole; a Python object's repr; a URL's query.
    const embedded = 'Found:\n```json\n{"first_name":"Anna", "id": 7, "home_address": {"city": "Berlin"}}\n```\nINFO saved Customer(id=7, last_name=\'Schmidt\') via https://crm.example.com/c?full_name=Anna+Schmidt&page=2';
    assert.equal(masker.maskText(embedded).text, 'Found:\n```json\n{"first_name":"[FIRST_NAME]", "id": 7, "home_address": {[HOME_ADDRESS]}}\n```\nINFO saved Customer(id=7, last_name=\'[LAST_NAME]\') via https://crm.example.com/c?full_name=[FULL_NAME]&page=2');
    // A field's value masked whole, also where a detection of an encoded run starts with it.
    assert.equal(masker.maskText('<home_address>anna%40example.de, Berlin</home_address>').text, '<home_address>[HOME_ADDRESS]</home_address>');
    // XML: an element's text, an attribute.
    assert.equal(masker.maskText('<customer full_name="Anna Schmidt"><dob>1980-01-02</dob><city>Berlin</city></customer>').text, '<customer full_name="[FULL_NAME]"><dob>[DATE_OF_BIRTH]</dob><city>Berlin</city></customer>');
    // Inside a JSON string too, and the same person as a pseudonym as under the JSON key.
    const pseudonyms = createMasker(policy({ style: 'pseudonym' }), KEY);
    const { full_name: name } = pseudonyms.maskValue({ full_name: 'Anna Schmidt' }).value as Record<string, string>;
    assert.deepEqual(pseudonyms.maskValue({ note: 'Full name: Anna Schmidt', id: 'x' }).value, { note: `Full name: ${name}`, id: 'x' });
  });

  it('pseudonym: a person in a table cell gets the token the same value gets as a JSON member, in text or inside a JSON value', () => {
    const masker = createMasker(policy({ style: 'pseudonym' }), KEY);
    const { first_name: name, email } = masker.maskValue({ first_name: 'Anna', email: 'anna@example.de' }).value as Record<string, string>;
    assert.equal(masker.maskText('First_Name;E-Mail\n anna ;anna@example.de\n').text, `First_Name;E-Mail\n ${name} ;${email}\n`);
    assert.deepEqual(masker.maskValue({ export: 'first_name,email\nAnna,anna@example.de\n', note: 'plain' }), {
      value: { export: `first_name,email\n${name},${email}\n`, note: 'plain' },
      findings: { first_name: 1, email: 1 },
    });
  });

  it('findAll: spans with types, never values', () => {
    const masker = createMasker(policy(), KEY);
    const text = 'mail anna@example.de or call +49 30 12345678';
    assert.deepEqual(masker.findAll(text), [
      { type: 'email', start: 5, end: 20 },
      { type: 'phone', start: 29, end: 44 },
    ]);
  });

  it('overlaps: an IBAN is not also a phone number, a card not also an id', () => {
    const masker = createMasker(policy({ style: 'redact' }), KEY);
    // A phone number written as `+` and digits that also pass as a 13-digit Visa is the phone number.
    assert.deepEqual(masker.maskText('WhatsApp +4915112345678'), { text: 'WhatsApp [PHONE]', findings: { phone: 1 } });
    assert.deepEqual(masker.maskText('IBAN DE89370400440532013000 SSN 123-45-6789').findings, { iban: 1, us_ssn: 1 });
  });

  it('masking a masked text again changes nothing (the trail masks what the client got)', () => {
    const masker = createMasker(policy(), KEY);
    const once = masker.maskText(TEXT).text;
    const twice = masker.maskText(once);
    assert.equal(twice.text, once);
    assert.deepEqual(twice.findings, {});
  });
});

describe('createMasker on large texts', () => {
  // Over 256 KiB: scanned in chunks cut after line breaks, and past the size after which scan buffers are given back.
  const COPIES = 3000;

  for (const style of ['redact', 'partial', 'pseudonym'] as const) {
    it(`${style}: a large text is masked as its lines are, Latin-1 or not, findings at its very start and end`, () => {
      const masker = createMasker(policy({ style }), KEY);
      for (const line of [`bob@example.org, María García, ${TEXT}, anna@example.de`, `bob@example.org, 😀 中文, ${TEXT}, anna@example.de`]) {
        const one = masker.maskText(line);
        const all = masker.maskText(Array(COPIES).fill(line).join('\n'));
        assert.equal(all.text, Array(COPIES).fill(one.text).join('\n'));
        assert.deepEqual(all.findings, Object.fromEntries(Object.entries(one.findings).map(([type, count]) => [type, count * COPIES])));
      }
    });
  }
});

describe('JSON text masked a batch of values at a time', () => {
  // Values that read differently with something before or after them: labels, joiners, separators, digits, `+`, `(`, `@`.
  const EDGES = ['Tel.', 'SSN:', 'PESEL', 'BSN', 'Steuer-ID', 'personnummer', 'version', 'v', 'phone', '', ' ', '-', '.', '/', '+', '(', ')', '@', ':', '::', '0', '12', '1234', 'a', 'é', 'x@', '@example.de', '49 30 12345678', '+49', '(030)', '192.168.1', '.10', 'DE89', '3704 0044 0532 0130 00', '4111 1111', '1111 1111', '2001:db8:', ':1', 'line\nbreak 0301234567', '\u2028', '😀', '?email=anna%40example.de', '%2B49%2030', '%20', 'q=', '%'];
  const KEYS = ['note', 'phone', 'ssn', 'pesel', 'bsn', 'steuer_id', 'personnummer', 'text'];

  /** Mixed lists of values of several keys, in random order, from the corpus and the edge values. */
  function documents(): { key: string; value: string }[][] {
    const random = seeded(4242);
    const values = [...positives().flatMap(({ text, written }) => [text, written]), ...lookalikes(), ...EDGES];
    const docs: { key: string; value: string }[][] = [];
    for (let d = 0; d < 40; d++) {
      const members: { key: string; value: string }[] = [];
      for (let m = 0; m < 200; m++) members.push({ key: pick(random, KEYS), value: pick(random, values) });
      docs.push(members);
    }
    return docs;
  }

  for (const style of ['redact', 'partial', 'pseudonym'] as const) {
    it(`${style}: each value of a JSON text or value comes out as masking it alone makes it, with the same findings`, () => {
      const masker = createMasker(policy({ style }), KEY);
      for (const members of documents()) {
        // The same values as records under their keys, and as a list (no key) of single-member objects' values.
        const records = members.map(({ key, value }) => ({ [key]: value }));
        const batched = masker.maskValue(JSON.stringify({ records, all: members.map(({ value }) => value) }));
        const expected: Findings = {};
        const alone = (key: string | undefined, value: string): unknown => {
          const { value: masked, findings } = masker.maskValue(key === undefined ? [value] : { [key]: value });
          for (const [type, count] of Object.entries(findings)) expected[type] = (expected[type] ?? 0) + count;
          return key === undefined ? (masked as unknown[])[0] : (masked as Record<string, unknown>)[key];
        };
        const want = {
          records: members.map(({ key, value }) => ({ [key]: alone(key, value) })),
          all: members.map(({ value }) => alone(undefined, value)),
        };
        assert.deepEqual(JSON.parse(batched.value as string), want);
        assert.deepEqual(batched.findings, expected);
        // The same document as a value, not text.
        const value = masker.maskValue({ records, all: members.map(({ value }) => value) });
        assert.deepEqual(value.value, want);
        assert.deepEqual(value.findings, expected);
      }
    });
  }

  it('masks a value that holds the separator alone, and long values alone, as the rest', () => {
    const masker = createMasker(policy({ style: 'redact' }), KEY);
    const long = `${'x'.repeat(40_000)} anna@example.de`;
    const text = JSON.stringify({ a: ['PESEL:\u0000 44051401359', 'a@example.de\u0000b@example.de', long, 'Tel. 0301234567'] });
    // A label before a NUL in a value of its own counts, as in any text.
    assert.deepEqual(JSON.parse(masker.maskValue(text).value as string), { a: ['PESEL:\u0000 [PL_PESEL]', '[EMAIL]\u0000[EMAIL]', `${'x'.repeat(40_000)} [EMAIL]`, 'Tel. [PHONE]'] });
  });
});

describe('JSON text and the value it holds', () => {
  const VALUES = ['https://crm.example.com/?email=anna%40example.de&tel=%2B49%2030%201234567', 'mailto:anna&#64;example&#x2E;de', 'anna@example.de', '+49 30 1234567', 'Tel. 030 1234567', 'DE89 3704 0044 0532 0130 00', '4111 1111 1111 1111', '192.168.1.10', '2001:db8::1', '123-45-6789', 'Anna Schmidt', 'Müller, Hans', 'x', '', ' ', 'été', '😀', 'a"b', 'back\\slash', 'line\nbreak', '\u0000', 'ORD-2024-000123', '2024-03-01T10:00:00Z', '{"email":"b@example.org"}', '[1,2,"c@example.com"]', '{not json', 'SSN: 123456789', 'PESEL 44051401359', 'person', 'User'];
  // Keys that hold personal data themselves too (maps keyed by address), two of one type (`[EMAIL] #2`), one with an escape.
  const KEYS = ['note', 'phone', 'email', 'first_name', 'dob', 'text', 'ssn', 'data', '__proto__', 'Full-Name', 'x', 'anna@example.de', 'x@example.org', '+49 30 1234567', 'to "b@example.com"', '[EMAIL]', 'columns', 'Fields', 'rows', 'name', 'displayName', 'customer', 'Authors', 'address', 'emailAddress', 'entityType'];
  // Column names, and what is not one (see `json-columns.ts`).
  const COLUMN_NAMES = ['first_name', 'Full-Name', 'dob', 'ssn', 'phone', 'email', 'note', 'id', 'a b', 'first_name', 'ssn', 'x@example.org', '1st', ''];
  /** A table (see `json-columns.ts`): its columns named in an object, before or after its rows, or in a header row. */
  function table(random: () => number, depth: number): unknown {
    const columns = Array.from({ length: int(random, 1, 4) }, () => pick(random, COLUMN_NAMES));
    const rows = Array.from({ length: int(random, 0, 3) }, () => (random() < 0.8 ? Array.from({ length: int(random, 0, 5) }, () => document(random, depth + 2)) : document(random, depth + 2)));
    const roll = random();
    if (roll < 0.3) return [columns, ...rows];
    const named = roll < 0.65 ? columns.map((name) => (random() < 0.8 ? { type: 'text', name } : { title: name })) : columns;
    const key = pick(random, ['columns', 'Fields', 'headers', 'names']);
    return random() < 0.7 ? { [key]: named, rows, more: rows.slice(0, 1) } : { rows, [key]: named, more: rows.slice(0, 1) };
  }
  /** A random JSON value: strings above, numbers, lists, tables, and objects under the keys above (`__proto__` as a member). */
  function document(random: () => number, depth: number): unknown {
    const roll = random();
    if (depth > 4 || roll < 0.45) return pick(random, VALUES);
    if (roll < 0.5) return table(random, depth);
    if (roll < 0.55) return pick(random, [0, 1.5, -3, 12345678901, 44051401359, 4111111111111111, 123456789, 1700000000000, 12345678901234567890, true, false, null]);
    if (roll < 0.75) return Array.from({ length: int(random, 0, 4) }, () => document(random, depth + 1));
    const members: Array<[string, unknown]> = Array.from({ length: int(random, 0, 4) }, () => [pick(random, KEYS), document(random, depth + 1)]);
    // A FHIR resource, which may stand for a person.
    if (random() < 0.15) members.unshift(['resourceType', pick(random, ['Patient', 'Organization', 'Practitioner'])]);
    return Object.fromEntries(members);
  }

  for (const style of ['redact', 'partial', 'pseudonym'] as const) {
    it(`${style}: masking a JSON text gives what masking its parsed value gives, with the same findings`, () => {
      const masker = createMasker(policy({ style }), KEY);
      const random = seeded(31337);
      for (let n = 0; n < 400; n++) {
        const text = JSON.stringify({ root: document(random, 0), list: [document(random, 1), document(random, 1)] }, null, random() < 0.3 ? 2 : undefined);
        const asText = masker.maskValue(text);
        const asValue = masker.maskValue(JSON.parse(text));
        assert.deepEqual(JSON.parse(asText.value as string), asValue.value, text);
        assert.deepEqual(asText.findings, asValue.findings, text);
      }
    });

    it(`${style}: masking what Python prints of a value gives what masking the value gives, with the same findings`, () => {
      const masker = createMasker(policy({ style }), KEY);
      const random = seeded(4242);
      for (let n = 0; n < 400; n++) {
        const value = JSON.parse(JSON.stringify({ root: document(random, 0), list: [document(random, 1), document(random, 1)] })) as unknown;
        const text = pythonRepr(value, random() < 0.3);
        const asText = masker.maskValue(text);
        const read = rebuilt(asText.value as string, true);
        assert.ok(read.ok, asText.value as string);
        assert.deepEqual({ value: read.value, findings: asText.findings }, masker.maskValue(value), text);
      }
    });
  }
});

describe('maskPieces', () => {
  // A long string of a large result, decoded a piece at a time (proxy/long-strings.ts), must come out as the whole text would.
  it('masks a text given in pieces exactly as the whole text, in every style, whatever the piece size', async () => {
    const { piiDenseText } = await import('../bench/mask-bench.js');
    // A table, a key's block and an element run over many pieces: the header, the key and the opening tag are in the first only.
    const table = `first_name,email,ssn\n${Array.from({ length: 3000 }, (_, n) => `Anna${n},anna${n}@example.de,123456789\n`).join('')}`;
    const record = `customer:\n  full_name: Anna Schmidt\n  home_address:\n${'    - Hauptstr. 1, 10115 Berlin\n'.repeat(400)}  note: kept\n<home_address>\n${'  <street>Hauptstr. 1</street>\n'.repeat(400)}</home_address>\n`;
    const text = `${piiDenseText(300_000, 500)}\n${table}${record}😀 bob@example.org, ${TEXT}\nlast line anna@example.de`;
    for (const style of ['redact', 'partial', 'pseudonym'] as const) {
      const masker = createMasker(policy({ style }), KEY);
      const whole = masker.maskText(text);
      for (const pieceBytes of [300, 4096, 64 * 1024]) {
        const long = new LongString([Buffer.from(JSON.stringify(text), 'utf8')], false, true);
        const findings = {};
        const masked = [...masker.maskPieces(long.pieces(pieceBytes), findings)].join('');
        assert.equal(masked, whole.text, `${style}, pieces of ${pieceBytes} bytes`);
        assert.deepEqual(findings, whole.findings);
      }
    }
  });

  it('masks a record that the end of a piece cuts as the whole text: its name held in the piece before, or told there', () => {
    const names = ['Anna Schmidt', 'Jean Dupont', 'Maria Rossi', 'Erik Larsson'];
    // Each record tells its person's data only with a line after the one that names them.
    const records = [
      (name: string) => `- name: ${name}\n  plan: Gold\n  email: anna@example.de\n`,
      (name: string) => `### ${name}\n\n- **Plan:** Gold\n- **Email:** anna@example.de\n\n`,
      (name: string) => `<record>\n  <Name>${name}</Name>\n  <Plan>Gold</Plan>\n  <Phone>+49 30 12345678</Phone>\n</record>\n`,
      (name: string) => `<dl>\n<dt>Name</dt>\n<dd>${name}</dd>\n<dt>E-mail</dt>\n<dd>anna@example.de</dd>\n</dl>\n`,
      (name: string) => `  - row "${name} anna@example.de" [ref=e5]:\n    - cell "${name}" [ref=e6]\n    - cell "anna@example.de" [ref=e7]\n`,
      (name: string) => `Thanks for your order.\n\nBest regards,\n${name}\n`,
      (name: string) => `Vielen Dank für Ihre Bestellung.\n\nMit freundlichen Grüßen\n\n${name}\n`,
      (name: string) => `\n1\n00:00:01.000 --> 00:00:04.000\n${name}: Hello\n`,
      (name: string) => `See you on Monday.\n-- \n${name}\nAcme GmbH\n`,
      (name: string) => `-[ RECORD 1 ]----\nid    | 7\nname  | ${name}\nplan  | Gold\nemail | anna@example.de\n`,
      (name: string) => `*************************** 1. row ***************************\n   id: 7\n name: ${name}\n plan: Gold\nemail: anna@example.de\n`,
      (name: string) => `| Field | Value |\n|---|---|\n| Name | ${name} |\n| Plan | Gold |\n| Phone | +49 30 12345678 |\n\n`,
      (name: string) => `| | |\n|---|---|\n| **Name** | ${name} |\n| **Email** | anna@example.de |\n\n`,
      (name: string) => `<table>\n<tr><td>Name:</td><td>${name}</td></tr>\n<tr><td>Plan:</td><td>Gold</td></tr>\n<tr><td>Email:</td><td>anna@example.de</td></tr>\n</table>\n`,
      // A record that told it is a person's before its name, which a later piece may hold.
      (name: string) => `- email: anna@example.de\n  plan: Gold\n  name: ${name}\n`,
      (name: string) => `<record>\n  <Phone>+49 30 12345678</Phone>\n  <Plan>Gold</Plan>\n  <Name>${name}</Name>\n</record>\n`,
      (name: string) => `MSH|^~\\&|HIS|CLINIC\rPID|1||7||${name}||19800102\r\n`,
      (name: string) => `Name: ${name}    Plan: Gold    Email: anna@example.de\n`,
      (name: string) => `2024/01/02 10:02:33 saved &{ID:7 Name:${name} Plan:Gold Email:anna@example.de}\n`,
      (name: string) => `ID  NAME                EMAIL\n7   ${name.padEnd(18)}  anna@example.de\n\n`,
      (name: string) => `                name            email\n0  ${name.padStart(18)}  anna@example.de\n\n`,
      (name: string) => `┏━━━━┳━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━┓\n┃ id ┃ name         ┃ email           ┃\n┡━━━━╇━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━┩\n│ 1  │ ${name} │ anna@example.de │\n└────┴──────────────┴─────────────────┘\n`,
      (name: string) => `<p><b>Name:</b> ${name}<br>\n<b>Plan:</b> Gold<br>\n<b>Email:</b> anna@example.de</p>\n`,
      (name: string) => `Invoice to:\n${name}\nHauptstr. 5\n10115 Berlin\n\n`,
      (name: string) => `Ship to ${name}, 1 rue de Rivoli, 75001 Paris.\n`,
      (name: string) => `[10:02] ${name}: hello\n12/01/2024, 10:03 - ${name}: hi\n`,
      (name: string) => `^a1b2c3d (${name} 2024-01-01 10:00:00 +0100 1) x\n    12\t${name}\nanna:x:1000:1000:${name},,,:/home/anna:/bin/bash\nauthor ${name}\nauthor-mail <anna@example.de>\n`,
    ];
    const snapshot = '- table [ref=e1]:\n  - row "Name Email" [ref=e2]:\n    - columnheader "Name" [ref=e3]\n    - columnheader "Email" [ref=e4]\n';
    const masker = createMasker(policy({ style: 'redact' }), KEY);
    for (const [shape, record] of records.entries()) {
      let text = shape === 4 ? snapshot : '';
      for (let n = 0; text.length < 40_000; n++) text += record(names[n % names.length]!);
      const whole = masker.maskText(text);
      assert.doesNotMatch(whole.text, /Anna Schmidt|Jean Dupont|Maria Rossi|Erik Larsson/, `shape ${shape}`);
      for (const pieceBytes of [300, 1000, 4096]) {
        const long = new LongString([Buffer.from(JSON.stringify(text), 'utf8')], false, true);
        const findings = {};
        const masked = [...masker.maskPieces(long.pieces(pieceBytes), findings)];
        assert.equal(masked.length, [...long.pieces(pieceBytes)].length, 'one masked piece for each piece');
        assert.equal(masked.join(''), whole.text, `shape ${shape}, pieces of ${pieceBytes} bytes`);
        assert.deepEqual(findings, whole.findings);
      }
    }
  });

  it('masks a piece only when it is asked for, reading one piece ahead for the context after it', () => {
    const masker = createMasker(policy({}), KEY);
    let read = 0;
    function* pieces(): Generator<string> {
      for (const piece of ['a@example.de\n', 'b@example.de\n', 'c@example.de']) {
        read++;
        yield piece;
      }
    }
    const findings = {};
    const masked = masker.maskPieces(pieces(), findings);
    assert.equal(read, 0);
    assert.match(String(masked.next().value), /^<email:[0-9a-f]{8}>\n$/);
    assert.equal(read, 2);
    assert.deepEqual(findings, { email: 1 });
    assert.equal([...masked].length, 2);
    assert.deepEqual(findings, { email: 3 });
  });

  it('passes the pieces through when the policy has no detectors', () => {
    const masker = createMasker(policy({ detectors: [] }), KEY);
    const findings = {};
    assert.deepEqual([...masker.maskPieces(['a@example.de\n', 'b'], findings)], ['a@example.de\n', 'b']);
    assert.deepEqual(findings, {});
  });
});

describe('createMasker on hostile input', () => {
  it('replaces structures nested deeper than it walks instead of overflowing the stack', () => {
    const masker = createMasker(policy({ style: 'redact' }), KEY);
    let deep: unknown = { email: 'a@example.de' };
    for (let k = 0; k < 1000; k++) deep = [deep];
    const text = JSON.stringify(deep);
    const { value } = masker.maskValue({ deep, text });
    assert.ok(!JSON.stringify(value).includes('a@example.de'));
    assert.ok(JSON.stringify(value).includes('[NESTING_TOO_DEEP]'));
  });

  it('replaces what lies too deep in JSON text as in a value, keeping the text around it', () => {
    const masker = createMasker(policy({ style: 'redact', fields: ['first_name'] }), KEY);
    // 300 lists around a record: what lies deeper than 256 levels is replaced, in JSON text as in the parsed value.
    for (const record of [{ email: 'a@example.de' }, { first_name: ['Anna', 1] }]) {
      const deep = `${'['.repeat(300)}${JSON.stringify(record)}${']'.repeat(300)}`;
      const { value, findings } = masker.maskValue(`{"n": 1, "deep": ${deep}, "e": "b@example.de"}`);
      // A JSON text's content lies one level below the text: as deep as the value one list down.
      const parsed = masker.maskValue([{ n: 1, deep: JSON.parse(deep), e: 'b@example.de' }]);
      assert.deepEqual(JSON.parse(value as string), (parsed.value as unknown[])[0]);
      assert.deepEqual(findings, parsed.findings);
      assert.ok((value as string).startsWith('{"n": 1, "deep": [[[') && (value as string).endsWith(']]], "e": "[EMAIL]"}'));
      assert.ok(!(value as string).includes('example.de') && !(value as string).includes('Anna'));
    }
  });
});

describe('scan buffers', () => {
  it('are given back after a large text, so one big result does not hold megabytes for good', async () => {
    const { piiDenseText } = await import('../bench/mask-bench.js');
    const gc = collector();
    const masker = createMasker(defaultMasking(), new Uint8Array(32).fill(3));
    masker.maskText('warm up 4111 1111 1111 1111');
    const text = piiDenseText(4 * 1024 * 1024);
    const before = await settledArrayBuffers(gc);
    const { findings } = masker.maskText(text);
    const held = (await settledArrayBuffers(gc)) - before;
    assert.ok(Object.keys(findings).length > 5, 'the text is dense with findings, so the buffers did grow');
    // Without the release the digit runs, spans and merge buffers of this text stay: about 12 MB.
    assert.ok(held < 4 * 1024 * 1024, `masking a 4 MiB text left ${(held / 1048576).toFixed(1)} MB of buffers behind`);
  });
});
