/**
 * Whether a value is one e-mail address and nothing else: a mailbox's
 * address as Zendesk and Mailgun write it under `address`, which tells that
 * the record around it is the mailbox's (see `Masker`, and
 * `recordLine` in `key-value-text.ts` for a record in text). A local part of up to
 * 64 characters, `@`, a domain whose last label is letters; at most 254
 * characters in all (RFC 5321).
 */
export function isEmailAddress(value: string): boolean {
  return value.length <= MAX_EMAIL_CHARS && EMAIL_SHAPE.test(value);
}

/** The longest e-mail address (RFC 5321's path limit less its brackets). */
export const MAX_EMAIL_CHARS = 254;

const EMAIL_SHAPE = /^[^\s@<>()"]{1,64}@[^\s@<>()"]+\.[A-Za-z]{2,63}$/;
