import type { MaskingPolicy } from '../policy/policy.js';

/** JSON keys masked whole by default: direct identifiers that no detector can validate. */
export const DEFAULT_MASKED_FIELDS: readonly string[] = ['first_name', 'last_name', 'full_name', 'date_of_birth', 'dob', 'home_address'];

/**
 * The masking used when no policy says otherwise: every detector, the
 * default fields, pseudonyms, in both the client stream and the audit trail.
 */
export function defaultMasking(): MaskingPolicy {
  return {
    in: ['client', 'audit'],
    detectors: ['email', 'phone', 'iban', 'credit_card', 'ip', 'eu_national_ids', 'us_ssn'],
    fields: [...DEFAULT_MASKED_FIELDS],
    style: 'pseudonym',
  };
}
