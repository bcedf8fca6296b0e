import type { Detector, ScanInput, SpanList } from '../detector.js';
import { isAsciiUpper, isWordCodeAt } from '../lib/chars.js';
import { textBefore } from '../lib/context.js';
import { isRealDate } from '../lib/date.js';

/** The check character: the nine digits of date and number, mod 31, in this alphabet. */
const CHECK = '0123456789ABCDEFHJKLMNPRSTUVWXY';

/** The century each separator between date and number stands for (0: none): `+` 1800, `-` and `U`–`Y` 1900, `A`–`F` 2000. */
const CENTURY_BY_CODE = new Uint16Array(128);
CENTURY_BY_CODE[43] = 1800;
for (const sign of '-UVWXY') CENTURY_BY_CODE[sign.charCodeAt(0)] = 1900;
for (const sign of 'ABCDEF') CENTURY_BY_CODE[sign.charCodeAt(0)] = 2000;

/**
 * The label of a Swedish personnummer or a Danish CPR number, ending right
 * before a value (`personnummer `, `Personnr: `, `CPR-nr. `): a code
 * written there is the Swedes' or the Danes', whose shape (YYMMDD-NNNC,
 * DDMMYY-SSSS) a Finnish code with a digit for its check has too.
 */
const NORDIC_LABEL = /(?:person ?n(?:umme)?r|pnr|samordningsnummer|(?<![a-z])cpr(?:-?n(?:umme)?r)?)[\s.:#-]*$/i;
const NORDIC_LABEL_CHARS = 24;

/**
 * Finnish personal identity code (henkilötunnus): `131052-308T`, DDMMYY, the
 * century's sign, a three-digit number and a check character. Its shape, a
 * real date and the mod-31 check together are rare enough by chance that it
 * is found without a label. Read from the shared digit runs of six digits
 * (see `RunsByLength`): the date, then the sign and the rest.
 */
export const fiHetu: Detector = {
  name: 'fi_hetu',
  label: 'FI_HETU',
  // Above the other national ids (80): a code whose check is a digit has a Swedish personnummer's
  // shape (YYMMDD-NNNC), and about 3% pass its Luhn check too, where about 0.5% of personnummers pass this one's.
  priority: 81,
  nationalId: true,
  detect(input: ScanInput, found: SpanList): void {
    const runs = input.digitRuns();
    const byLength = input.digitRunsByLength();
    const codes = input.codeUnits();
    const length = input.text.length;
    for (let k = byLength.start(6), after = byLength.start(7); k < after; k++) {
      const r = byLength.at(k);
      if (r + 3 >= runs.length) continue;
      const start = runs[r]!;
      const dateEnd = runs[r + 1]!;
      const sign = codes[dateEnd]!;
      const century = sign < 128 ? CENTURY_BY_CODE[sign]! : 0;
      // The number starts right after the sign: three digits, then the check (a letter or a fourth digit).
      if (century === 0 || runs[r + 2] !== dateEnd + 1) continue;
      const numberLength = runs[r + 3]! - (dateEnd + 1);
      if (numberLength !== 3 && numberLength !== 4) continue;
      const end = dateEnd + 5;
      if (isWordCodeAt(codes, start - 1, length) || isWordCodeAt(codes, end, length)) continue;
      const check = codes[end - 1]!;
      if (numberLength === 3 && !isAsciiUpper(check)) continue;
      if (!valid(codes, start, century, check)) continue;
      // Right after a Swedish or Danish id's label, a code whose check is a digit is that id (or, failing its check, none).
      if (numberLength === 4 && NORDIC_LABEL.test(textBefore(input, start, NORDIC_LABEL_CHARS))) continue;
      found.add(start, end);
    }
  },
  normalize(text: string, start: number, end: number): string {
    return text.slice(start, end);
  },
};

/** A real date in the sign's century, a number of 002–999 and the right check character. */
function valid(codes: Uint16Array, start: number, century: number, check: number): boolean {
  const digit = (k: number): number => codes[start + k]! - 48;
  const day = digit(0) * 10 + digit(1);
  const month = digit(2) * 10 + digit(3);
  const year = century + digit(4) * 10 + digit(5);
  const number = digit(7) * 100 + digit(8) * 10 + digit(9);
  if (number < 2 || !isRealDate(year, month, day)) return false;
  const value = (day * 10_000 + month * 100 + (year % 100)) * 1000 + number;
  return CHECK.charCodeAt(value % 31) === check;
}
