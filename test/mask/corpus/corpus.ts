/**
 * The labelled corpus: texts with exactly one piece of personal data of a
 * known type at a known place (positives), and texts with none that are full
 * of look-alikes (UUIDs, hashes, timestamps, epoch times, versions, order
 * ids, numbers that fail a checksum). Built from a fixed seed.
 */
import * as gen from './generators.js';
import { digits, int, pick, seeded, type Random } from './random.js';

export interface Positive {
  type: string;
  text: string;
  /** The span that must be found, exactly as written in `text`. */
  written: string;
}

/** Prose around a value in the languages of the markets we serve. */
const PROSE = [
  'Please contact the customer at {v} before Friday.',
  'Bitte kontaktieren Sie den Kunden unter {v} bis Freitag.',
  'Merci de contacter le client au {v} avant vendredi.',
  'Por favor, contacte al cliente en {v} antes del viernes.',
  'Si prega di contattare il cliente a {v} entro venerdì.',
  'Neem contact op met de klant via {v} vóór vrijdag.',
  'Proszę skontaktować się z klientem: {v} do piątku.',
  'Kontakta kunden på {v} före fredag.',
  '{v}',
  '"{v}"',
  '({v})',
  'Value: {v}.',
];

function inProse(random: Random, value: string, labels: readonly string[] = ['']): string {
  const label = pick(random, labels);
  return pick(random, PROSE).replace('{v}', `${label}${value}`);
}

/** As the value of a JSON key, in JSON text a tool returned. */
function inJson(key: string, value: string): string {
  return JSON.stringify({ id: 4711, [key]: value, created_at: '2024-03-05T10:15:00Z' });
}

function add(out: Positive[], type: string, text: string, written: string): void {
  if (!text.includes(written)) throw new Error(`corpus bug: ${written} not in ${text}`);
  out.push({ type, text, written });
}

const PER_TYPE = 120;

export function positives(seed = 20260401): Positive[] {
  const random = seeded(seed);
  const out: Positive[] = [];
  for (let n = 0; n < PER_TYPE; n++) {
    const mail = gen.email(random);
    add(out, 'email', n % 4 === 0 ? inJson('email', mail) : inProse(random, mail, ['', 'E-Mail: ', 'mailto:', 'courriel : ']), mail);

    const intl = gen.phone(random, false);
    add(out, 'phone', n % 5 === 0 ? inJson('phone', intl.written) : inProse(random, intl.written, ['', 'Tel. ', 'phone: ', 'Handy ', 'tél. ']), intl.written);
    const national = gen.phone(random, true);
    add(out, 'phone', inProse(random, national.written, ['', 'Tel.: ', 'Telefon ', 'téléphone ', 'teléfono ', 'telefono ', 'phone ']), national.written);

    const account = gen.iban(random);
    const written = n % 3 === 0 ? account : n % 3 === 1 ? gen.grouped(account) : account.toLowerCase();
    add(out, 'iban', n % 4 === 0 ? inJson('iban', written) : inProse(random, written, ['', 'IBAN ', 'IBAN: ', 'Konto ']), written);

    const cardNumber = gen.card(random);
    const cardWritten = n % 2 === 0 ? gen.cardFormatted(random, cardNumber) : cardNumber;
    add(out, 'credit_card', inProse(random, cardWritten, ['', 'card ', 'Karte ', 'carte ', 'tarjeta ']), cardWritten);

    const address = n % 3 === 0 ? gen.ipv6(random) : gen.ipv4(random);
    add(out, 'ip', n % 4 === 0 ? inJson('client_ip', address) : inProse(random, address, ['', 'IP ', 'from ', 'remote_addr=']), address);

    const steuer = gen.steuerId(random);
    if (n % 3 === 0) {
      const printed = `${steuer.slice(0, 2)} ${steuer.slice(2, 5)} ${steuer.slice(5, 8)} ${steuer.slice(8)}`;
      add(out, 'de_steuer_id', inProse(random, printed), printed);
    } else if (n % 3 === 1) {
      add(out, 'de_steuer_id', inProse(random, steuer, ['Steuer-ID ', 'Steuerliche Identifikationsnummer: ', 'IdNr. ', 'tax id ']), steuer);
    } else {
      add(out, 'de_steuer_id', inJson('steuer_id', steuer), steuer);
    }

    const insee = gen.nir(random);
    const inseeWritten = n % 2 === 0 ? gen.nirPrinted(insee) : insee;
    add(out, 'fr_nir', inProse(random, inseeWritten, ['', 'NIR ', 'n° de sécurité sociale : ']), inseeWritten);

    const spanish = n % 2 === 0 ? gen.dni(random) : gen.nie(random);
    add(out, 'es_dni_nie', n % 5 === 0 ? inJson('dni', spanish) : inProse(random, spanish, ['', 'DNI ', 'NIE: ']), spanish);

    const cf = gen.codiceFiscale(random);
    add(out, 'it_codice_fiscale', inProse(random, cf, ['', 'Codice fiscale: ', 'CF ']), cf);

    const burger = gen.bsn(random);
    if (n % 3 === 0) {
      const printed = `${burger.slice(0, 4)}.${burger.slice(4, 6)}.${burger.slice(6)}`;
      add(out, 'nl_bsn', inProse(random, printed), printed);
    } else if (n % 3 === 1) {
      add(out, 'nl_bsn', inProse(random, burger, ['BSN ', 'BSN: ', 'burgerservicenummer ']), burger);
    } else {
      add(out, 'nl_bsn', inJson('bsn', burger), burger);
    }

    const polish = gen.pesel(random);
    add(out, 'pl_pesel', n % 2 === 0 ? inProse(random, polish, ['PESEL ', 'PESEL: ', 'nr PESEL ']) : inJson('pesel', polish), polish);

    const swedish = gen.personnummer(random, n % 3 === 0);
    add(out, 'se_personnummer', inProse(random, swedish, ['', 'personnummer ', 'Personnr: ']), swedish);

    const insurance = gen.nino(random);
    const ninoWritten = n % 2 === 0 ? `${insurance.slice(0, 2)} ${insurance.slice(2, 4)} ${insurance.slice(4, 6)} ${insurance.slice(6, 8)} ${insurance.slice(8)}` : insurance;
    add(out, 'uk_nino', inProse(random, ninoWritten, ['', 'NI number ', 'NINO: ']), ninoWritten);

    const social = gen.ssn(random);
    if (n % 3 === 2) add(out, 'us_ssn', inJson('ssn', social.replace(/-/g, '')), social.replace(/-/g, ''));
    else add(out, 'us_ssn', inProse(random, social, ['', 'SSN ', 'SSN: ', 'social security number ']), social);
  }
  // National ids added later, drawn from a generator of their own so that the samples above stay what they were.
  const later = seeded(seed + 1);
  for (let n = 0; n < PER_TYPE; n++) {
    const belgian = gen.beNationalNumber(later, n % 2 === 0);
    add(out, 'be_national_number', n % 2 === 0 ? inProse(later, belgian) : n % 4 === 1 ? inJson('national_number', belgian) : inProse(later, belgian, ['Rijksregisternummer ', 'NN ', 'numéro de registre national : ', 'INSZ: ']), belgian);

    const finnish = gen.hetu(later);
    add(out, 'fi_hetu', n % 4 === 0 ? inJson('hetu', finnish) : inProse(later, finnish, ['', 'henkilötunnus ', 'HETU: ']), finnish);

    const czech = gen.czSkBirthNumber(later);
    const czechWritten = n % 3 === 2 ? czech.replace('/', '') : czech;
    add(out, 'cz_sk_birth_number', n % 3 === 2 ? inProse(later, czechWritten, ['rodné číslo ', 'RČ: ', 'rodné číslo: ']) : inProse(later, czechWritten, ['', 'rodné číslo ']), czechWritten);

    // Portuguese, Croatian and Bulgarian ids are bare digit runs found only after a label or under a key that names them.
    const portuguese = gen.ptNif(later);
    const nifWritten = n % 3 === 1 ? `${portuguese.slice(0, 3)} ${portuguese.slice(3, 6)} ${portuguese.slice(6)}` : portuguese;
    add(out, 'pt_nif', n % 3 === 0 ? inJson(pick(later, ['nif', 'numero_contribuinte']), nifWritten) : inProse(later, nifWritten, ['NIF ', 'NIF: ', 'contribuinte n.º ', 'número de contribuinte ', 'número de identificação fiscal: ']), nifWritten);

    const croatian = gen.oib(later);
    add(out, 'hr_oib', n % 3 === 0 ? inJson('oib', croatian) : inProse(later, croatian, ['OIB ', 'OIB: ', 'osobni identifikacijski broj ']), croatian);

    const bulgarian = gen.egn(later);
    add(out, 'bg_egn', n % 3 === 0 ? inJson(pick(later, ['egn', 'ЕГН']), bulgarian) : inProse(later, bulgarian, ['ЕГН ', 'ЕГН: ', 'EGN ', 'единен граждански номер ']), bulgarian);

    // Printed, anywhere; bare, after a label or under a key that names it.
    const austrian = gen.atSvnr(later, n % 3 === 0);
    if (n % 3 === 0) add(out, 'at_svnr', inProse(later, austrian, ['', 'SVNR ', 'Versicherungsnummer: ']), austrian);
    else if (n % 3 === 1) add(out, 'at_svnr', inProse(later, austrian, ['SVNR ', 'SV-Nr. ', 'Sozialversicherungsnummer: ', 'VSNR: ', 'social security number ']), austrian);
    else add(out, 'at_svnr', inJson('svnr', austrian), austrian);

    const german = gen.deSvnr(later, n % 2 === 0);
    add(out, 'de_svnr', n % 4 === 1 ? inJson('rentenversicherungsnummer', german) : inProse(later, german, ['', 'RVNR ', 'Versicherungsnummer: ', 'SV-Nummer ']), german);

    // Bare digit runs (CNP, isikukood, asmens kodas) and a PPS number (one check letter): after a label or under a key.
    const romanian = gen.cnp(later);
    add(out, 'ro_cnp', n % 4 === 0 ? inJson('cnp', romanian) : inProse(later, romanian, ['CNP ', 'CNP: ', 'cod numeric personal ', 'Cod numeric personal: ']), romanian);

    const baltic = gen.eeLtPersonalCode(later);
    add(out, 'ee_lt_personal_code', n % 4 === 0 ? inJson(n % 8 === 0 ? 'isikukood' : 'asmens_kodas', baltic) : inProse(later, baltic, ['isikukood ', 'Isikukood: ', 'asmens kodas ', 'a. k. ', 'personal code ', 'ID code: ']), baltic);

    const irish = gen.ppsn(later, pick(later, ['', '', 'A', 'B', 'W']));
    const irishWritten = n % 3 === 2 ? `${irish.slice(0, 7)} ${irish.slice(7)}` : irish;
    add(out, 'ie_ppsn', n % 4 === 0 ? inJson('ppsn', irishWritten) : inProse(later, irishWritten, ['PPS No. ', 'PPSN: ', 'PPS number ', 'Personal Public Service Number: ']), irishWritten);

    // Spaced anywhere; bare after a label or under a key; every fifth a D-number.
    const norwegian = gen.fodselsnummer(later, n % 5 === 4);
    const norwegianSpaced = `${norwegian.slice(0, 6)} ${norwegian.slice(6)}`;
    if (n % 3 === 0) add(out, 'no_fodselsnummer', inProse(later, norwegianSpaced, ['', 'fødselsnummer ', 'Fnr. ']), norwegianSpaced);
    else if (n % 3 === 1) add(out, 'no_fodselsnummer', inProse(later, norwegian, ['fødselsnummer: ', 'Fødselsnr. ', 'F.nr. ', 'personnummer ', 'D-nummer ', 'national identity number ']), norwegian);
    else add(out, 'no_fodselsnummer', inJson('fodselsnummer', norwegian), norwegian);

    // Hyphenated with the check anywhere, bare with it after a label; failing it (n % 4 === 3) after CPR; under a key.
    const danish = danishOnly(() => gen.cpr(later, n % 4 !== 3));
    const danishWritten = n % 4 === 0 || n % 8 === 2 || n % 8 === 3 ? danish : danish.replace('-', '');
    const danishLabels = n % 4 === 0 ? ['', 'CPR ', 'CPR-nr. ', 'personnummer '] : n % 4 === 1 ? ['CPR: ', 'CPR-nummer ', 'personnummer '] : ['CPR ', 'CPR-nr.: ', 'cpr-nummer '];
    add(out, 'dk_cpr', n % 4 === 2 ? inJson('cpr', danishWritten) : inProse(later, danishWritten, danishLabels), danishWritten);
  }
  const zones = seeded(seed + 2);
  for (let n = 0; n < PER_TYPE; n++) {
    // A passport's or a TD2 document's line of data alone, as OCR or a form copied it.
    const zone = gen.mrzDataLine(zones, n % 3 !== 2);
    add(out, 'mrz', n % 4 === 3 ? inJson('mrz', zone) : inProse(zones, zone, ['', 'MRZ: ', 'MRZ ', 'Zone lisible : ', 'maschinenlesbare Zone: ']), zone);
  }
  const health = seeded(seed + 3);
  for (let n = 0; n < PER_TYPE; n++) {
    // A letter and nine digits: after a label or under a key.
    const kvnr = gen.kvnr(health);
    add(out, 'de_kvnr', n % 4 === 0 ? inJson(pick(health, ['kvnr', 'versichertennummer', 'health_insurance_number']), kvnr) : inProse(health, kvnr, ['Versichertennummer ', 'Versichertennummer: ', 'Versicherten-Nr. ', 'KVNR: ', 'Krankenversichertennummer ']), kvnr);
  }
  const southern = seeded(seed + 4);
  for (let n = 0; n < PER_TYPE; n++) {
    // Bare runs of eleven and thirteen digits: after a label or under a key.
    const greek = gen.amka(southern);
    add(out, 'gr_amka', n % 4 === 0 ? inJson(pick(southern, ['amka', 'ΑΜΚΑ']), greek) : inProse(southern, greek, ['ΑΜΚΑ: ', 'ΑΜΚΑ ', 'AMKA ', 'Α.Μ.Κ.Α. ', 'Αριθμός Μητρώου Κοινωνικής Ασφάλισης ']), greek);
    const slovenian = gen.emso(southern);
    add(out, 'si_emso', n % 4 === 0 ? inJson(pick(southern, ['emso', 'emšo', 'jmbg']), slovenian) : inProse(southern, slovenian, ['EMŠO: ', 'EMŠO ', 'EMSO ', 'JMBG: ', 'Enotna matična številka občana ']), slovenian);
    // The card's dotted form anywhere; thirteen bare digits after a label or under a key.
    const printed = n % 2 === 0;
    const swiss = gen.ahv(southern, printed);
    add(out, 'ch_ahv', n % 4 === 1 ? inJson(pick(southern, ['ahv', 'ahv_number', 'avs']), swiss) : inProse(southern, swiss, printed ? ['', 'AHV-Nr. ', 'N° AVS '] : ['AHV-Nr. ', 'AHV ', 'numéro AVS ', 'Sozialversicherungsnummer: ', 'AHVN13: ']), swiss);
  }
  return out;
}

/**
 * A CPR number no other national id reads. About 6% of CPR numbers are also
 * valid Swedish personnummers and 3% Finnish identity codes (see
 * `gen.readsAsPersonnummerOrHetu`): they are masked, reported as the other id
 * (see `dkCpr.priority`), so they have no one type to count here.
 */
function danishOnly(make: () => string): string {
  return unless(make, gen.readsAsPersonnummerOrHetu);
}

/** A value of `make` that `valid` turns down: a value drawn at random that is, by chance, a valid id is none of the kind wanted. */
function unless(make: () => string, valid: (value: string) => boolean): string {
  for (;;) {
    const value = make();
    if (!valid(value)) return value;
  }
}

function uuid(random: Random): string {
  const hex = () => int(random, 0, 15).toString(16);
  const part = (n: number) => Array.from({ length: n }, hex).join('');
  return `${part(8)}-${part(4)}-4${part(3)}-${pick(random, ['8', '9', 'a', 'b'])}${part(3)}-${part(12)}`;
}

function hex(random: Random, n: number): string {
  return Array.from({ length: n }, () => int(random, 0, 15).toString(16)).join('');
}

function isoTime(random: Random): string {
  const ms = Date.UTC(2020, 0, 1) + int(random, 0, 6 * 365 * 86400) * 1000;
  return new Date(ms).toISOString();
}

/** Texts with no personal data, only things that look like it. */
export function lookalikes(seed = 20260402): string[] {
  const random = seeded(seed);
  const out: string[] = [];
  for (let n = 0; n < PER_TYPE; n++) {
    const epochMs = String(Date.UTC(2020, 0, 1) + int(random, 0, 6 * 365 * 86400) * 1000 + int(random, 0, 999));
    const epochS = epochMs.slice(0, 10);
    out.push(
      `request ${uuid(random)} finished`,
      `{"trace_id":"${uuid(random)}","span":"${hex(random, 16)}"}`,
      `commit ${hex(random, 40)} (short ${hex(random, 7)})`,
      `created ${isoTime(random)} updated ${isoTime(random).replace('T', ' ').slice(0, 19)}`,
      `{"ts": ${epochMs}, "at": "${epochMs}"}`,
      `expires_at=${epochS} issued=${epochMs}`,
      `version ${int(random, 0, 20)}.${int(random, 0, 40)}.${int(random, 0, 200)} build ${int(random, 10000, 99999)}`,
      `Order ORD-${int(random, 2019, 2026)}-${digits(random, 6)} shipped, SKU ${pick(random, ['A', 'B', 'X'])}${digits(random, 2)}-${digits(random, 4)}-${pick(random, ['RED', 'BLU'])}`,
      `Bestellung #${digits(random, 9)} vom ${String(int(random, 1, 28)).padStart(2, '0')}.${String(int(random, 1, 12)).padStart(2, '0')}.${int(random, 2019, 2026)}`,
      `invoice no. ${int(random, 1, 9)}${digits(random, 10)} total ${int(random, 1, 999)}.${digits(random, 2)} EUR`,
      `amount ${int(random, 1, 999)} ${digits(random, 3)} ${digits(random, 3)},${digits(random, 2)} €`,
      `tracking ${pick(random, ['1Z', 'JJD'])}${digits(random, 16)}`,
      `ratio ${random().toFixed(12)} at ${int(random, 0, 23)}:${String(int(random, 0, 59)).padStart(2, '0')}:${String(int(random, 0, 59)).padStart(2, '0')}`,
      `MAC 00:1a:${hex(random, 2)}:${hex(random, 2)}:${hex(random, 2)}:${hex(random, 2)} on port 8080`,
      `OID 1.3.6.1.4.1.${int(random, 1000, 99999)}.${int(random, 1, 9)}`,
    );
    // Identifiers with one digit changed: the checksum must reject them.
    out.push(`card ${gen.breakOneDigit(random, gen.card(random))}`);
    out.push(`IBAN ${gen.breakOneDigit(random, gen.iban(random))}`);
    out.push(`Steuer-ID ${gen.breakOneDigit(random, gen.steuerId(random))}`);
    out.push(`NIR ${gen.breakOneDigit(random, gen.nir(random))}`);
    out.push(`PESEL ${gen.breakOneDigit(random, gen.pesel(random))}`);
    out.push(`BSN ${gen.breakOneDigit(random, gen.bsn(random))}`);
    out.push(`personnummer ${gen.breakOneDigit(random, gen.personnummer(random, false))}`);
    const spanish = gen.dni(random);
    out.push(`DNI ${spanish.slice(0, 8)}${'TRWAGMYFPDXBNJZSQVHLCKE'.replace(spanish[8]!, '')[int(random, 0, 21)]}`);
    const cf = gen.codiceFiscale(random);
    out.push(`CF ${cf.slice(0, 15)}${'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.replace(cf[15]!, '')[int(random, 0, 24)]}`);
    out.push(`SSN ${pick(random, ['000', '666', '912'])}-${digits(random, 2)}-${digits(random, 4)}`);
    out.push(`NINO ${pick(random, ['QQ', 'GB', 'BG', 'DA'])}${digits(random, 6)}${pick(random, ['A', 'B'])}`);
    // 16 digits outside every card brand's prefixes, and a broken card number.
    out.push(`reference ${pick(random, ['1', '9'])}${digits(random, 15)} and ${gen.breakOneDigit(random, gen.card(random))}`);
  }
  // The national ids added later, broken, and their shapes as other numbers take them (see `positives`). Those of
  // people born in 2000–2009 start with 0, as a national phone number does: a broken one may be a valid phone number.
  const later = seeded(seed + 1);
  const brokenBelgian = (printed: boolean): string => {
    for (;;) {
      const value = gen.breakOneDigit(later, gen.beNationalNumber(later, printed));
      const base = Number(value.replace(/\D/g, '').slice(0, 9));
      const check = Number(value.slice(-2));
      // Changed so that the other century's check holds (1 time in 97): a valid number again.
      if (value[0] !== '0' && 97 - (base % 97) !== check && 97 - ((2_000_000_000 + base) % 97) !== check) return value;
    }
  };
  const noLeadingZero = (make: () => string): string => {
    for (;;) {
      const value = make();
      if (value[0] !== '0') return value;
    }
  };
  // Both checks write two remainders as 0, so a changed digit that moves the sum from one to the other keeps the number valid.
  // (ISO 7064 MOD 11,10, the OIB's, catches every changed digit.)
  const brokenNif = (): string => unless(() => gen.breakOneDigit(later, gen.ptNif(later)), (value) => Number(value[8]) === gen.nifCheckDigit(value));
  const brokenEgn = (): string => unless(() => gen.breakOneDigit(later, gen.egn(later)), (value) => Number(value[9]) === gen.egnCheckDigit(value));
  // A changed digit leaves a birth number indivisible by 11, but may give it the remainder 10 that an old number ending in 0 had.
  const brokenCzech = (): string =>
    unless(() => gen.breakOneDigit(later, gen.czSkBirthNumber(later)), (value) => value.endsWith('0') && Math.floor(Number(value.replace('/', '')) / 10) % 11 === 10);
  for (let n = 0; n < PER_TYPE; n++) {
    out.push(`NN ${brokenBelgian(false)}, eID ${brokenBelgian(true)}`);
    const finnish = gen.hetu(later);
    // A wrong check that is a digit gives DDMMYY-NNNN, which may be a valid CPR number or personnummer.
    const brokenFinnish = unless(() => `${finnish.slice(0, 10)}${'0123456789ABCDEFHJKLMNPRSTUVWXY'.replace(finnish[10]!, '')[int(later, 0, 29)]}`, (value) => gen.cprChecked(value) || gen.readsAsPersonnummerOrHetu(value));
    out.push(`HETU ${brokenFinnish}`);
    out.push(`RČ ${noLeadingZero(brokenCzech)}`);
    out.push(`ticket ${int(later, 100000, 999999)}/${digits(later, 5)} call ${int(later, 100000000, 999999999)}${digits(later, 2)} ref ${int(later, 100000, 999999)}-${digits(later, 3)}${pick(later, ['X', 'K', '7'])}${digits(later, 1)}`);
    out.push(`NIF ${brokenNif()}, OIB ${gen.breakOneDigit(later, gen.oib(later))}, ЕГН ${brokenEgn()}`);
    // Their shapes, unlabelled: a Portuguese order, a Croatian invoice, a Bulgarian order, and in a table's row. (Grouped
    // 3-3-3, nine digits are a Polish phone number's national form: no look-alike.)
    out.push(`Encomenda n.º ${int(later, 1, 3)}${digits(later, 8)} enviada`, `Račun br. ${int(later, 1, 9)}${digits(later, 10)}`, `Поръчка № ${int(later, 1, 9)}${digits(later, 9)}`);
    out.push(`| ${int(later, 1, 3)}${digits(later, 8)} | ${int(later, 1, 9)}${digits(later, 10)} | ${int(later, 1, 9)}${digits(later, 9)} |`);

    // Any one digit changed fails either check: every weight is prime to 11 (Austria), and every digit sum of a
    // weighted digit differs from digit to digit (Germany).
    out.push(`SVNR ${gen.breakOneDigit(later, gen.atSvnr(later, false))}, e-card ${gen.breakOneDigit(later, gen.atSvnr(later, true))}`);
    out.push(`RVNR ${gen.breakOneDigit(later, gen.deSvnr(later, true))}, ${gen.breakOneDigit(later, gen.deSvnr(later, false))}`);
    out.push(`Rechnung ${int(later, 1, 9)}${digits(later, 9)}, Paket ${int(later, 1000, 9999)}-${digits(later, 6)}, Artikel ART-${digits(later, 8)}${pick(later, ['A', 'K', 'X'])}${digits(later, 3)}, Charge ${digits(later, 8)}${pick(later, ['B', 'L'])}${digits(later, 4)}`);

    // A changed digit can leave the check holding: a CNP's remainder 10 is written 1, and a personal code's
    // check falls back on other weights at 10. Those are valid numbers again, and drawn anew.
    out.push(`CNP ${unless(() => gen.breakOneDigit(later, gen.cnp(later)), (value) => gen.cnpCheckDigit(value.slice(0, 12)) === value[12])}`);
    out.push(`isikukood ${unless(() => gen.breakOneDigit(later, gen.eeLtPersonalCode(later)), (value) => gen.eeLtCheckDigit(value.slice(0, 10)) === value[10])}`);
    const irish = gen.ppsn(later, pick(later, ['', 'A', 'W']));
    out.push(`PPSN ${irish.slice(0, 7)}${'ABCDEFGHIJKLMNOPQRSTUVW'.replace(irish[7]!, '')[int(later, 0, 21)]}${irish.slice(8)}`);
    // Valid numbers in the shapes other numbers take, without a label: a barcode's 13 digits, an order's
    // 11, SKUs and upper-case hex of seven digits and a letter or two.
    out.push(`barcode ${gen.cnp(later)} on order ${gen.eeLtPersonalCode(later)}, SKU ${gen.ppsn(later, pick(later, ['', 'A']))} and ${digits(later, 7)}${pick(later, ['A', 'C', 'E', 'F', 'K', 'X'])} x2, CRC ${digits(later, 7)}${pick(later, ['A', 'B', 'C', 'D', 'E', 'F'])}`);

    // One digit changed breaks a fødselsnummer's first or second check (no weight is 0 mod 11), and a CPR number's mod 11.
    const brokenNorwegian = noLeadingZero(() => gen.breakOneDigit(later, gen.fodselsnummer(later, later() < 0.2)));
    const spacedNorwegian = noLeadingZero(() => gen.breakOneDigit(later, gen.fodselsnummer(later, false)));
    out.push(`fødselsnummer ${brokenNorwegian}, Pasient ${spacedNorwegian.slice(0, 6)} ${spacedNorwegian.slice(6)}`);
    // Without the check a CPR number counts only after `CPR`: broken ones stand alone or after `personnummer`.
    const brokenDanish = (): string => noLeadingZero(() => danishOnly(() => gen.breakOneDigit(later, gen.cpr(later, true))));
    out.push(`ref ${brokenDanish()}, personnummer ${brokenDanish().replace('-', '')}`);
    // Their shapes as case numbers, invoice numbers and order ids take them, without a label.
    const caseNumber = unless(() => `${int(later, 100000, 999999)} ${digits(later, 5)}`, (value) => gen.fodselsnummerChecks(value.replace(' ', '').slice(0, 9)) === value.slice(-2));
    const invoice = unless(() => `${int(later, 100000, 999999)}-${digits(later, 4)}`, (value) => gen.cprChecked(value) || gen.readsAsPersonnummerOrHetu(value));
    out.push(`sak ${caseNumber} faktura ${invoice} ordre ${int(later, 1, 9)}${digits(later, 10)} kvittering ${int(later, 1, 9)}${digits(later, 9)}`);
  }
  const zones = seeded(seed + 2);
  for (let n = 0; n < PER_TYPE; n++) {
    // A zone's line of data with one digit changed fails a check (each weight, 7, 3 or 1, is prime to 10).
    out.push(`MRZ ${gen.breakOneDigit(zones, gen.mrzDataLine(zones, n % 2 === 0))}`);
    // Lines of the zone's characters and lengths that are no zone: base-32 keys, fillers, code, merge markers.
    const key = Array.from({ length: 44 }, () => pick(zones, [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567<'])).join('');
    out.push(`key ${key}`, `${'<'.repeat(int(zones, 30, 44))} end`, `std::cout << ${hex(zones, 8).toUpperCase()} << std::endl;`, `<<<<<<< HEAD:${hex(zones, 7)}`);
  }
  const health = seeded(seed + 3);
  for (let n = 0; n < PER_TYPE; n++) {
    // A changed digit breaks the check (each weight, 1 or 2, changes the digit sum); valid numbers unlabelled, as order and part numbers.
    out.push(`Versichertennummer ${gen.breakOneDigit(health, gen.kvnr(health))}`);
    out.push(`Bestellung ${gen.kvnr(health)}, Artikel ${gen.kvnr(health)}, Versicherungsnummer ${gen.kvnr(health)}`);
  }
  const southern = seeded(seed + 4);
  for (let n = 0; n < PER_TYPE; n++) {
    // A changed digit breaks each check (Luhn; mod 11 with weights 2 to 7; EAN-13's 1 and 3, both prime to 10).
    const brokenEmso = unless(() => gen.breakOneDigit(southern, gen.emso(southern)), (value) => gen.emsoCheckDigit(value.slice(0, 12)) === value[12]);
    out.push(`ΑΜΚΑ ${gen.breakOneDigit(southern, gen.amka(southern))}, EMŠO ${brokenEmso}, AHV ${gen.breakOneDigit(southern, gen.ahv(southern, n % 2 === 0))}`);
    // Valid numbers unlabelled, as a Greek order, a Slovenian and a Swiss product's barcode take their shapes.
    out.push(`Παραγγελία ${gen.amka(southern)}, EAN ${gen.emso(southern)}, Artikel ${gen.ahv(southern, false)}`);
    // A dotted number that goes on is a version or an OID, not the card's form.
    out.push(`oid 1.${gen.ahv(southern, true)}, build ${gen.ahv(southern, true)}.4`);
  }
  return out;
}
