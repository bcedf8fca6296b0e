/**
 * Table-driven checks shared by the per-detector tests: each detector must
 * find its valid values (exact span and normal form), with separators and
 * inside JSON strings, and leave invalid ones and ones glued into words.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { SpanList, valueOf, type Detector } from '../../../src/mask/detector.js';
import { createScanInput } from '../../../src/mask/scanner.js';

export function scan(detector: Detector, text: string, hint?: string): { written: string; value: string }[] {
  const found = new SpanList();
  detector.detect(createScanInput(text, hint), found);
  const out: { written: string; value: string }[] = [];
  for (let k = 0; k < found.length; k++) out.push({ written: text.slice(found.starts[k]!, found.ends[k]!), value: valueOf(detector, found, k, text) });
  return out;
}

export interface Cases {
  /** [text, the span that must be found, its normal form]. */
  found: [string, string, string][];
  /** Texts where nothing may be found: failed checksums, look-alikes, glued into words. */
  kept: string[];
  /** [text, JSON key hint, span] found only thanks to the key. */
  byKey?: [string, string, string][];
}

export function checkDetector(detector: Detector, cases: Cases): void {
  it('finds valid values with their exact span and normal form', () => {
    for (const [text, written, value] of cases.found) {
      assert.deepEqual(scan(detector, text), [{ written, value }], `in ${JSON.stringify(text)}`);
    }
  });
  it('finds them inside JSON strings', () => {
    for (const [text, written, value] of cases.found) {
      const json = JSON.stringify({ note: text, other: 1 });
      assert.deepEqual(scan(detector, json), [{ written, value }], `in ${json}`);
    }
  });
  it('keeps failed checksums, look-alikes and values glued into words', () => {
    for (const text of cases.kept) assert.deepEqual(scan(detector, text), [], `in ${JSON.stringify(text)}`);
  });
  if (cases.byKey) {
    it('finds bare values when the JSON key names them', () => {
      for (const [text, hint, written] of cases.byKey!) {
        assert.deepEqual(scan(detector, text).map((f) => f.written), [], `without key: ${text}`);
        assert.deepEqual(scan(detector, text, hint).map((f) => f.written), [written], `with key ${hint}: ${text}`);
      }
    });
  }
}
