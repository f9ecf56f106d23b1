/**
 * The account key and what it protects. A random 32-byte account key is stored on the
 * server wrapped twice: by the master key (from the passphrase) and by the recovery key
 * (shown once, kept by the person). There is no third wrapping: an administrator who
 * could recover accounts could read them. Identity private keys travel the same way,
 * encrypted under the account key.
 */
import { concat, randomBytes } from './bytes';

const NONCE_BYTES = 12;
/** Crockford's base32: no I, L, O or U to misread. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

async function aesKey(raw: Uint8Array<ArrayBuffer>): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', raw, 'AES-GCM', false, ['encrypt', 'decrypt']);
}

/** `nonce ‖ ciphertext` of `secret` under `key`, labelled by `purpose` (associated data). */
export async function wrapUnder(
  key: CryptoKey | Uint8Array<ArrayBuffer>,
  secret: Uint8Array<ArrayBuffer>,
  purpose: Uint8Array<ArrayBuffer>,
): Promise<Uint8Array<ArrayBuffer>> {
  const nonce = randomBytes(NONCE_BYTES);
  const usable = key instanceof Uint8Array ? await aesKey(key) : key;
  return concat(
    nonce,
    new Uint8Array(
      await crypto.subtle.encrypt({ name: 'AES-GCM', iv: nonce, additionalData: purpose }, usable, secret),
    ),
  );
}

export async function unwrapUnder(
  key: CryptoKey | Uint8Array<ArrayBuffer>,
  wrapped: Uint8Array<ArrayBuffer>,
  purpose: Uint8Array<ArrayBuffer>,
): Promise<Uint8Array<ArrayBuffer>> {
  const usable = key instanceof Uint8Array ? await aesKey(key) : key;
  const opened = await crypto.subtle.decrypt(
    { name: 'AES-GCM', iv: wrapped.slice(0, NONCE_BYTES), additionalData: purpose },
    usable,
    wrapped.slice(NONCE_BYTES),
  );
  return new Uint8Array(opened);
}

export function newAccountKey(): Uint8Array<ArrayBuffer> {
  return randomBytes(32);
}

/** A recovery key to write down: 160 random bits as eight groups of four characters. */
export function newRecoveryKey(): string {
  const bytes = randomBytes(20);
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return out.match(/.{4}/g)!.join('-');
}

/** The recovery key's bytes, forgiving case, spaces, dashes and look-alike letters. */
export function parseRecoveryKey(text: string): Uint8Array<ArrayBuffer> | null {
  const clean = text.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (clean.length !== 32 || [...clean].some((char) => !ALPHABET.includes(char))) return null;
  const out = new Uint8Array(20);
  let bits = 0;
  let value = 0;
  let at = 0;
  for (const char of clean) {
    value = (value << 5) | ALPHABET.indexOf(char);
    bits += 5;
    if (bits >= 8) {
      out[at++] = (value >>> (bits - 8)) & 255;
      bits -= 8;
    }
  }
  return out;
}

/** The AES key a recovery key stands for (HKDF, so its raw bits are never used directly). */
export async function recoveryWrappingKey(recovery: Uint8Array<ArrayBuffer>): Promise<CryptoKey> {
  const base = await crypto.subtle.importKey('raw', recovery, 'HKDF', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(), info: new TextEncoder().encode('steady recovery key v1') },
    base,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}
