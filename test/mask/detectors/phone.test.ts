import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { phone } from '../../../src/mask/detectors/phone.js';
import { checkDetector, scan } from './cases.js';
import { createMasker } from '../../../src/mask/masker.js';
import { defaultMasking } from '../../helpers/default-masking.js';

describe('phone', () => {
  checkDetector(phone, {
    found: [
      ['Tel. +49 30 12345678', '+49 30 12345678', '+493012345678'],
      ['call +49 (0)30 12345678 now', '+49 (0)30 12345678', '+493012345678'],
      ['0049 30 12345678', '0049 30 12345678', '+493012345678'],
      ['Telefon 030 12345678', '030 12345678', '+493012345678'],
      ['appelez le 06 12 34 56 78', '06 12 34 56 78', '+33612345678'],
      ['ring 020 7946 0958', '020 7946 0958', '+442079460958'],
      ['call (212) 555-0123', '(212) 555-0123', '+12125550123'],
      ['llame al 612 34 56 78', '612 34 56 78', '+34612345678'],
      ['+33 6 12 34 56 78', '+33 6 12 34 56 78', '+33612345678'],
      ['zadzwoń 512 345 678', '512 345 678', '+48512345678'],
      ['ring 070-123 45 67', '070-123 45 67', '+46701234567'],
      // A row's next cell after a comma: no amount starts with `+` or 0.
      ['Anna,+49 30 12345678,1980-05-17', '+49 30 12345678', '+493012345678'],
      ['Anna,030 12345678,42', '030 12345678', '+493012345678'],
      // Greece's ten digits 3-3-4; eight digits in groups after a label, where no trunk prefix is written.
      ['κινητό 691 234 5678', '691 234 5678', '+306912345678'],
      ['Tlf. 34 41 23 45', '34 41 23 45', '+4534412345'],
      ['Telefon: 5123 4567', '5123 4567', '+37251234567'],
      ['Tel. 9696 1234', '9696 1234', '+35696961234'],
    ],
    kept: [
      'epoch 1700000000000',
      '+1700000000000',
      'on 01.02.2024 at 10:30',
      '2024-01-15 10:30:00',
      'version 1.2.3',
      'ratio 0.544958017766',
      'amount 123 456 789,50 EUR',
      'order 0123456789',
      'ORD-030-12345678',
      'id x0301234567',
      '+49 123',
      'personnummer 811218-9875',
      '0612345678',
      // Eight digits in groups without a label: a count, an amount, a code.
      'total 34 41 23 45 items',
      'ref 5123 4567',
    ],
    byKey: [['0612345678', 'phone', '0612345678'], ['612345678', 'mobile', '612345678']],
  });
});

describe('phone under its key', () => {
  it("finds a value written as a phone number under a phone's key where no numbering plan knows it; other keys and shapes keep theirs", () => {
    assert.deepEqual(scan(phone, '+1 555 123 4567', 'phone'), [{ written: '+1 555 123 4567', value: '+15551234567' }]);
    assert.deepEqual(scan(phone, ' 555-1234-99 ', 'homephone'), [{ written: '555-1234-99', value: '555123499' }]);
    // A valid number keeps the normal form its validation gives.
    assert.deepEqual(scan(phone, '030 12345678', 'phone'), [{ written: '030 12345678', value: '+493012345678' }]);
    for (const [value, key] of [['+1 555 123 4567', 'order_id'], ['n/a', 'phone'], ['12345', 'phone'], ['0151 1234567x', 'phone'], ['1234567', 'hotel'], ['1234567', 'automobile'], ['1.2.3.4567', 'mobile_app_version']]) {
      assert.deepEqual(scan(phone, value!, key), [], `${key}: ${value}`);
    }
  });

  it('masks each such value of a record and of a list, short values read together', () => {
    const masker = createMasker({ ...defaultMasking(), style: 'redact' }, new Uint8Array(32));
    const record = { phone: '+1 555 123 4567', phones: ['+1 555 010 0199', 'n/a', '+49 30 12345678'], customerPhone: '555-1234-99', note: 'call +1 555 123 4567' };
    const masked = { phone: '[PHONE]', phones: ['[PHONE]', 'n/a', '[PHONE]'], customerPhone: '[PHONE]', note: 'call +1 555 123 4567' };
    assert.deepEqual(masker.maskValue(record).value, masked);
    assert.equal(masker.maskValue(JSON.stringify(record)).value, JSON.stringify(masked));
  });
});

describe("phone under its key in text", () => {
  it("finds the whole value of a phone's key in a line where no numbering plan knows it; another key's, or a number inside a sentence, keeps it", () => {
    assert.deepEqual(scan(phone, 'Phone: +1 555 123 4567\n'), [{ written: '+1 555 123 4567', value: '+15551234567' }]);
    assert.deepEqual(scan(phone, 'Customer Phone = 555-1234-99, ok'), [{ written: '555-1234-99', value: '555123499' }]);
    assert.deepEqual(scan(phone, 'Tel.: 555-1234-99'), [{ written: '555-1234-99', value: '555123499' }]);
    for (const text of ['Total: 555-1234-99', 'Phone: 555-1234-99 (office)', 'Phone: 12345', 'Phone ticket 555-1234-99']) assert.deepEqual(scan(phone, text), [], text);
  });
});

describe('a generic key under a phone key', () => {
  it("reads a `value` or a `number` with the key of the object it is in: Google's `phoneNumbers`, a national id's `number`", () => {
    const masker = createMasker({ ...defaultMasking(), style: 'redact' }, new Uint8Array(32));
    const person = { phoneNumbers: [{ value: '+1 555 123 4567', type: 'mobile' }], ssn: { number: '123456789' }, order: { number: '12345678' } };
    const masked = { phoneNumbers: [{ value: '[PHONE]', type: 'mobile' }], ssn: { number: '[US_SSN]' }, order: { number: '12345678' } };
    assert.deepEqual(masker.maskValue(person).value, masked);
    assert.equal(masker.maskValue(JSON.stringify(person)).value, JSON.stringify(masked));
  });
});
