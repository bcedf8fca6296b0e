/**
 * Generators of valid identifiers, written from the standards independently
 * of `src/mask` (a shared bug would otherwise hide itself), and of the same
 * identifiers with one digit changed (must fail the checksum).
 */
import { getExampleNumber, parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { CountryCode } from 'libphonenumber-js/max';
import examples from 'libphonenumber-js/mobile/examples';
import { digits, int, pick, type Random } from './random.js';

export function luhnDigit(body: string): string {
  let sum = 0;
  for (let k = 0; k < body.length; k++) {
    let d = Number(body[body.length - 1 - k]);
    if (k % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return String((10 - (sum % 10)) % 10);
}

function mod97(numeric: string): number {
  let r = 0;
  for (const ch of numeric) r = (r * 10 + Number(ch)) % 97;
  return r;
}

function ibanNumeric(text: string): string {
  return [...text].map((ch) => (/[A-Z]/.test(ch) ? String(ch.charCodeAt(0) - 55) : ch)).join('');
}

/** country → BBAN shape: n = digits, c = upper-case alnum. */
const BBAN: Record<string, string> = {
  DE: 'nnnnnnnnnnnnnnnnnn', FR: 'nnnnnnnnnncccccccccccnn', GB: 'ccccnnnnnnnnnnnnnn', ES: 'nnnnnnnnnnnnnnnnnnnn',
  IT: 'cnnnnnnnnnncccccccccccc', NL: 'ccccnnnnnnnnnn', BE: 'nnnnnnnnnnnn', AT: 'nnnnnnnnnnnnnnnn', PL: 'nnnnnnnnnnnnnnnnnnnnnnnn',
  SE: 'nnnnnnnnnnnnnnnnnnnn', CH: 'nnnnnccccccccccccc'.slice(0, 17), IE: 'ccccnnnnnnnnnnnnnn', PT: 'nnnnnnnnnnnnnnnnnnnnn',
  NO: 'nnnnnnnnnnn', DK: 'nnnnnnnnnnnnnn', LU: 'nnnccccccccccccc',
};

export function iban(random: Random, country = pick(random, Object.keys(BBAN))): string {
  const shape = BBAN[country]!;
  const alnum = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
  const bban = [...shape].map((kind) => (kind === 'n' ? String(int(random, 0, 9)) : alnum[int(random, 0, 35)]!)).join('');
  const check = String(98 - mod97(ibanNumeric(`${bban}${country}00`))).padStart(2, '0');
  return `${country}${check}${bban}`;
}

/** Printed form: groups of four. */
export function grouped(value: string, size = 4, separator = ' '): string {
  return value.match(new RegExp(`.{1,${size}}`, 'g'))!.join(separator);
}

const CARD_PREFIXES: [string, number][] = [['4', 16], ['4', 19], ['51', 16], ['55', 16], ['2221', 16], ['2720', 16], ['34', 15], ['37', 15], ['6011', 16], ['65', 16], ['3530', 16], ['36', 14], ['62', 16]];

export function card(random: Random): string {
  const [prefix, length] = pick(random, CARD_PREFIXES);
  const body = prefix + digits(random, length - prefix.length - 1);
  return body + luhnDigit(body);
}

export function cardFormatted(random: Random, number: string): string {
  if (number.length === 15) return `${number.slice(0, 4)} ${number.slice(4, 10)} ${number.slice(10)}`;
  if (number.length === 16) return grouped(number, 4, pick(random, [' ', '-']));
  return number;
}

export function steuerId(random: Random): string {
  for (;;) {
    const pool = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9].sort(() => random() - 0.5);
    // nine distinct digits, one of them twice
    const chosen = pool.slice(0, 9);
    const twice = chosen[int(random, 0, 8)]!;
    const ten = [...chosen, twice].sort(() => random() - 0.5);
    if (ten[0] === 0) continue;
    let product = 10;
    for (const d of ten) {
      let sum = (d + product) % 10;
      if (sum === 0) sum = 10;
      product = (sum * 2) % 11;
    }
    const check = (11 - product) % 10;
    return ten.join('') + String(check);
  }
}

export function nir(random: Random): string {
  const sex = String(int(random, 1, 2));
  const yy = String(int(random, 0, 99)).padStart(2, '0');
  const mm = String(int(random, 1, 12)).padStart(2, '0');
  const dept = pick(random, ['75', '13', '69', '2A', '2B', '33', '59', '06']);
  const commune = String(int(random, 1, 999)).padStart(3, '0');
  const order = String(int(random, 1, 999)).padStart(3, '0');
  const numericDept = dept === '2A' ? '19' : dept === '2B' ? '18' : dept;
  const key = String(97 - mod97(`${sex}${yy}${mm}${numericDept}${commune}${order}`)).padStart(2, '0');
  return `${sex}${yy}${mm}${dept}${commune}${order}${key}`;
}

export function nirPrinted(value: string): string {
  return `${value.slice(0, 1)} ${value.slice(1, 3)} ${value.slice(3, 5)} ${value.slice(5, 7)} ${value.slice(7, 10)} ${value.slice(10, 13)} ${value.slice(13)}`;
}

const DNI_LETTERS = 'TRWAGMYFPDXBNJZSQVHLCKE';

export function dni(random: Random): string {
  const number = digits(random, 8);
  return number + DNI_LETTERS[Number(number) % 23]!;
}

export function nie(random: Random): string {
  const prefix = int(random, 0, 2);
  const number = digits(random, 7);
  return 'XYZ'[prefix]! + number + DNI_LETTERS[Number(`${prefix}${number}`) % 23]!;
}

const CF_ODD: Record<string, number> = {
  0: 1, 1: 0, 2: 5, 3: 7, 4: 9, 5: 13, 6: 15, 7: 17, 8: 19, 9: 21, A: 1, B: 0, C: 5, D: 7, E: 9, F: 13, G: 15, H: 17, I: 19,
  J: 21, K: 2, L: 4, M: 18, N: 20, O: 11, P: 3, Q: 6, R: 8, S: 12, T: 14, U: 16, V: 10, W: 22, X: 25, Y: 24, Z: 23,
};

export function codiceFiscale(random: Random): string {
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  const consonants = 'BCDFGHLMNPRSTVZ';
  let body = '';
  for (let k = 0; k < 6; k++) body += consonants[int(random, 0, consonants.length - 1)]!;
  body += String(int(random, 40, 99));
  body += 'ABCDEHLMPRST'[int(random, 0, 11)]!;
  const day = int(random, 1, 28) + (random() < 0.5 ? 40 : 0);
  body += String(day).padStart(2, '0');
  body += letters[int(random, 0, 25)]! + String(int(random, 100, 999));
  let sum = 0;
  for (let k = 0; k < 15; k++) {
    const ch = body[k]!;
    sum += k % 2 === 0 ? CF_ODD[ch]! : /\d/.test(ch) ? Number(ch) : ch.charCodeAt(0) - 65;
  }
  return body + letters[sum % 26]!;
}

export function bsn(random: Random): string {
  for (;;) {
    const eight = digits(random, 8);
    let sum = 0;
    for (let k = 0; k < 8; k++) sum += (9 - k) * Number(eight[k]);
    const last = sum % 11;
    if (last < 10 && sum !== 0) return eight + String(last);
  }
}

export function pesel(random: Random): string {
  const year = int(random, 1930, 2020);
  const month = int(random, 1, 12) + (year >= 2000 ? 20 : 0);
  const day = int(random, 1, 28);
  const body = `${String(year % 100).padStart(2, '0')}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}${digits(random, 4)}`;
  const weights = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3];
  let sum = 0;
  for (let k = 0; k < 10; k++) sum += weights[k]! * Number(body[k]);
  return body + String((10 - (sum % 10)) % 10);
}

/** Personnummer as written: YYMMDD-NNNC, or YYYYMMDD-NNNC when `long`. */
export function personnummer(random: Random, long: boolean): string {
  const year = int(random, 1930, 2015);
  const date = `${String(year % 100).padStart(2, '0')}${String(int(random, 1, 12)).padStart(2, '0')}${String(int(random, 1, 28)).padStart(2, '0')}`;
  const serial = digits(random, 3);
  const check = luhnDigit(date + serial);
  return `${long ? String(Math.floor(year / 100)) : ''}${date}-${serial}${check}`;
}

/** Belgian national register number, 11 digits; `printed` as the eID prints it: `85.07.30-033.28`. */
export function beNationalNumber(random: Random, printed: boolean): string {
  const year = int(random, 1930, 2020);
  const body = `${String(year % 100).padStart(2, '0')}${String(int(random, 1, 12)).padStart(2, '0')}${String(int(random, 1, 28)).padStart(2, '0')}${digits(random, 3)}`;
  const base = (year >= 2000 ? 2_000_000_000 : 0) + Number(body);
  const number = body + String(97 - (base % 97)).padStart(2, '0');
  return printed ? `${number.slice(0, 2)}.${number.slice(2, 4)}.${number.slice(4, 6)}-${number.slice(6, 9)}.${number.slice(9)}` : number;
}

/** Finnish personal identity code: DDMMYY, the century's sign, 3 digits, the check character. */
export function hetu(random: Random): string {
  const year = int(random, 1930, 2020);
  const date = `${String(int(random, 1, 28)).padStart(2, '0')}${String(int(random, 1, 12)).padStart(2, '0')}${String(year % 100).padStart(2, '0')}`;
  const number = String(int(random, 2, 899)).padStart(3, '0');
  const check = '0123456789ABCDEFHJKLMNPRSTUVWXY'[Number(date + number) % 31];
  return `${date}${year >= 2000 ? 'A' : '-'}${number}${check}`;
}

/** Czech or Slovak birth number, YYMMDD/NNNN (a woman's month plus 50), divisible by 11. */
export function czSkBirthNumber(random: Random): string {
  for (;;) {
    const year = int(random, 1954, 2020);
    const month = int(random, 1, 12) + (random() < 0.5 ? 50 : 0);
    const date = `${String(year % 100).padStart(2, '0')}${String(month).padStart(2, '0')}${String(int(random, 1, 28)).padStart(2, '0')}`;
    const serial = digits(random, 3);
    const last = Number(date + serial) * 10 % 11 === 0 ? 0 : 11 - ((Number(date + serial) * 10) % 11);
    if (last < 10) return `${date}/${serial}${last}`;
  }
}

/** Portuguese NIF of a natural person (ranges 1–3, and 45 for non-residents): weights 9 to 2, 11 minus the sum mod 11, 10 and 11 written 0. */
export function ptNif(random: Random): string {
  const prefix = pick(random, ['1', '2', '3', '45']);
  const body = prefix + digits(random, 8 - prefix.length);
  return body + String(nifCheckDigit(body));
}

/** The NIF's check digit of its first eight digits. */
export function nifCheckDigit(body: string): number {
  let sum = 0;
  for (let k = 0; k < 8; k++) sum += (9 - k) * Number(body[k]);
  return ((11 - (sum % 11)) % 11) % 10;
}

/** ISO 7064 MOD 11,10 over a string of digits: 1 when the last digit checks the ones before it. */
function mod11_10Checksum(number: string): number {
  let check = 5;
  for (const digit of number) check = ((((check || 10) * 2) % 11) + Number(digit)) % 10;
  return check;
}

/** Croatian OIB: ten random digits and the ISO 7064 MOD 11,10 check digit, which makes the checksum 1. */
export function oib(random: Random): string {
  const body = digits(random, 10);
  return body + String((1 - (((mod11_10Checksum(body) || 10) * 2) % 11) + 10) % 10);
}

/** Bulgarian EGN: YYMMDD (the month plus 40 for the 2000s), three digits, the weighted sum mod 11 (10 written 0). */
export function egn(random: Random): string {
  const year = int(random, 1930, 2020);
  const month = int(random, 1, 12) + (year >= 2000 ? 40 : 0);
  const body = `${String(year % 100).padStart(2, '0')}${String(month).padStart(2, '0')}${String(int(random, 1, 28)).padStart(2, '0')}${digits(random, 3)}`;
  return body + String(egnCheckDigit(body));
}

/** The EGN's check digit of its first nine digits. */
export function egnCheckDigit(body: string): number {
  const weights = [2, 4, 8, 5, 10, 9, 7, 3, 6];
  let sum = 0;
  for (let k = 0; k < 9; k++) sum += weights[k]! * Number(body[k]);
  return (sum % 11) % 10;
}

/** Austrian social insurance number: serial, check, DDMMYY; `printed` as the e-card prints it: `1237 010180`. */
export function atSvnr(random: Random, printed: boolean): string {
  const weights = [3, 7, 9, 5, 8, 4, 2, 1, 6];
  for (;;) {
    const serial = String(int(random, 100, 999));
    const date = `${String(int(random, 1, 28)).padStart(2, '0')}${String(int(random, 1, 12)).padStart(2, '0')}${String(int(random, 1930, 2020) % 100).padStart(2, '0')}`;
    const body = serial + date;
    let sum = 0;
    for (let k = 0; k < 9; k++) sum += weights[k]! * Number(body[k]);
    // A remainder of 10 is never issued.
    const check = sum % 11;
    if (check < 10) return `${serial}${check}${printed ? ' ' : ''}${date}`;
  }
}

/** German pension insurance number: area, DDMMYY, initial, serial, check; `printed` as the card prints it: `65 170839 J 003`. */
export function deSvnr(random: Random, printed: boolean): string {
  const area = pick(random, ['02', '09', '10', '13', '14', '17', '24', '25', '28', '38', '39', '42', '53', '65', '80', '82', '89']);
  const date = `${String(int(random, 1, 28)).padStart(2, '0')}${String(int(random, 1, 12)).padStart(2, '0')}${String(int(random, 1930, 2020) % 100).padStart(2, '0')}`;
  const letter = int(random, 1, 26);
  const serial = String(int(random, 0, 99)).padStart(2, '0');
  const numeric = `${area}${date}${String(letter).padStart(2, '0')}${serial}`;
  const weights = [2, 1, 2, 5, 7, 1, 2, 1, 2, 1, 2, 1];
  let sum = 0;
  for (let k = 0; k < 12; k++) {
    const product = weights[k]! * Number(numeric[k]);
    sum += Math.floor(product / 10) + (product % 10);
  }
  const initial = String.fromCharCode(64 + letter);
  return printed ? `${area} ${date} ${initial} ${serial}${sum % 10}` : `${area}${date}${initial}${serial}${sum % 10}`;
}

/** The county codes of a Romanian CNP: 01–46 (40–46 Bucharest), 51 Călărași, 52 Giurgiu, 70 (generated by the civil-status system). */
const CNP_COUNTIES = [...Array.from({ length: 46 }, (_, k) => String(k + 1).padStart(2, '0')), '51', '52', '70'];

/** The CNP's check digit: its twelve digits weighted 2,7,9,1,4,6,3,5,8,2,7,9, mod 11, a remainder of 10 written 1. */
export function cnpCheckDigit(body: string): string {
  const weights = [2, 7, 9, 1, 4, 6, 3, 5, 8, 2, 7, 9];
  let sum = 0;
  for (let k = 0; k < 12; k++) sum += weights[k]! * Number(body[k]);
  return String(sum % 11 === 10 ? 1 : sum % 11);
}

/** Romanian CNP: sex and century (1/2 1900s, 5/6 2000s, 7/8 a foreign resident), YYMMDD, county, serial, check. */
export function cnp(random: Random): string {
  const year = int(random, 1930, 2020);
  const sex = int(random, 1, 2);
  const first = random() < 0.1 ? 6 + sex : (year >= 2000 ? 4 : 0) + sex;
  const date = `${String(year % 100).padStart(2, '0')}${String(int(random, 1, 12)).padStart(2, '0')}${String(int(random, 1, 28)).padStart(2, '0')}`;
  const body = `${first}${date}${pick(random, CNP_COUNTIES)}${String(int(random, 1, 999)).padStart(3, '0')}`;
  return body + cnpCheckDigit(body);
}

/**
 * The check digit of an Estonian isikukood or a Lithuanian asmens kodas: its
 * ten digits weighted 1–9, 1 mod 11; at 10 weighted 3–9, 1–3; at 10 again, 0.
 */
export function eeLtCheckDigit(body: string): string {
  const remainder = (weights: number[]): number => weights.reduce((sum, weight, k) => sum + weight * Number(body[k]), 0) % 11;
  const first = remainder([1, 2, 3, 4, 5, 6, 7, 8, 9, 1]);
  const check = first < 10 ? first : remainder([3, 4, 5, 6, 7, 8, 9, 1, 2, 3]);
  return String(check % 10);
}

/** Estonian or Lithuanian personal code: sex and century (3/4 1900s, 5/6 2000s), YYMMDD, serial, check. */
export function eeLtPersonalCode(random: Random): string {
  const year = int(random, 1930, 2020);
  const first = (year >= 2000 ? 5 : 3) + int(random, 0, 1);
  const body = `${first}${String(year % 100).padStart(2, '0')}${String(int(random, 1, 12)).padStart(2, '0')}${String(int(random, 1, 28)).padStart(2, '0')}${digits(random, 3)}`;
  return body + eeLtCheckDigit(body);
}

/** The PPS number's check letter: the digits weighted 8–2, plus 9 times a second letter A, B or H's value (A=1); mod 23. */
export function ppsnCheckLetter(seven: string, second: string): string {
  const letters = 'WABCDEFGHIJKLMNOPQRSTUV';
  let sum = ['A', 'B', 'H'].includes(second) ? 9 * letters.indexOf(second) : 0;
  for (let k = 0; k < 7; k++) sum += (8 - k) * Number(seven[k]);
  return letters[sum % 23]!;
}

/** Irish PPS number: seven digits, the check letter, then `second` (A or B since 2013, W a married woman's before, or none). */
export function ppsn(random: Random, second: string): string {
  const seven = digits(random, 7);
  return `${seven}${ppsnCheckLetter(seven, second)}${second}`;
}

/** Two digits, with a leading zero. */
function twoDigits(value: number): string {
  return String(value).padStart(2, '0');
}

/** True when `year-month-day` is a day of the calendar. */
function isDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return month >= 1 && month <= 12 && date.getUTCFullYear() === year && date.getUTCDate() === day;
}

/** 11 minus the weighted sum of `body`'s digits mod 11, 11 read as 0: 10 means no digit fits. */
function mod11Digit(body: string, weights: readonly number[]): number {
  let sum = 0;
  for (let k = 0; k < weights.length; k++) sum += weights[k]! * Number(body[k]);
  return (11 - (sum % 11)) % 11;
}

/** The two check digits of a fødselsnummer's first nine, or undefined when one would be 10 (never issued). */
export function fodselsnummerChecks(nine: string): string | undefined {
  const first = mod11Digit(nine, [3, 7, 6, 1, 8, 9, 4, 5, 2]);
  if (first === 10) return undefined;
  const second = mod11Digit(`${nine}${first}`, [5, 4, 3, 2, 7, 6, 5, 4, 3, 2]);
  return second === 10 ? undefined : `${first}${second}`;
}

/**
 * Norwegian fødselsnummer, DDMMYYIIIKK (a D-number adds 40 to the day); the
 * individual number tells the century: 000–499 the 1900s, 500–999 the 2000s.
 */
export function fodselsnummer(random: Random, dNumber: boolean): string {
  for (;;) {
    const year = int(random, 1930, 2020);
    const date = `${twoDigits(int(random, 1, 28) + (dNumber ? 40 : 0))}${twoDigits(int(random, 1, 12))}${twoDigits(year % 100)}`;
    const individual = String(year >= 2000 ? int(random, 500, 999) : int(random, 0, 499)).padStart(3, '0');
    const checks = fodselsnummerChecks(date + individual);
    if (checks !== undefined) return date + individual + checks;
  }
}

/** True when the ten digits of a CPR number, weighted 4 3 2 7 6 5 4 3 2 1, sum to a multiple of 11. */
export function cprChecked(value: string): boolean {
  const digits = value.replace('-', '');
  return mod11Digit(digits, [4, 3, 2, 7, 6, 5, 4, 3, 2, 1]) === 0;
}

/**
 * Danish CPR number, DDMMYY-SSSS; the serial's first digit tells the century
 * (0–3 the 1900s, 4–8 the 2000s up to 2036). `checked`: it meets the mod-11
 * check; else it fails it, as numbers issued since 2007 may, with 1 January
 * as the birth date, which cpr.dk says they normally have.
 */
export function cpr(random: Random, checked: boolean): string {
  for (;;) {
    const year = int(random, 1930, 2020);
    const date = checked ? `${twoDigits(int(random, 1, 28))}${twoDigits(int(random, 1, 12))}` : '0101';
    const value = `${date}${twoDigits(year % 100)}${year >= 2000 ? int(random, 4, 8) : int(random, 0, 3)}${digits(random, 3)}`;
    if (cprChecked(value) === checked) return `${value.slice(0, 6)}-${value.slice(6)}`;
  }
}

/**
 * True when a CPR number's ten digits also read as a Swedish personnummer
 * (YYMMDD, a coordination number's day plus 60, the Luhn digit) or, written
 * DDMMYY-SSSS, as a Finnish identity code of the 1900s (number 002–999, the
 * mod-31 check character).
 */
export function readsAsPersonnummerOrHetu(value: string): boolean {
  const digits = value.replace('-', '');
  const [a, b, c] = [Number(digits.slice(0, 2)), Number(digits.slice(2, 4)), Number(digits.slice(4, 6))];
  const swedishDay = c > 60 ? c - 60 : c;
  if ((isDate(1900 + a, b, swedishDay) || isDate(2000 + a, b, swedishDay)) && luhnDigit(digits.slice(0, 9)) === digits[9]) return true;
  const finnishCheck = '0123456789ABCDEFHJKLMNPRSTUVWXY'[Number(digits.slice(0, 9)) % 31];
  return isDate(1900 + c, b, a) && Number(digits.slice(6, 9)) >= 2 && finnishCheck === digits[9];
}

export function nino(random: Random): string {
  const first = 'ABCEGHJKLMNOPRSTWXYZ';
  const second = 'ABCEGHJKLMNPRSTWXYZ';
  for (;;) {
    const prefix = first[int(random, 0, first.length - 1)]! + second[int(random, 0, second.length - 1)]!;
    if (['BG', 'GB', 'KN', 'NK', 'NT', 'TN', 'ZZ'].includes(prefix)) continue;
    return `${prefix}${digits(random, 6)}${'ABCD'[int(random, 0, 3)]}`;
  }
}

export function ssn(random: Random): string {
  for (;;) {
    const area = int(random, 1, 899);
    if (area === 666) continue;
    return `${String(area).padStart(3, '0')}-${String(int(random, 1, 99)).padStart(2, '0')}-${String(int(random, 1, 9999)).padStart(4, '0')}`;
  }
}

export function ipv4(random: Random): string {
  return `${int(random, 1, 223)}.${int(random, 0, 255)}.${int(random, 0, 255)}.${int(random, 1, 254)}`;
}

export function ipv6(random: Random): string {
  const group = () => int(random, 0, 0xffff).toString(16);
  return random() < 0.5
    ? `2001:db8:${group()}:${group()}::${group()}`
    : `fe80:${group()}:${group()}:${group()}:${group()}:${group()}:${group()}:${group()}`;
}

const FIRST = ['anna', 'jean.dupont', 'maria_garcia', 'l.rossi', 'jan-kowalski', 'erik+news', 'o.brien', 'müller', 'sophie.martin2'];
const DOMAINS = ['example.de', 'mail.example.fr', 'correo.es', 'posta.it', 'example.co.uk', 'bedrijf.nl', 'firma.pl', 'företag.se', 'acme-corp.com'];

export function email(random: Random): string {
  return `${pick(random, FIRST)}${random() < 0.3 ? int(random, 1, 99) : ''}@${pick(random, DOMAINS)}`;
}

export interface PhoneSample {
  written: string;
  e164: string;
}

const PHONE_COUNTRIES: CountryCode[] = ['DE', 'FR', 'GB', 'US', 'ES', 'IT', 'NL', 'PL', 'SE', 'AT', 'BE', 'CH', 'IE'];
/** Countries whose national format this product promises to recognise without a label. */
export const NATIONAL_FORMAT_COUNTRIES: CountryCode[] = ['DE', 'FR', 'GB', 'US', 'ES', 'IT', 'NL', 'PL', 'SE'];

/**
 * A valid mobile number (the library's example with other subscriber digits,
 * kept only if still valid), written internationally or nationally.
 */
export function phone(random: Random, national: boolean): PhoneSample {
  for (;;) {
    const country = pick(random, national ? NATIONAL_FORMAT_COUNTRIES : PHONE_COUNTRIES);
    const example = getExampleNumber(country, examples);
    if (example === undefined) continue;
    const nationalNumber = String(example.nationalNumber);
    const variant = nationalNumber.slice(0, -4) + digits(random, 4);
    const parsed = parsePhoneNumberFromString(`+${example.countryCallingCode}${variant}`);
    if (parsed === undefined || !parsed.isValid()) continue;
    const written = national ? parsed.formatNational() : random() < 0.7 ? parsed.formatInternational() : parsed.number;
    return { written, e164: parsed.number };
  }
}

/** Changes one digit (not the first) so a checksum must fail. */
export function breakOneDigit(random: Random, value: string): string {
  const positions = [...value].map((ch, k) => (/\d/.test(ch) && k > 0 ? k : -1)).filter((k) => k >= 0);
  const at = pick(random, positions);
  const old = Number(value[at]);
  const next = (old + int(random, 1, 9)) % 10;
  return value.slice(0, at) + String(next) + value.slice(at + 1);
}

/** ICAO 9303's check digit: characters weighted 7, 3, 1 (digits their value, `A`–`Z` 10–35, `<` 0), sum mod 10. */
export function mrzCheck(field: string): string {
  let sum = 0;
  for (let k = 0; k < field.length; k++) {
    const ch = field[k]!;
    const value = ch === '<' ? 0 : /\d/.test(ch) ? Number(ch) : ch.charCodeAt(0) - 55;
    sum += value * [7, 3, 1][k % 3]!;
  }
  return String(sum % 10);
}

/**
 * The line of data of a passport's (TD3, 44 characters) or a TD2 document's
 * (36) machine-readable zone: document number, nationality, birth date, sex,
 * expiry, a passport's personal number, each with its check, and the
 * composite check.
 */
export function mrzDataLine(random: Random, passport: boolean): string {
  const letters = 'ABCDEFGHIJKLMNPRSTUVWXYZ';
  const number = Array.from({ length: 9 }, () => (random() < 0.3 ? pick(random, [...letters]) : String(int(random, 0, 9)))).join('');
  const nationality = pick(random, ['D<<', 'FRA', 'ITA', 'ESP', 'NLD', 'POL', 'SWE', 'AUT', 'BEL', 'IRL', 'GBR', 'USA']);
  const birth = `${twoDigits(int(random, 30, 99))}${twoDigits(int(random, 1, 12))}${twoDigits(int(random, 1, 28))}`;
  const expiry = `${twoDigits(int(random, 26, 36))}${twoDigits(int(random, 1, 12))}${twoDigits(int(random, 1, 28))}`;
  const optional = passport ? (random() < 0.5 ? '<'.repeat(14) : `${digits(random, 11)}<<<`) : '<'.repeat(7);
  const optionalField = passport ? `${optional}${optional.startsWith('<') ? '<' : mrzCheck(optional)}` : optional;
  const document = `${number}${mrzCheck(number)}`;
  const born = `${birth}${mrzCheck(birth)}`;
  const expires = `${expiry}${mrzCheck(expiry)}`;
  const composite = mrzCheck(`${document}${born}${expires}${optionalField}`);
  return `${document}${nationality}${born}${pick(random, ['M', 'F', '<'])}${expires}${optionalField}${composite}`;
}

/** The check digit of a German health insurance number's letter and eight digits (see `de-kvnr.ts`). */
export function kvnrCheckDigit(nine: string): string {
  const position = String(nine.charCodeAt(0) - 64).padStart(2, '0');
  const digits = `${position}${nine.slice(1)}`;
  let sum = 0;
  for (let k = 0; k < 10; k++) {
    const product = Number(digits[k]) * (k % 2 === 0 ? 1 : 2);
    sum += product > 9 ? product - 9 : product;
  }
  return String(sum % 10);
}

/** German health insurance number (Krankenversichertennummer): an upper-case letter, eight digits and the check. */
export function kvnr(random: Random): string {
  const nine = `${pick(random, [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'])}${digits(random, 8)}`;
  return `${nine}${kvnrCheckDigit(nine)}`;
}

/** A birth date as DDMMYY, between 1930 and 2020 (the 28th at most: every month has it). */
function birthDdmmyy(random: Random): { ddmm: string; year: number } {
  return { ddmm: `${twoDigits(int(random, 1, 28))}${twoDigits(int(random, 1, 12))}`, year: int(random, 1930, 2020) };
}

/** Greek social security number (AMKA): DDMMYY, four digits, a Luhn check. */
export function amka(random: Random): string {
  const { ddmm, year } = birthDdmmyy(random);
  const body = `${ddmm}${twoDigits(year % 100)}${digits(random, 4)}`;
  return body + luhnDigit(body);
}

/** The EMŠO's check of its first twelve digits: 11 less the weighted sum mod 11 (11 read as 0); undefined for 10, never issued. */
export function emsoCheckDigit(twelve: string): string | undefined {
  const check = mod11Digit(twelve, [7, 6, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2]);
  return check === 10 ? undefined : String(check);
}

/** Slovenian unique master citizen number (EMŠO): DDMMYYY, region 50, a serial, the check. */
export function emso(random: Random): string {
  for (;;) {
    const { ddmm, year } = birthDdmmyy(random);
    const twelve = `${ddmm}${String(year % 1000).padStart(3, '0')}50${digits(random, 3)}`;
    const check = emsoCheckDigit(twelve);
    if (check !== undefined) return twelve + check;
  }
}

/** The EAN-13 check digit of twelve digits. */
export function ean13CheckDigit(twelve: string): string {
  let sum = 0;
  for (let k = 0; k < 12; k++) sum += Number(twelve[k]) * (k % 2 === 0 ? 1 : 3);
  return String((10 - (sum % 10)) % 10);
}

/** Swiss social insurance number (AHV-Nummer): 756, nine digits, the EAN-13 check; `printed` as the card prints it: `756.9217.0769.85`. */
export function ahv(random: Random, printed: boolean): string {
  const twelve = `756${digits(random, 9)}`;
  const number = twelve + ean13CheckDigit(twelve);
  return printed ? `${number.slice(0, 3)}.${number.slice(3, 7)}.${number.slice(7, 11)}.${number.slice(11)}` : number;
}
