/**
 * Quality bars of issue 4 on the labelled corpus: recall ≥ 0.99 on validated
 * identifiers and contact data, ≥ 0.99 of look-alike texts left untouched.
 * Prints recall and precision per type.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { defaultMasking } from '../helpers/default-masking.js';
import { createMasker } from '../../src/mask/masker.js';
import { lookalikes, positives } from './corpus/corpus.js';

const masker = createMasker(defaultMasking(), new Uint8Array(32).fill(1));

test('corpus: recall and precision per type, look-alikes kept', () => {
  const stats = new Map<string, { total: number; found: number; falsePositives: number }>();
  const stat = (type: string) => {
    let entry = stats.get(type);
    if (entry === undefined) stats.set(type, (entry = { total: 0, found: 0, falsePositives: 0 }));
    return entry;
  };
  const misses: string[] = [];
  for (const sample of positives()) {
    const start = sample.text.indexOf(sample.written);
    const end = start + sample.written.length;
    const entry = stat(sample.type);
    entry.total++;
    let hit = false;
    for (const finding of masker.findAll(sample.text)) {
      if (finding.type === sample.type && finding.start === start && finding.end === end) hit = true;
      else stat(finding.type).falsePositives++;
    }
    // Through the structured path too: the value must be gone from what the client would see.
    const masked = masker.maskValue(sample.text).value as string;
    if (hit && !masked.includes(sample.written)) entry.found++;
    else misses.push(`${sample.type}: ${sample.text}`);
  }
  const survivorsBroken: string[] = [];
  const texts = lookalikes();
  for (const text of texts) {
    const findings = masker.findAll(text);
    for (const finding of findings) stat(finding.type).falsePositives++;
    if (findings.length > 0) survivorsBroken.push(`${text}  ← ${findings.map((f) => `${f.type} "${text.slice(f.start, f.end)}"`).join(', ')}`);
  }

  let total = 0;
  let found = 0;
  const lines = ['type                 recall   precision  (n)'];
  for (const [type, entry] of [...stats].sort()) {
    total += entry.total;
    found += entry.found;
    const recall = entry.total === 0 ? 1 : entry.found / entry.total;
    const precision = entry.found + entry.falsePositives === 0 ? 1 : entry.found / (entry.found + entry.falsePositives);
    lines.push(`${type.padEnd(20)} ${recall.toFixed(3).padStart(6)}   ${precision.toFixed(3).padStart(9)}  (${entry.total})`);
  }
  const kept = (texts.length - survivorsBroken.length) / texts.length;
  lines.push(`overall recall ${(found / total).toFixed(4)} on ${total}; look-alikes kept ${kept.toFixed(4)} of ${texts.length}`);
  console.log(lines.join('\n'));
  if (misses.length > 0) console.log(`missed (first 10):\n  ${misses.slice(0, 10).join('\n  ')}`);
  if (survivorsBroken.length > 0) console.log(`look-alikes broken (first 10):\n  ${survivorsBroken.slice(0, 10).join('\n  ')}`);

  for (const [type, entry] of stats) {
    if (entry.total > 0) assert.ok(entry.found / entry.total >= 0.99, `recall of ${type} is ${entry.found}/${entry.total}, below 0.99`);
  }
  assert.ok(found / total >= 0.99, `overall recall ${found}/${total} below 0.99`);
  assert.ok(kept >= 0.99, `only ${kept} of look-alikes kept, below 0.99`);
});

test('corpus: a value printed with spaces is found, whole and as the same value, printed with no-break spaces', () => {
  // A word processor, or `&nbsp;` in HTML, keeps a number's groups together with U+00A0.
  const spaced = positives().filter(({ written }) => written.includes(' '));
  assert.ok(spaced.length > 300, `${spaced.length} spaced positives`);
  const missed: string[] = [];
  for (const { type, text, written } of spaced) {
    const unbroken = written.replaceAll(' ', '\u00a0');
    const unbrokenText = text.replace(written, unbroken);
    const found = masker.findAll(unbrokenText).filter((span) => span.type === type);
    // Masked in its text, not alone: some values count only after their label (`NIF 123 456 789`).
    if (found.length !== 1 || found[0]!.end - found[0]!.start !== unbroken.length || masker.maskText(unbrokenText).text !== masker.maskText(text).text) missed.push(`${type}: ${JSON.stringify(unbroken)}`);
  }
  assert.deepEqual(missed, []);
});
