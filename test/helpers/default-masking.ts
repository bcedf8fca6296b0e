import type { MaskingPolicy } from '../../src/policy/policy.js';

/**
 * The masking of the `gdpr-default` pack (test/policy/load.test.ts holds the
 * two alike), for tests and the bench that build a masker without loading a
 * policy: every detector, the default fields, pseudonyms, in both the client
 * stream and the audit trail.
 */
export function defaultMasking(): MaskingPolicy {
  return {
    in: ['client', 'audit'],
    detectors: ['email', 'phone', 'iban', 'credit_card', 'ip', 'eu_national_ids', 'us_ssn'],
    fields: ['first_name', 'last_name', 'full_name', 'date_of_birth', 'home_address', 'place_of_birth', 'id_document_number', 'card_security_code'],
    style: 'pseudonym',
  };
}
