import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readSpeakers } from '../../src/mask/lib/speaker-text.js';

/** The speakers `readSpeakers` reports in text[from, to). */
function speakers(text: string, from = 0, to = text.length): string[] {
  const seen: string[] = [];
  readSpeakers(text, from, to, (start, end) => seen.push(text.slice(start, end)));
  return seen;
}

describe('readSpeakers', () => {
  it('reads a speaker after a time: in brackets, after a date and ` - ` (WhatsApp), or alone', () => {
    assert.deepEqual(speakers('[10:02] Anna Schmidt: hello\n[12/01/2024, 10:02:03] Jean Dupont: hi\r\n'), ['Anna Schmidt', 'Jean Dupont']);
    assert.deepEqual(speakers('12/01/2024, 10:02 - Maria Rossi: hello\n1/12/24, 9:05 PM - Erik Larsson: ok\n10:02 Daan de Vries: yes\n'), ['Maria Rossi', 'Erik Larsson', 'Daan de Vries']);
  });

  it('reads a speaker before a time in parentheses, in bold or not, and Otter\'s and Slack\'s name and time on a line', () => {
    assert.deepEqual(speakers('**Anna Schmidt** (00:01): Hello everyone\nJean Dupont (1:02:05): Hi\n'), ['Anna Schmidt', 'Jean Dupont']);
    assert.deepEqual(speakers('Anna Schmidt  0:01\nHello everyone\n\nJean Dupont  12:05\nHi\n'), ['Anna Schmidt', 'Jean Dupont']);
    // Slack's copied messages: a 12-hour time.
    assert.deepEqual(speakers('Anna Schmidt  10:02 AM\nHello everyone\nJean Dupont  1:15pm\nHi\nBuild Status  10:02 PMx\n'), ['Anna Schmidt', 'Jean Dupont']);
  });

  it('passes a log\'s source, a speaker without a time, and a time that is no speaker\'s', () => {
    const text = [
      '[12:00:01] Scheduler: started',
      '[10:02] main.go: listening',
      '10:02 build: ok',
      'Anna Schmidt: Hello everyone',
      'Action Items: none',
      'Total (12:00): 5',
      'Meeting starts at 10:00',
      'Uptime  12:05',
      '[10:02] Anna Schmidt joined',
    ].join('\n');
    assert.deepEqual(speakers(text), []);
  });

  it('reads only the lines that start in text[from, to)', () => {
    const text = '[1:00] Anna Schmidt: a\n[1:01] Jean Dupont: b\n[1:02] Maria Rossi: c\n';
    assert.deepEqual(speakers(text, text.indexOf('[1:01]'), text.indexOf('[1:02]')), ['Jean Dupont']);
  });
});
