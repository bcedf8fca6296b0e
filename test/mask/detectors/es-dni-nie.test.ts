import { describe } from 'node:test';
import { esDniNie } from '../../../src/mask/detectors/es-dni-nie.js';
import { checkDetector } from './cases.js';

describe('es_dni_nie', () => {
  checkDetector(esDniNie, {
    found: [
      ['DNI 12345678Z', '12345678Z', '12345678Z'],
      ['DNI: 12345678-Z.', '12345678-Z', '12345678Z'],
      ['NIE X1234567L', 'X1234567L', 'X1234567L'],
      ['NIE Y-1234567-X', 'Y-1234567-X', 'Y1234567X'],
    ],
    kept: ['12345678A', '12345678z', 'X1234567A', 'SKU-12345678Z', '12345678 Z', 'A12345678Z', '123456789Z'],
  });
});
