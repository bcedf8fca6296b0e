import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readTitledNames } from '../../src/mask/lib/titled-name-text.js';

/** The names `readTitledNames` reports in text[from, to). */
function names(text: string, from = 0, to = text.length): string[] {
  const seen: string[] = [];
  readTitledNames(text, from, to, (start, end) => seen.push(text.slice(start, end)));
  return seen;
}

describe('readTitledNames', () => {
  it('reads the name after a title: one to three capitalised words, with or without the title\'s dot', () => {
    assert.deepEqual(names('Dear Mr. Dupont, Frau Schmidt will call Dr. Anna-Lena Schmidt today; Mme Marie Curie Sklodowska Jr came, as did Prof O\'Neil.'), [
      'Dupont',
      'Schmidt',
      'Anna-Lena Schmidt',
      'Marie Curie Sklodowska',
      "O'Neil",
    ]);
    assert.deepEqual(names('Mr. 5, Dr. who, MrX Smith, Drs. Smith, ADr. Smith'), []);
  });

  it('reads the name after the last of titles one after another, a degree\'s abbreviations among them, and after a greeting and a title', () => {
    assert.deepEqual(names('Prof. Dr. Hans Weber called. Sehr geehrter Herr Dr. Weber, Liebe Frau Prof. Schmidt, Dear Dr. Anna Schmidt,'), ['Hans Weber', 'Weber', 'Schmidt', 'Anna Schmidt']);
    // A degree's abbreviations and hyphenated titles between them; German's `Herrn`, Italian's `Ing.`.
    assert.deepEqual(names('Frau Dr. med. Sabine Krüger, An Herrn Prof. Dr.-Ing. Klaus Neumann, Dr. rer. nat. Eva Lang, Ing. Marco Bianchi; Mr. and Mrs. Smith'), [
      'Sabine Krüger',
      'Klaus Neumann',
      'Eva Lang',
      'Marco Bianchi',
      'Smith',
    ]);
  });

  it("reads French's `M.` and Italian's `Sig.ra`, `Dott.ssa`, `Avv.` before a name; a degree's `M. Sc.` is none", () => {
    assert.deepEqual(names('M. Jean Dupont et M. Dupont. Sig.ra Maria Rossi, Gent.ma Dott.ssa Laura Bianchi, Avv. Marco Verdi, Dott. Luca Neri').sort(), [
      'Dupont',
      'Jean Dupont',
      'Laura Bianchi',
      'Luca Neri',
      'Marco Verdi',
      'Maria Rossi',
    ]);
    assert.deepEqual(names('M. Sc. Informatik, M. A. in History, M Large, Sig.x Rossi, Family Plan'), []);
    assert.deepEqual(names('Reservierung für Familie Schmidt; chez la Famille Dupont; la Famiglia Rossi'), ['Schmidt', 'Dupont', 'Rossi']);
  });

  it('reads the name a greeting opens, up to its comma; a greeting without a comma after the name is none', () => {
    assert.deepEqual(names('Hi Jean,\nHallo Anna Schmidt,\nDear Sir or Madam,\nHello World!\nHello, world.\nDear customer,'), ['Jean', 'Anna Schmidt']);
  });

  it('reads the line under a sign-off when it is only a name', () => {
    assert.deepEqual(names('Best regards,\nAnna Schmidt\n\nThanks,\nthe team\n\nMit freundlichen Grüßen,\r\nJean Dupont\r\nCheers,\nAnna Schmidt, Sales\n'), ['Anna Schmidt', 'Jean Dupont']);
    // Without its comma, as German and Dutch letters write it (not `Thanks`, `Best`, `Cheers`, which end lines of their own), and up to two blank lines above the name (not three).
    assert.deepEqual(names('Mit freundlichen Grüßen\n\nJean Dupont\nKind regards\r\nMaria Rossi\nBest regards,\n\n\n\nErik Larsson\n\nThanks\nAnna Schmidt\nBest\nPractice Guide\n'), ['Jean Dupont', 'Maria Rossi']);
  });

  it('reads the line under a signature\'s `-- ` when it is only a name', () => {
    assert.deepEqual(names('See you.\n-- \nAnna Schmidt\nSales Manager, Acme GmbH\n\n--\r\nJean Dupont\r\n\nx -- \nMaria Rossi\n---\nErik Larsson\n--\nthe team\n'), ['Anna Schmidt', 'Jean Dupont']);
  });

  it('reads the sender a reply\'s quote header names: before `wrote:`, after `schrieb` up to its colon or address', () => {
    const text = 'On Mon, Jan 1, 2024 at 10:00 AM Anna Schmidt wrote:\n> hi\nAm 01.01.2024 um 10:00 schrieb Jean Dupont:\nLe 1 janv. 2024, Maria Rossi a écrit :\nOp 1 jan. 2024 schreef Erik Larsson <e@example.se>:\nthe server wrote: ok\nschrieb er:\n';
    assert.deepEqual(names(text), ['Anna Schmidt', 'Jean Dupont', 'Maria Rossi', 'Erik Larsson']);
  });

  it('reads the speaker of a meeting\'s transcript: a WebVTT voice, and the name before the colon that starts a cue\'s text (WebVTT or SRT)', () => {
    const text = 'WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n<v Anna Schmidt>Hello everyone</v>\n\n2\n00:05.000 --> 00:07.000 align:start\nJean Dupont: Thanks\n\n3\n00:00:08,000 --> 00:00:09,000\nMaria Rossi: ok\n<!-- a -->\nServer: up\n<v Speaker 1>x\n';
    assert.deepEqual(names(text), ['Anna Schmidt', 'Jean Dupont', 'Maria Rossi']);
  });

  it('says where a sign-off or a signature\'s line at the end of [from, to) starts, having read the rest', () => {
    const text = 'Mr. Smith\nOn Monday, Jean Dupont wrote:\n-- \nAnna Schmidt\n';
    const seen: string[] = [];
    const cut = text.indexOf('Anna');
    assert.equal(readTitledNames(text, 0, cut, (start, end) => seen.push(text.slice(start, end))), text.indexOf('-- '));
    assert.deepEqual(seen, ['Smith', 'Jean Dupont']);
    // A cue's timing line whose text starts at `to`.
    const cue = '1\n00:00:01.000 --> 00:00:04.000\nAnna Schmidt: Hello\n';
    assert.equal(readTitledNames(cue, 0, cue.indexOf('Anna'), () => {}), cue.indexOf('00:00:01'));
  });

  it('reads only within [from, to)', () => {
    const text = 'Mr. Smith and Mrs. Jones';
    assert.deepEqual(names(text, 0, 9), ['Smith']);
    assert.deepEqual(names(text, 10, 12), []);
  });
});
