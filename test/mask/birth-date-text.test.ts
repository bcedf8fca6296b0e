import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readBirthDates } from '../../src/mask/lib/birth-date-text.js';

/** The dates `readBirthDates` reports in text[from, to). */
function dates(text: string, from = 0, to = text.length): string[] {
  const seen: string[] = [];
  readBirthDates(text, from, to, (start, end) => seen.push(text.slice(start, end)));
  return seen;
}

describe('readBirthDates', () => {
  it('reads the date after a label of a date of birth, in English and the EU\'s larger languages, in digits or with the month a word', () => {
    const text =
      'DOB 02/01/1980; d.o.b. 1/2/80, Date of Birth - 1980-01-02 born on January 2, 1980 in Berlin\n' +
      'geb. 2. Januar 1980, Geburtsdatum 02.01.1980, date de naissance : 02/01/1980, fecha de nacimiento 02-01-1980\n' +
      'nata il 2 gennaio 1980, geboortedatum 02-01-1980, data urodzenia 02.01.1980, född 1980-01-02 (BIRTHDATE 1980/01/02)\n' +
      'Né le : 15/03/1975 à Lyon, née le 2 mars 1980, Né(e) le 01/02/1980';
    assert.deepEqual(dates(text), [
      '02/01/1980', '1/2/80', '1980-01-02', 'January 2, 1980', '2. Januar 1980', '02.01.1980', '02/01/1980', '02-01-1980', '2 gennaio 1980', '02-01-1980', '02.01.1980', '1980-01-02', '1980/01/02',
      '15/03/1975', '2 mars 1980', '01/02/1980',
    ]);
  });

  it('reads the place of birth inside an Italian or Spanish label, Spanish and Portuguese long dates, and Portuguese labels', () => {
    const text = 'nata a Roma il 05/06/1975, nato a Reggio Emilia il 5 giugno 1975\nnacida en Sevilla el 5 de junio de 1975, nacido el 7 de mayo de 1980\nnasceu em 5 de junho de 1975, data de nascimento: 07/05/1980, nascido em 1980-05-07';
    assert.deepEqual(dates(text), ['05/06/1975', '5 giugno 1975', '5 de junio de 1975', '7 de mayo de 1980', '5 de junho de 1975', '07/05/1980', '1980-05-07']);
    // A place longer than a town's name is a sentence, not a label.
    assert.deepEqual(dates('nato a seguito di una lunga trattativa con il fornitore il 05/06/1975'), []);
  });

  it('reads no date without a label right before it, no timestamp, no label inside a word, and nothing past `to`', () => {
    for (const text of ['ordered 02.01.1980', 'born 2024-03-01T10:10:00Z', 'NATO 12.03.2020', 'Gebäude 12.03.2020', 'dob x 02.01.1980', 'dob      02.01.1980', 'born 1980', 'unborn 02.01.1980', 'born 02.01.19801']) {
      assert.deepEqual(dates(text), [], text);
    }
    assert.deepEqual(dates('DOB 02.01.1980', 0, 10), []);
    assert.deepEqual(dates('x\nDOB 02.01.1980\nDOB 03.01.1980', 2, 16), ['02.01.1980']);
  });
});
