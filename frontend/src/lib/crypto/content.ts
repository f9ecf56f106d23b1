/**
 * Content under a one-time key: AES-256-GCM with a random nonce, the plaintext padded to a
 * size bucket first so the stored length says little about what was written (a one-word
 * reply and a short note look alike). Associated data binds the ciphertext to its place:
 * moved to another summary or post it fails to open.
 */
import { concat, randomBytes } from './bytes';

const NONCE_BYTES = 12;
const BUCKET = 256;

/** ISO/IEC 7816-4 padding (0x80 then zeros) up to the next multiple of 256 bytes. */
export function pad(plaintext: Uint8Array): Uint8Array<ArrayBuffer> {
  const size = Math.ceil((plaintext.length + 1) / BUCKET) * BUCKET;
  const out = new Uint8Array(size);
  out.set(plaintext);
  out[plaintext.length] = 0x80;
  return out;
}

export function unpad(padded: Uint8Array): Uint8Array<ArrayBuffer> {
  let end = padded.length - 1;
  while (end >= 0 && padded[end] === 0) end -= 1;
  if (end < 0 || padded[end] !== 0x80) throw new Error('bad padding');
  return padded.slice(0, end);
}

export async function newContentKey(): Promise<Uint8Array<ArrayBuffer>> {
  return randomBytes(32);
}

async function aesKey(raw: Uint8Array<ArrayBuffer>, use: KeyUsage): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', raw, 'AES-GCM', false, [use]);
}

/** `nonce ‖ ciphertext` of the padded plaintext. */
export async function encryptContent(
  key: Uint8Array<ArrayBuffer>,
  plaintext: Uint8Array,
  aad: Uint8Array<ArrayBuffer>,
): Promise<Uint8Array<ArrayBuffer>> {
  const nonce = randomBytes(NONCE_BYTES);
  const sealed = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv: nonce, additionalData: aad },
    await aesKey(key, 'encrypt'),
    pad(plaintext),
  );
  return concat(nonce, new Uint8Array(sealed));
}

export async function decryptContent(
  key: Uint8Array<ArrayBuffer>,
  box: Uint8Array<ArrayBuffer>,
  aad: Uint8Array<ArrayBuffer>,
): Promise<Uint8Array<ArrayBuffer>> {
  const opened = await crypto.subtle.decrypt(
    { name: 'AES-GCM', iv: box.slice(0, NONCE_BYTES), additionalData: aad },
    await aesKey(key, 'decrypt'),
    box.slice(NONCE_BYTES),
  );
  return unpad(new Uint8Array(opened));
}
