import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { POSTAL_ADDRESS, POSTAL_NAME, readPostalAddresses } from '../../src/mask/lib/postal-address-text.js';

/** What `readPostalAddresses` reports in text[from, to), as `name: …` or `address: …`. */
function found(text: string, from = 0, to = text.length): string[] {
  const seen: string[] = [];
  readPostalAddresses(text, from, to, (start, end, kind) => seen.push(`${kind === POSTAL_NAME ? 'name' : kind === POSTAL_ADDRESS ? 'address' : kind}: ${text.slice(start, end)}`));
  return seen;
}

describe('readPostalAddresses', () => {
  it('reads an envelope\'s address in the EU\'s forms: the name above the street, the street, the postcode and town', () => {
    const envelopes = [
      ['Anna Schmidt', 'Hauptstr. 5', '10115 Berlin'],
      ['Jean Dupont', '1 rue de Rivoli', '75001 Paris'],
      ['Maria Rossi', 'Via Roma 1', '00184 Roma'],
      ['Daan de Vries', 'Kalverstraat 12', '1012 AB Amsterdam'],
      ['Jan Kowalski', 'ul. Długa 5', '00-950 Warszawa'],
      ['Erik Larsson', 'Drottninggatan 7', '111 51 Stockholm'],
      ['Ana García', 'Calle de Alcalá 42', '28014 Madrid'],
      ['João Silva', 'Rua Augusta 100', '1100-053 Lisboa'],
      ['Hans Müller', 'Lindenweg 3a', 'A-1010 Wien'],
    ];
    for (const [name, street, town] of envelopes) {
      assert.deepEqual(found(`${name}\n  ${street}\r\n${town}\nGermany\n`), [`name: ${name}`, `address: ${street}`, `address: ${town}`]);
    }
  });

  it('reads the UK\'s and the US\'s forms on their own lines', () => {
    assert.deepEqual(found('John Smith\n221B Baker Street\nLondon NW1 6XE\n'), ['name: John Smith', 'address: 221B Baker Street', 'address: London NW1 6XE']);
    assert.deepEqual(found('Jane Doe\n350 Fifth Avenue\nNew York, NY 10118\nUSA\n'), ['name: Jane Doe', 'address: 350 Fifth Avenue', 'address: New York, NY 10118']);
  });

  it('reads an address in a line, after a name, and a street after a key', () => {
    assert.deepEqual(found('Please send it to Anna Schmidt, Hauptstraße 12a, D-10115 Berlin (Mitte).\n'), ['name: Anna Schmidt', 'address: Hauptstraße 12a', 'address: D-10115 Berlin (Mitte)']);
    assert.deepEqual(found('She moved to Via Roma 1, 00184 Roma, last year.'), ['address: Via Roma 1', 'address: 00184 Roma']);
    assert.deepEqual(found('Address: Hauptstr. 5\n10115 Berlin\n'), ['address: Hauptstr. 5', 'address: 10115 Berlin']);
  });

  it("ends a town before the sentence that goes on after it, and reads towns' small words and the US's `Ave`", () => {
    assert.deepEqual(found('She moved to ul. Marszałkowska 10/5, 00-590 Warszawa and her new number is +48 601 234 567.'), ['address: ul. Marszałkowska 10/5', 'address: 00-590 Warszawa']);
    assert.deepEqual(found('She moved to Lindenstraße 7, 04109 Leipzig and called us.'), ['address: Lindenstraße 7', 'address: 04109 Leipzig']);
    assert.deepEqual(found('Schickt es an Goethestr. 3, 60313 Frankfurt am Main bitte.'), ['address: Goethestr. 3', 'address: 60313 Frankfurt am Main']);
    assert.deepEqual(found('Vive en Calle Mayor 5, 28700 San Sebastián de los Reyes.'), ['address: Calle Mayor 5', 'address: 28700 San Sebastián de los Reyes']);
    assert.deepEqual(found("Woont op Hinthamerstraat 1, 5211 MR 's-Hertogenbosch."), ['address: Hinthamerstraat 1', "address: 5211 MR 's-Hertogenbosch"]);
    assert.deepEqual(found('Send to Hauptstr. 5, 06108 Halle (Saale) today'), ['address: Hauptstr. 5', 'address: 06108 Halle (Saale)']);
    assert.deepEqual(found('He moved to 1600 Pennsylvania Ave, Washington, DC 20500.'), ['address: 1600 Pennsylvania Ave', 'address: Washington, DC 20500']);
  });

  it("reads an address between HTML tags: a tag's end starts the street, a tag ends the town, a line break tag ends a line", () => {
    assert.deepEqual(found('<div><h2>Maria Rossi</h2><p>Via Roma 12, 00184 Roma</p></div>\n<td>Hauptstr. 5, 10115 Berlin</td>'), ['address: Via Roma 12', 'address: 00184 Roma', 'address: Hauptstr. 5', 'address: 10115 Berlin']);
    assert.deepEqual(found('<li>Example GmbH, 10115 Berlin</li>'), []);
    // An address block whose lines HTML's line breaks part, as a page's or a mail's: the name above the street, the street, the town.
    assert.deepEqual(found('<p>Anna Schmidt<br>Hauptstr. 5<br>10115 Berlin</p>\n<address>Jean Dupont<br/>1 rue de Rivoli<BR />75001 Paris</address>'), [
      'name: Anna Schmidt',
      'address: Hauptstr. 5',
      'address: 10115 Berlin',
      'name: Jean Dupont',
      'address: 1 rue de Rivoli',
      'address: 75001 Paris',
    ]);
  });

  it("reads the UK's and the US's forms in a line that ends with their postcode", () => {
    assert.deepEqual(found('John Smith, 221B Baker Street, London NW1 6XE.\n'), ['name: John Smith', 'address: 221B Baker Street', 'address: London NW1 6XE']);
    assert.deepEqual(found('Ship to 350 Fifth Avenue, New York, NY 10118\n'), ['address: 350 Fifth Avenue', 'address: New York, NY 10118']);
    // Where the line does not end with the postcode, or no street stands before the town, nothing is.
    assert.deepEqual(found('10 Downing Street, London SW1A 2AA, United Kingdom\nHello, World 2AA\nVersion 2, Release 12345\n'), []);
  });

  it('passes a postcode and town without a street, a street without a postcode, and what only looks like either', () => {
    const text = [
      'Example GmbH, 10115 Berlin',
      'version 2, 10115 Berlin',
      'Processed 5',
      '12345 Records',
      'Row 3',
      '10000 Nodes',
      'Hauptstr. 5',
      'Berlin',
      'order 12, 10115 items',
      'Via Roma 1, Roma',
    ].join('\n');
    assert.deepEqual(found(text), []);
  });

  it('reports the parts in text[from, to) of an envelope that from or to cut, read whole with the lines around', () => {
    const text = 'Anna Schmidt\nHauptstr. 5\n10115 Berlin\nVia Roma 1\n00184 Roma\n';
    const street = text.indexOf('Hauptstr');
    const town = text.indexOf('10115');
    assert.deepEqual(found(text, 0, street), ['name: Anna Schmidt']);
    assert.deepEqual(found(text, 0, town), ['name: Anna Schmidt', 'address: Hauptstr. 5']);
    assert.deepEqual(found(text, street, town), ['address: Hauptstr. 5']);
    assert.deepEqual(found(text, town, text.indexOf('Via')), ['address: 10115 Berlin']);
    assert.deepEqual(found(text, text.indexOf('Via')), ['address: Via Roma 1', 'address: 00184 Roma']);
  });
});
