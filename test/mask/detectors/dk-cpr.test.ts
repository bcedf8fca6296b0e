import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dkCpr } from '../../../src/mask/detectors/dk-cpr.js';
import { createMasker } from '../../../src/mask/masker.js';
import { defaultMasking } from '../../helpers/default-masking.js';
import { checkDetector, scan } from './cases.js';

// 211062-5629 is python-stdnum's example (serial 5 with year 62: born 1862). The others meet the mod-11
// check as computed here: 150790-2002 (1990), 031188-0004 (1988), 290200-4001 (29 February 2000, serial 4).
describe('dk_cpr', () => {
  checkDetector(dkCpr, {
    found: [
      // Hyphenated with the check, anywhere.
      ['Patient 211062-5629 indlagt', '211062-5629', '2110625629'],
      ['(150790-2002)', '150790-2002', '1507902002'],
      ['290200-4001', '290200-4001', '2902004001'],
      // Bare with the check, after any of its names.
      ['CPR-nr. 0311880004', '0311880004', '0311880004'],
      ['personnummer: 2110625629', '2110625629', '2110625629'],
      // Failing the check (issued since 2007), after the Danish name.
      ['CPR-nummer 010165-1234', '010165-1234', '0101651234'],
      ['CPR: 0101651234', '0101651234', '0101651234'],
    ],
    kept: [
      // The check fails without the Danish name; after `personnummer` it is likelier a Swedish number.
      '211062-5628', 'personnummer 010165-1234', 'personnummer 0101651234',
      // Impossible dates: 13th month, 29 February 1900 (serial 1), 30 February even after a label.
      '211362-5629', '290200-1002', 'CPR 300290-1234',
      // Bare runs without a label; glued into words; other separators and groups.
      '2110625629', 'order 1507902002', 'x211062-5629', '211062-5629x', 'ref-211062-5629', '211062 5629', '211062/5629', '21106-25629', '211062-56291',
    ],
    byKey: [
      ['2110625629', 'cpr', '2110625629'],
      ['0101651234', 'patient_cpr', '0101651234'],
    ],
  });

  it('masks a CPR number that also passes the Swedish personnummer checks, reported as Swedish', () => {
    // 120315-1418 is 12 March 2015 to the Danish reading, and a personnummer of someone born on 15 March 2012
    // (Luhn check 8) to the Swedish: the scanner keeps the reading listed first.
    assert.deepEqual(scan(dkCpr, 'CPR 120315-1418').map((found) => found.value), ['1203151418']);
    const masker = createMasker(defaultMasking(), new Uint8Array(32).fill(1));
    assert.deepEqual(masker.findAll('CPR 120315-1418').map((found) => found.type), ['se_personnummer']);
  });
});
