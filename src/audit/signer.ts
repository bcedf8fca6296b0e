/**
 * The batch signer: Ed25519 over canonical JSON (node:crypto). A `Signer` is
 * what the spool writer needs; `device-key.ts` makes the device's own.
 */
import { createHash, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';

export interface Signer {
  /** First 32 hex digits of the SHA-256 of the raw public key. */
  readonly keyId: string;
  /** Raw 32-byte Ed25519 public key, base64url. */
  readonly publicKey: string;
  /** Ed25519 signature of `data`, base64url. */
  sign(data: string): string;
}

/** Key id of a raw public key given as base64url. */
export function keyIdOf(publicKey: string): string {
  return createHash('sha256').update(Buffer.from(publicKey, 'base64url')).digest('hex').slice(0, 32);
}

/** A signer for an Ed25519 private key. */
export function createSigner(privateKey: KeyObject): Signer {
  const jwk = createPublicKey(privateKey).export({ format: 'jwk' });
  if (jwk.crv !== 'Ed25519' || typeof jwk.x !== 'string') throw new TypeError('expected an Ed25519 private key');
  const publicKey = jwk.x;
  return {
    keyId: keyIdOf(publicKey),
    publicKey,
    sign: (data) => sign(null, Buffer.from(data, 'utf8'), privateKey).toString('base64url'),
  };
}

/**
 * Checks an Ed25519 signature made by `publicKey` (raw, base64url). Untrusted
 * input: a malformed key or signature is simply `false`.
 */
export function verifySignature(publicKey: string, data: string, signature: string): boolean {
  try {
    const key = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: publicKey }, format: 'jwk' });
    return verify(null, Buffer.from(data, 'utf8'), key, Buffer.from(signature, 'base64url'));
  } catch {
    return false;
  }
}
