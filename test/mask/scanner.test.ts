import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Detector, SpanList } from '../../src/mask/detector.js';
import { TextIndex } from '../../src/mask/lib/text-index.js';
import { createScanInput, scanText } from '../../src/mask/scanner.js';

/** A detector that reports fixed spans, in the order given (not necessarily sorted). */
function fixed(name: string, priority: number, spans: [number, number][]): Detector {
  return {
    name,
    label: name.toUpperCase(),
    priority,
    detect: (_input, found: SpanList): void => {
      for (const [start, end] of spans) found.add(start, end, `${name}${start}`);
    },
  };
}

function spans(text: string, detectors: Detector[]): string[] {
  return scanText(text, detectors).map((d) => `${d.detector.name}:${d.start}-${d.end}`);
}

describe('scanText', () => {
  const text = 'x'.repeat(100);

  it('returns detections in offset order, whatever order each detector reports them in', () => {
    assert.deepEqual(spans(text, [fixed('a', 10, [[50, 55], [10, 15]]), fixed('b', 10, [[30, 35], [0, 5]])]), ['b:0-5', 'a:10-15', 'b:30-35', 'a:50-55']);
  });

  it('resolves overlaps by priority, then length', () => {
    assert.deepEqual(spans(text, [fixed('low', 10, [[10, 30]]), fixed('high', 20, [[15, 20]])]), ['high:15-20']);
    assert.deepEqual(spans(text, [fixed('short', 10, [[10, 15]]), fixed('long', 10, [[12, 30]])]), ['long:12-30']);
  });

  it('lets a winner reach back over several earlier spans it beats', () => {
    assert.deepEqual(spans(text, [fixed('small', 10, [[10, 12], [14, 16], [18, 20]]), fixed('big', 50, [[11, 19]])]), ['big:11-19']);
  });

  it('on an exact tie (same span, same priority) keeps the detector listed first', () => {
    assert.deepEqual(spans(text, [fixed('first', 80, [[5, 14]]), fixed('second', 80, [[5, 14]])]), ['first:5-14']);
    assert.deepEqual(spans(text, [fixed('second', 80, [[5, 14]]), fixed('first', 80, [[5, 14]])]), ['second:5-14']);
  });
});

describe('TextIndex', () => {
  const runs = (text: string): number[] => [...new TextIndex().index(text).digitRuns];

  it('lists maximal runs of ASCII digits as start/end pairs', () => {
    assert.deepEqual(runs('a12 3-456x٣7'), [1, 3, 4, 5, 6, 9, 11, 12]);
    assert.deepEqual(runs(''), []);
    assert.deepEqual(runs('1234'), [0, 4]);
  });

  it('lists the starts of ASCII words of exactly 16 letters and digits', () => {
    const text = 'RSSMRA85T10A562S x ABCDEFGHIJKLMNOPQ ABCDEFGHIJKLMNO éABCDEFGHIJKLMNOP-0123456789abcdef';
    assert.deepEqual([...new TextIndex().index(text).asciiWords16], [0, 54, 71]);
  });

  it('lists the digit runs right after two letters that start a word (an IBAN\'s DE89)', () => {
    const index = new TextIndex().index('DE89 3704, xDE89, D1E89, de12, A1');
    assert.deepEqual([...index.runsAfterTwoLetters].map((r) => index.digitRuns[r]), [2, 27]);
  });

  it('lists the digit runs after a two-letter word and one space (a printed NINO\'s QQ 12)', () => {
    const index = new TextIndex().index('QQ 12 34, xQQ 12, Q1 23, QQ  12, QQ 1, qq 7');
    assert.deepEqual([...index.runsAfterTwoLetterWord].map((r) => index.digitRuns[r]), [3, 36, 42]);
  });

  it('reuses its buffers: a second text replaces the first', () => {
    const index = new TextIndex();
    index.index('12 34 56 RSSMRA85T10A562S');
    index.index('7');
    assert.deepEqual([...index.digitRuns], [0, 1]);
    assert.deepEqual([...index.asciiWords16], []);
  });

  it('is shared through the scan input, computed once', () => {
    const input = createScanInput('tel 030 1234567');
    assert.equal(input.digitRuns(), input.digitRuns());
    assert.deepEqual([...input.digitRuns()], [4, 7, 8, 15]);
  });
});
