/**
 * Every detector, and the names a policy may use for them: each detector's
 * own name, plus the group `eu_national_ids` (the national ids of the EU,
 * the UK, Norway and Switzerland, and any national id under a key that
 * names one).
 */
import { GuardError } from '../errors.js';
import type { Detector } from './detector.js';
import { NATIONAL_ID_GROUP, POLICY_DETECTOR_NAMES } from './detector-names.js';
import { atSvnr } from './detectors/at-svnr.js';
import { beNationalNumber } from './detectors/be-national-number.js';
import { bgEgn } from './detectors/bg-egn.js';
import { chAhv } from './detectors/ch-ahv.js';
import { creditCard } from './detectors/credit-card.js';
import { czSkBirthNumber } from './detectors/cz-sk-birth-number.js';
import { deKvnr } from './detectors/de-kvnr.js';
import { deSteuerId } from './detectors/de-steuer-id.js';
import { deSvnr } from './detectors/de-svnr.js';
import { eeLtPersonalCode } from './detectors/ee-lt-personal-code.js';
import { dkCpr } from './detectors/dk-cpr.js';
import { email } from './detectors/email.js';
import { esDniNie } from './detectors/es-dni-nie.js';
import { fiHetu } from './detectors/fi-hetu.js';
import { frNir } from './detectors/fr-nir.js';
import { grAmka } from './detectors/gr-amka.js';
import { hrOib } from './detectors/hr-oib.js';
import { iban } from './detectors/iban.js';
import { iePpsn } from './detectors/ie-ppsn.js';
import { ip } from './detectors/ip.js';
import { itCodiceFiscale } from './detectors/it-codice-fiscale.js';
import { mrz } from './detectors/mrz.js';
import { nationalId } from './detectors/national-id.js';
import { nlBsn } from './detectors/nl-bsn.js';
import { noFodselsnummer } from './detectors/no-fodselsnummer.js';
import { phone } from './detectors/phone.js';
import { plPesel } from './detectors/pl-pesel.js';
import { ptNif } from './detectors/pt-nif.js';
import { roCnp } from './detectors/ro-cnp.js';
import { sePersonnummer } from './detectors/se-personnummer.js';
import { siEmso } from './detectors/si-emso.js';
import { ukNino } from './detectors/uk-nino.js';
import { usSsn } from './detectors/us-ssn.js';

export const DETECTORS: readonly Detector[] = [
  email, phone, iban, creditCard, ip,
  deSteuerId, frNir, esDniNie, itCodiceFiscale, nlBsn, plPesel, sePersonnummer, ukNino,
  beNationalNumber, czSkBirthNumber, fiHetu, ptNif, hrOib, bgEgn,
  atSvnr, deSvnr,
  roCnp, eeLtPersonalCode, iePpsn,
  noFodselsnummer, dkCpr, deKvnr,
  grAmka, siEmso, chAhv,
  mrz,
  usSsn,
  nationalId,
];

/**
 * The detectors a policy's names enable, in registry order. Throws
 * GUARD_MASK_CONFIG naming the unknown entry and the accepted names.
 */
export function resolveDetectors(names: readonly string[]): Detector[] {
  const wanted = new Set<string>();
  for (const name of names) {
    if (name === NATIONAL_ID_GROUP) {
      for (const detector of DETECTORS) if (detector.nationalId === true) wanted.add(detector.name);
    } else if (DETECTORS.some((detector) => detector.name === name)) {
      wanted.add(name);
    } else {
      throw new GuardError('GUARD_MASK_CONFIG', `masking.detectors: unknown detector "${name}" — use one of ${POLICY_DETECTOR_NAMES.join(', ')}`);
    }
  }
  return DETECTORS.filter((detector) => wanted.has(detector.name));
}
