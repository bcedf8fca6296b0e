/**
 * The names a policy's `masking.detectors` accepts: each detector's name and
 * the group of national identifiers. Kept apart from `registry.ts` so that
 * policy validation can check names without loading the detectors (and the
 * phone numbering plans); a test keeps the two in step.
 */
export const DETECTOR_NAMES = [
  'email', 'phone', 'iban', 'credit_card', 'ip',
  'de_steuer_id', 'fr_nir', 'es_dni_nie', 'it_codice_fiscale', 'nl_bsn', 'pl_pesel', 'se_personnummer', 'uk_nino',
  'be_national_number', 'cz_sk_birth_number', 'fi_hetu', 'pt_nif', 'hr_oib', 'bg_egn',
  'at_svnr', 'de_svnr',
  'ro_cnp', 'ee_lt_personal_code', 'ie_ppsn',
  'no_fodselsnummer', 'dk_cpr', 'de_kvnr',
  'gr_amka', 'si_emso', 'ch_ahv',
  'mrz',
  'us_ssn',
  'national_id',
] as const;

/** The group of the national identifiers of the EU, the UK, Norway and Switzerland, and of any national identifier under a key that names one (`national_id`). */
export const NATIONAL_ID_GROUP = 'eu_national_ids';

/** Every name `masking.detectors` accepts. */
export const POLICY_DETECTOR_NAMES: readonly string[] = [...DETECTOR_NAMES, NATIONAL_ID_GROUP];
