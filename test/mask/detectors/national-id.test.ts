import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { nationalId } from '../../../src/mask/detectors/national-id.js';
import { createMasker } from '../../../src/mask/masker.js';
import { defaultMasking } from '../../helpers/default-masking.js';
import { scan } from './cases.js';

describe('national_id', () => {
  it('finds a value under a key that names a national id however it is written, and nothing without the key', () => {
    for (const [value, key, written] of [
      // Latvia's personas kods, Hungary's személyi szám, Canada's SIN, Brazil's CPF: no detector here validates them.
      ['161175-19997', 'personas_kods', '161175-19997'],
      ['1 850101 1234', 'szemelyi_szam', '1 850101 1234'],
      ['046 454 286', 'social_insurance_number', '046 454 286'],
      ['123.456.789-09', 'cpf', '123.456.789-09'],
      // A number with a typo or a check that fails, where the key says what it is.
      [' 123-45-678 ', 'ssn', '123-45-678'],
      ['C01X00T47', 'nationalId', 'C01X00T47'],
    ]) {
      assert.deepEqual(scan(nationalId, value!).map((found) => found.written), [], `without key: ${value}`);
      assert.deepEqual(scan(nationalId, value!, key).map((found) => found.written), [written], `with key ${key}: ${value}`);
      // Inside a JSON string that a text holds, no key stands before it: nothing.
      assert.deepEqual(scan(nationalId, JSON.stringify({ [key!]: value })), [], `in JSON text: ${value}`);
    }
  });

  it('reads neither a word nor a short code under such a key, nor a tax number, nor a sine', () => {
    for (const [value, key] of [['pending', 'national_id'], ['DE', 'national_id'], ['1234', 'ssn'], ['12345678901', 'tax_id'], ['12345678901', 'vat_number'], ['0.841471', 'sin']]) {
      assert.deepEqual(scan(nationalId, value!, key), [], `${key}: ${value}`);
    }
    assert.deepEqual(scan(nationalId, '850101-12345', 'personal_code'), [{ written: '850101-12345', value: '85010112345' }]);
  });

  it('lets a national id detector count what it validates, and wins over a phone number read in an id', () => {
    const masker = createMasker({ ...defaultMasking(), style: 'redact' }, new Uint8Array(32));
    const record = { ssn: '123-45-6789', pesel: '44051401458', social_insurance_number: '046 454 286', personas_kods: '161175-19997', status: 'pending' };
    assert.deepEqual(masker.maskValue(record), {
      value: { ssn: '[US_SSN]', pesel: '[PL_PESEL]', social_insurance_number: '[NATIONAL_ID]', personas_kods: '[NATIONAL_ID]', status: 'pending' },
      findings: { us_ssn: 1, pl_pesel: 1, national_id: 2 },
    });
    assert.equal(masker.maskValue(JSON.stringify(record)).value, JSON.stringify({ ssn: '[US_SSN]', pesel: '[PL_PESEL]', social_insurance_number: '[NATIONAL_ID]', personas_kods: '[NATIONAL_ID]', status: 'pending' }));
    // A table's column names them as a JSON key does.
    assert.equal(masker.maskText('name,personas_kods\nAnna Bērziņa,161175-19997\n').text, 'name,personas_kods\n[FULL_NAME],[NATIONAL_ID]\n');
  });
});
