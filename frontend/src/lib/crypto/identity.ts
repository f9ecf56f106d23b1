/**
 * A person's identity: an ECDSA P-256 key pair that signs what they send, and an ECDH
 * P-256 key pair that others seal to. Their fingerprint — SHA-256 over both public keys —
 * is what an invite link carries and what safety numbers are made from, so a host that
 * swaps either key changes the fingerprint.
 */
import { concat, utf8 } from './bytes';

const SIGNING: EcKeyImportParams = { name: 'ECDSA', namedCurve: 'P-256' };
const SEALING: EcKeyImportParams = { name: 'ECDH', namedCurve: 'P-256' };
const SIGNATURE: EcdsaParams = { name: 'ECDSA', hash: 'SHA-256' };

export interface Identity {
  signing: CryptoKeyPair;
  sealing: CryptoKeyPair;
}

/** The public half, as it is published: both keys as uncompressed points. */
export interface PublicIdentity {
  signing: Uint8Array<ArrayBuffer>;
  sealing: Uint8Array<ArrayBuffer>;
}

/**
 * Fresh key pairs. `extractable` only while they are being wrapped for the server under
 * the account key; every copy a device keeps is imported non-extractable.
 */
export async function makeIdentity(extractable: boolean): Promise<Identity> {
  const signing = await crypto.subtle.generateKey(SIGNING, extractable, ['sign', 'verify']);
  const sealing = await crypto.subtle.generateKey(SEALING, extractable, ['deriveBits']);
  return { signing, sealing };
}

export async function publicIdentity(identity: Identity): Promise<PublicIdentity> {
  return {
    signing: new Uint8Array(await crypto.subtle.exportKey('raw', identity.signing.publicKey)),
    sealing: new Uint8Array(await crypto.subtle.exportKey('raw', identity.sealing.publicKey)),
  };
}

export async function fingerprint(identity: PublicIdentity): Promise<Uint8Array<ArrayBuffer>> {
  const digest = await crypto.subtle.digest(
    'SHA-256',
    concat(utf8('steady-identity-v1'), identity.signing, identity.sealing),
  );
  return new Uint8Array(digest);
}

/** Public keys another person published, ready to verify their signatures and seal to them. */
export async function importPublic(identity: PublicIdentity): Promise<{ verifying: CryptoKey; sealing: CryptoKey }> {
  return {
    verifying: await crypto.subtle.importKey('raw', identity.signing, SIGNING, true, ['verify']),
    sealing: await crypto.subtle.importKey('raw', identity.sealing, SEALING, true, []),
  };
}

/** A signature (IEEE P1363: r ‖ s, 64 bytes) over `message`. */
export async function sign(signing: CryptoKey, message: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await crypto.subtle.sign(SIGNATURE, signing, message));
}

export async function verify(
  verifying: CryptoKey,
  signature: Uint8Array<ArrayBuffer>,
  message: Uint8Array<ArrayBuffer>,
): Promise<boolean> {
  return crypto.subtle.verify(SIGNATURE, verifying, signature, message);
}
