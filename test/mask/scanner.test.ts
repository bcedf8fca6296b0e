import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { valueOf, type Detector, type SpanList } from '../../src/mask/detector.js';
import { TextIndex } from '../../src/mask/lib/text-index.js';
import { DETECTORS } from '../../src/mask/registry.js';
import { createScanInput, createScanner, scanText, type Scan, type Scanner } from '../../src/mask/scanner.js';
import { ADVERSARIAL } from '../bench/mask-bench.js';
import { collector, settledArrayBuffers } from '../helpers/memory.js';
import { lookalikes, positives } from './corpus/corpus.js';
import { int, pick, seeded } from './corpus/random.js';

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

describe('a long text, scanned a chunk at a time', () => {
  /**
   * Every detection of a scan, chunk by chunk, with its detector and value,
   * as one string; each span's code units as the chunk hands them over must
   * be the text's.
   */
  function listed(scan: Scanner, text: string): string {
    const out: string[] = [];
    scan(text, (chunk: Scan) => {
      for (let k = 0; k < chunk.count; k++) {
        const detector = DETECTORS[chunk.owners[k]!]!;
        const [start, end] = [chunk.starts[k]!, chunk.ends[k]!];
        out.push(`${detector.name}:${start}-${end}:${valueOf(detector, chunk.found[chunk.owners[k]!]!, chunk.positions[k]!, text)}`);
        assert.equal(String.fromCharCode(...chunk.codes.subarray(start - chunk.codesFrom, end - chunk.codesFrom)), text.slice(start, end));
      }
    });
    return out.join(' ');
  }

  /** How many detections a scan of `text` makes. */
  function counted(scan: Scanner, text: string): number {
    let count = 0;
    scan(text, (chunk) => (count += chunk.count));
    return count;
  }

  it('finds exactly what one scan of the whole text finds, wherever the chunks are cut', () => {
    const random = seeded(20261126);
    const snippets = [...positives().map((p) => p.text), ...lookalikes()];
    // Line breaks next to labels, separators and half-values: where a value or its context could be cut.
    const joiners = ['\n', '\r\n', ' ', ', ', '\nTel. ', '\nPESEL: ', '\nSSN ', ' version\n', '+\n', '(\n', '-\n', '.\n', '@\n', 'DE\n', 'QQ\n', '\n12 ', ' 12\n'];
    const whole = createScanner(DETECTORS, Infinity);
    const chunked = [1, 17, 300].map((size) => createScanner(DETECTORS, size));
    let detections = 0;
    for (let n = 0; n < 400; n++) {
      let text = '';
      for (let part = int(random, 1, 12); part > 0; part--) {
        let snippet = pick(random, snippets);
        const cut = int(random, 0, snippet.length);
        if (random() < 0.3) snippet = `${snippet.slice(0, cut)}${pick(random, ['\n', '\r\n', ' ', '-', '.'])}${snippet.slice(cut)}`;
        text += snippet + pick(random, joiners);
      }
      if (random() < 0.1) text = `${pick(random, Object.values(ADVERSARIAL))(int(random, 100, 600))}\n${text}`;
      const expected = listed(whole, text);
      detections += counted(whole, text);
      for (const scan of chunked) assert.equal(listed(scan, text), expected, JSON.stringify(text));
    }
    assert.ok(detections > 500, `the texts carry personal data (${detections} detections)`);
  });

  it('keeps its working buffers to the size of a chunk', async () => {
    const gc = collector();
    // 400k digit runs and no finding: only the scan's own buffers can grow.
    const text = '12 34 56 78\n'.repeat(100_000);
    const scan = createScanner(DETECTORS);
    counted(scan, 'warm up 12 34');
    const before = await settledArrayBuffers(gc);
    assert.equal(counted(scan, text), 0);
    const held = (await settledArrayBuffers(gc)) - before;
    // Scanned whole, the digit runs alone would hold 3.2 MB (4 MB once doubled).
    assert.ok(held < 1024 * 1024, `scanning ${text.length} characters holds ${(held / 1048576).toFixed(1)} MB of buffers`);
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

  it('ends the last word at the end of a text shorter than the one before', () => {
    const index = new TextIndex();
    index.index('abcdefghijklmno 1234567890123456');
    // The buffer still holds the first text past this one's end.
    index.index('x 12');
    assert.deepEqual([...index.digitRuns], [2, 4]);
    index.index('RSSMRA85T10A562');
    assert.deepEqual([...index.asciiWords16], []);
  });

  it('reads whole UTF-16 code units: no non-ASCII character counts as a digit or letter', () => {
    // U+0130 and U+0131 end in the byte of "0" and "1", U+FF11 is a full-width 1, U+D835 U+DFCF a mathematical 7.
    assert.deepEqual(runs('\u01301\u0131 \uff11\ud835\udfcf 4'), [1, 2, 8, 9]);
    assert.deepEqual([...new TextIndex().index('\u0130BCDEFGHIJKLMNOP ABCDEFGHIJKLMNOP').asciiWords16], [17]);
  });

  it('is shared through the scan input, computed once', () => {
    const input = createScanInput('tel 030 1234567');
    assert.equal(input.digitRuns(), input.digitRuns());
    assert.deepEqual([...input.digitRuns()], [4, 7, 8, 15]);
  });

  it('hands out the code units, then two 0s, before the index as after it', () => {
    const text = 'tel 030 ü';
    const expected = [...[...text].map((char) => char.charCodeAt(0)), 0, 0];
    const input = createScanInput(text);
    assert.deepEqual([...input.codeUnits()], expected);
    assert.deepEqual([...input.digitRuns()], [4, 7]);
    assert.deepEqual([...input.codeUnits()], expected);
  });
});
