import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LONG_STRING_BYTES, LongString, LongStrings, StreamedString } from '../../src/proxy/long-strings.js';

/** Text of about `chars` characters in lines of mixed scripts, quotes, backslashes and an emoji. */
function tricky(chars: number): string {
  const line = 'Grüße "Anna" \\ C:\\new 日本 🎉 tab\there\u0001 end';
  let text = '';
  for (let n = 0; text.length < chars; n++) text += `${n}: ${line}\n`;
  return text;
}

function lineOf(value: unknown): { line: Buffer; ascii: boolean } {
  const line = Buffer.from(JSON.stringify(value), 'utf8');
  return { line, ascii: !/[^\x00-\x7f]/.test(line.toString('latin1')) };
}

/** The line that `parts` make, making what streamed strings are among them. */
function bytesOf(parts: ReadonlyArray<Buffer | StreamedString>): Buffer {
  return Buffer.concat(parts.map((part) => (part instanceof StreamedString ? Buffer.concat(part.drain().parts) : part)));
}

function split(value: unknown): LongStrings {
  const { line, ascii } = lineOf(value);
  const strings = LongStrings.split(line, ascii);
  assert.ok(strings, 'the line has long strings');
  return strings;
}

describe('LongStrings', () => {
  const text = tricky(200_000);
  const image = 'iVBORw0KGgo'.repeat(10_000);
  const message = {
    result: { content: [{ type: 'text', text }, { type: 'image', data: image, mimeType: 'image/png' }, { type: 'text', text: 'short' }], _meta: { note: 'x' } },
    jsonrpc: '2.0',
    id: 7,
  };

  it('parses a line without its long strings: placeholders where they were, the rest as it was', () => {
    const strings = split(message);
    assert.ok(strings.skeleton.length < 1000, `skeleton of ${strings.skeleton.length} chars`);
    const value = JSON.parse(strings.skeleton) as typeof message;
    assert.equal(value.id, 7);
    assert.equal(value.result.content[2]?.text, 'short');
    assert.equal(strings.get(value.result.content[0]?.text)?.text(), text);
    assert.equal(strings.get(value.result.content[1]?.data)?.text(), image);
    assert.equal(strings.get('short'), undefined);
    assert.deepEqual(strings.resolve(value), message);
  });

  it('serialises back to the bytes the whole message would have, with a masked string in place', () => {
    const strings = split(message);
    const value = JSON.parse(strings.skeleton) as typeof message;
    assert.equal(bytesOf(strings.serialize(value)).toString('utf8'), JSON.stringify(message));

    const upper = (): StreamedString => new StreamedString([...strings.get(value.result.content[0]?.text)!.pieces()].map((piece) => piece.toUpperCase()));
    const withText = (text: string): typeof value => ({ ...value, result: { ...value.result, content: [{ type: 'text', text }, ...value.result.content.slice(1)] } });
    const expected = JSON.stringify({ ...message, result: { ...message.result, content: [{ type: 'text', text: text.toUpperCase() }, ...message.result.content.slice(1)] } });
    // Made at once, or as it is written.
    assert.equal(bytesOf(strings.serialize(withText(strings.add(upper().drain())))).toString('utf8'), expected);
    const streamed = upper();
    const placeholder = strings.add(streamed);
    const parts = strings.serialize(withText(placeholder));
    assert.equal(parts.filter((part) => part === streamed).length, 1, 'the streamed string stands as itself until made');
    assert.equal(strings.get(placeholder), undefined, 'a streamed string is no long string before it was made');
    assert.equal(bytesOf(parts).toString('utf8'), expected);
    assert.equal(strings.get(placeholder)?.text(), text.toUpperCase());
    // Once made, it serialises as bytes.
    assert.ok(strings.serialize(withText(placeholder)).every((part) => Buffer.isBuffer(part)));
  });

  it('makes a streamed string a piece at a time, as it is asked for', () => {
    let taken = 0;
    function* pieces(): Generator<string> {
      for (const piece of ['a "quoted"\n', 'ü\u0001', '']) {
        taken++;
        yield piece;
      }
    }
    const streamed = new StreamedString(pieces());
    assert.equal(streamed.next()?.toString(), '"a \\"quoted\\"\\n');
    assert.equal(taken, 1);
    assert.equal(streamed.madeBytes(), undefined);
    const rest: Buffer[] = [];
    for (let bytes = streamed.next(); bytes !== undefined; bytes = streamed.next()) rest.push(bytes);
    assert.equal(Buffer.concat(rest).toString(), 'ü\\u0001"');
    assert.equal(taken, 3);
    assert.equal(streamed.madeBytes(), Buffer.byteLength('"a \\"quoted\\"\\nü\\u0001"'));
    // Sent a piece at a time, it is not kept: it cannot be read again.
    assert.equal(streamed.made(), undefined);
    assert.throws(() => streamed.drain(), /drained after some of it was sent/);
    assert.equal(new StreamedString(pieces()).drain().text(), 'a "quoted"\nü\u0001');
    assert.equal(new StreamedString([]).drain().text(), '');
    // A piece given as bytes is taken as written in a literal, already escaped.
    assert.equal(Buffer.concat(new StreamedString([Buffer.from('a\\u00e9\\/'), 'b"']).drain().parts).toString(), '"a\\u00e9\\/b\\""');
  });

  it('writes the line as it came with streamed strings in place of its long literals', () => {
    const line = Buffer.from(`{"id": 1, "result": {"a": ${JSON.stringify(text)}, "b": ${JSON.stringify(image)}}}`);
    const strings = LongStrings.split(line, false) as LongStrings;
    assert.equal(strings.asSent(), undefined, 'nothing substituted: the line goes out as it came');
    const value = JSON.parse(strings.skeleton) as { result: { a: string; b: string } };
    strings.substitute(value.result.b, new StreamedString(['IMAGE']));
    const sent = strings.asSent() as Array<Buffer | StreamedString>;
    assert.equal(bytesOf(sent).toString('utf8'), `{"id": 1, "result": {"a": ${JSON.stringify(text)}, "b": "IMAGE"}}`);
    // Once made, the substitute is what the placeholder stands for.
    assert.equal(strings.get(value.result.b)?.text(), 'IMAGE');
    assert.throws(() => strings.substitute('not a placeholder', new StreamedString([])), /only a long string of the line/);
  });

  it('leaves lines without long strings, and long object keys, to the whole parse', () => {
    assert.equal(LongStrings.split(Buffer.from(JSON.stringify({ result: { text: 'x'.repeat(LONG_STRING_BYTES - 10) }, id: 1 })), true), undefined);
    assert.equal(LongStrings.split(Buffer.from(JSON.stringify({ result: { ['k'.repeat(LONG_STRING_BYTES)]: 1 }, id: 1 })), true), undefined);
    assert.ok(LongStrings.split(Buffer.from(JSON.stringify({ result: { text: 'x'.repeat(LONG_STRING_BYTES) }, id: 1 })), true));
  });

  it('finds the end of a literal past escaped quotes and runs of backslashes', () => {
    const awkward = `${'\\"'.repeat(20_000)}\\\\${'"\\'.repeat(20_000)}`;
    const strings = split({ result: { a: awkward, b: 'after' }, id: 1 });
    const value = JSON.parse(strings.skeleton) as { result: { a: string; b: string } };
    assert.equal(value.result.b, 'after');
    assert.equal(strings.get(value.result.a)?.text(), awkward);
  });

  it('tells a long string that is no valid JSON string, as the whole parse would', () => {
    const valid = split(message);
    assert.equal(valid.valid(), true);
    for (const bad of ['\u0001', '\\x', '\\u12G4', '\t']) {
      const line = Buffer.from(`{"result":{"text":"${'a'.repeat(LONG_STRING_BYTES)}${bad}b"},"jsonrpc":"2.0","id":1}`, 'latin1');
      assert.throws(() => JSON.parse(line.toString('latin1')));
      const strings = LongStrings.split(line, true);
      assert.equal(strings?.valid(), false, JSON.stringify(bad));
    }
  });

  it('does not take a forged placeholder, one of another message, or the prefix inside a longer string, for a placeholder', () => {
    const strings = split(message);
    const value = JSON.parse(strings.skeleton) as typeof message;
    const placeholder = value.result.content[0]!.text as string;
    const forged = placeholder.replace(/:0$/, ':99');
    assert.notEqual(forged, placeholder);
    assert.equal(strings.get(forged), undefined);
    // Nor one made for another message.
    assert.equal(split(message).get(placeholder), undefined);
    const inside = `before ${placeholder}`;
    const out = bytesOf(strings.serialize({ a: forged, b: inside, c: `${placeholder} after` })).toString('utf8');
    assert.deepEqual(JSON.parse(out), { a: forged, b: inside, c: `${placeholder} after` });
  });
});

describe('LongString', () => {
  it('decodes in pieces that end after a line break, split nowhere inside an escape, a character or a pair', () => {
    const text = tricky(300_000);
    const long = new LongString([Buffer.from(JSON.stringify(text), 'utf8')], false, true);
    const pieces = [...long.pieces(4096)];
    assert.ok(pieces.length > 20);
    assert.equal(pieces.join(''), text);
    for (const piece of pieces.slice(0, -1)) {
      assert.ok(piece.endsWith('\n'), JSON.stringify(piece.slice(-20)));
      assert.ok(piece.length >= 4096 / 6, `piece of ${piece.length}`);
    }
  });

  it('does not cut at a backslash followed by n that is no line break', () => {
    const text = `${'a\\n'.repeat(50_000)}\nend`;
    const pieces = [...new LongString([Buffer.from(JSON.stringify(text))], true, true).pieces(1024)];
    assert.deepEqual(pieces.slice(1), ['end']);
    assert.equal(pieces.join(''), text);
  });

  it('says whether a text may hold a JSON document', () => {
    const may = (text: string): boolean => new LongString([Buffer.from(JSON.stringify(text))], true, true).mayBeJson();
    assert.equal(may('{"a":1}'), true);
    assert.equal(may('\n  \t\r [1]'), true);
    assert.equal(may('\u0020{"a":1}'), true);
    assert.equal(may(String.raw`\u0020` + '{'), false);
    assert.equal(may('  plain text {"a":1}'), false);
    assert.equal(may(''), false);
    // An escape that decodes to white space counts as "maybe": the whole text is then read.
    assert.equal(new LongString([Buffer.from('"\\u0020{}"')], true, true).mayBeJson(), true);
  });
});

describe('the check of long literals', () => {
  /** Whether JSON.parse takes the line whole, and whether it is taken without its long literals decoded: split, its skeleton parsed, its long literals found valid (as the session does). */
  function verdicts(line: Buffer): { parses: boolean; valid: boolean } {
    const parses = (json: string): boolean => {
      try {
        JSON.parse(json);
        return true;
      } catch {
        return false;
      }
    };
    const strings = LongStrings.split(line, !/[^\x00-\x7f]/.test(line.toString('latin1')));
    return { parses: parses(line.toString('utf8')), valid: strings !== undefined && parses(strings.skeleton) && strings.valid() };
  }

  /** A response whose text is `text`, written as is into the JSON (escapes and all): long enough to be kept as bytes. */
  function lineWith(text: string): Buffer {
    return Buffer.from(`{"result":{"content":[{"type":"text","text":"${text}"}]},"jsonrpc":"2.0","id":1}`, 'utf8');
  }

  const padding = 'a'.repeat(LONG_STRING_BYTES);

  it('agrees with JSON.parse on every escape and control character, at every alignment and near both quotes', () => {
    const bodies: string[] = ['', 'a', 'ab\\\\', '\\\\\\\\', 'é', '日本🎉', '\\u00e9', '\\uD83D\\uDE00', '\\u12', '\\u12G4', '\\uABCDx', '\\', '\\\\\\'];
    for (let byte = 0; byte < 0x80; byte++) {
      if (byte === 0x22) continue;
      bodies.push(String.fromCharCode(byte), `\\${String.fromCharCode(byte)}`);
    }
    let checked = 0;
    let refused = 0;
    for (const body of bodies) {
      for (const pad of ['', 'x', 'xy', 'xyz']) {
        for (const text of [`${padding}${pad}${body}`, `${body}${pad}${padding}`]) {
          const line = lineWith(text);
          const { parses, valid } = verdicts(line);
          assert.equal(valid, parses, JSON.stringify(`${body}`));
          if (!parses) refused++;
          // The same line at each offset of a backing store: the word reads start at every alignment.
          const store = Buffer.alloc(line.length + 3);
          for (let offset = 1; offset < 4; offset++) {
            line.copy(store, offset);
            assert.equal(verdicts(store.subarray(offset, offset + line.length)).valid, parses, `${JSON.stringify(body)} at offset ${offset}`);
          }
          checked++;
        }
      }
    }
    assert.ok(checked > 2000 && refused > 500, `${checked} lines, ${refused} refused`);
  });

  it('agrees with JSON.parse on random texts of escapes, controls and characters', () => {
    const fine = ['a', 'é', '日', '🎉', ' ', '/', '\\n', '\\"', '\\u0041', '\\\\', 'abcd'];
    const odd = ['\\', '\\uZZ00', '\\q', '\u0001', '\u001f', '\t', '\\u00'];
    let seed = 42;
    const random = (n: number): number => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return (seed >>> 8) % n;
    };
    const outcomes = { valid: 0, invalid: 0 };
    for (let round = 0; round < 3000; round++) {
      const tokens: string[] = [];
      for (let k = random(30); k > 0; k--) tokens.push(fine[random(fine.length)]!);
      if (random(2) === 0) tokens.splice(random(tokens.length + 1), 0, odd[random(odd.length)]!);
      const { parses, valid } = verdicts(lineWith(`${padding}${tokens.join('')}`));
      outcomes[parses ? 'valid' : 'invalid']++;
      assert.equal(valid, parses, JSON.stringify(tokens));
    }
    assert.ok(outcomes.valid > 500 && outcomes.invalid > 500, JSON.stringify(outcomes));
  });
});
