/**
 * The phone detector skips `hasLabel` when no letter of a label word is
 * within reach; that shortcut must never turn down a label `hasLabel` sees.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hasLabel } from '../../../src/mask/lib/context.js';
import { phone } from '../../../src/mask/detectors/phone.js';
import { createScanInput } from '../../../src/mask/scanner.js';
import { scan } from './cases.js';

describe('phone labels', () => {
  it('finds a bare number exactly where hasLabel sees its label, however far back', () => {
    for (const label of ['Tel.', 'TEL', 'fax', 'GSM', 'Handy', 'WhatsApp', 'Ruf', 'komórka', 'Móvil']) {
      for (let gap = 0; gap < 80; gap++) {
        // Filler without the letters of any label word.
        const text = `${label} ${'ab, '.repeat(gap).slice(0, gap)} 0301234567`;
        const start = text.length - 10;
        const labelled = hasLabel(createScanInput(text), start, new RegExp(label.replace('.', '\\.'), 'i'));
        assert.equal(scan(phone, text).length, labelled ? 1 : 0, `${JSON.stringify(text)}`);
      }
    }
  });
});
