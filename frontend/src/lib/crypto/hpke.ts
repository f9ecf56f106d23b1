/**
 * Sealing to one person's public key: HPKE (RFC 9180) in base mode with DHKEM(P-256,
 * HKDF-SHA256), HKDF-SHA256 and AES-256-GCM, by @hpke/core on WebCrypto. What is sealed
 * is always a small random key, never content; the `info` binds it to where it belongs
 * (which summary, which circle and epoch), so a sealed key moved elsewhere will not open.
 * A sealed key is `enc ‖ ciphertext`, the single-shot form Python's `cryptography` HPKE
 * reads, so server-side tests can open what a phone sealed with test keys.
 */
import { Aes256Gcm, CipherSuite, DhkemP256HkdfSha256, HkdfSha256 } from '@hpke/core';

import { concat } from './bytes';

export const suite = new CipherSuite({ kem: new DhkemP256HkdfSha256(), kdf: new HkdfSha256(), aead: new Aes256Gcm() });

/** The encapsulated key's size for P-256 (an uncompressed point). */
export const ENC_BYTES = 65;

/** Seal `plaintext` so only the holder of `recipient`'s private key can open it. */
export async function sealTo(
  recipient: CryptoKey,
  plaintext: Uint8Array<ArrayBuffer>,
  info: Uint8Array<ArrayBuffer>,
): Promise<Uint8Array<ArrayBuffer>> {
  const sealed = await suite.seal({ recipientPublicKey: recipient, info }, plaintext);
  return concat(new Uint8Array(sealed.enc), new Uint8Array(sealed.ct));
}

/**
 * Open what was sealed to `recipient` (the pair: HPKE needs the public half too, and a
 * non-extractable private key cannot give it). Throws if the `info` differs or anything
 * was changed.
 */
export async function openSealed(
  recipient: CryptoKeyPair,
  sealed: Uint8Array<ArrayBuffer>,
  info: Uint8Array<ArrayBuffer>,
): Promise<Uint8Array<ArrayBuffer>> {
  if (sealed.length <= ENC_BYTES) throw new Error('sealed key too short');
  const opened = await suite.open(
    { recipientKey: recipient, enc: sealed.slice(0, ENC_BYTES), info },
    sealed.slice(ENC_BYTES),
  );
  return new Uint8Array(opened);
}
