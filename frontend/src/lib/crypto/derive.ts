/**
 * From a passphrase to two keys, on the phone (Standard Notes' scheme): Argon2id (64 MiB,
 * 3 passes) stretches it, then HKDF splits the result into a login key — sent instead of
 * the passphrase, and hashed by the server as passphrases are today — and a master key
 * that never leaves the device and unwraps the account key. The salt is the username and
 * a per-server seed, so the same passphrase on two servers gives unrelated keys.
 */
import { argon2id } from 'hash-wasm';

import { concat, toBase64Url, utf8 } from './bytes';

export const ARGON2 = { iterations: 3, memorySize: 64 * 1024, parallelism: 1, hashLength: 32 } as const;

export async function saltFor(username: string, serverSeed: string): Promise<Uint8Array<ArrayBuffer>> {
  const digest = await crypto.subtle.digest(
    'SHA-256',
    concat(utf8('steady-salt-v1\0'), utf8(username.trim().toLowerCase()), utf8('\0'), utf8(serverSeed)),
  );
  return new Uint8Array(digest).slice(0, 16);
}

/** The slow part (about a second on a phone): run it in a Worker, see `derive.worker.ts`. */
export async function stretch(passphrase: string, salt: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> {
  const out = await argon2id({ password: passphrase.normalize('NFC'), salt, ...ARGON2, outputType: 'binary' });
  return new Uint8Array(out);
}

export interface PassphraseKeys {
  /** Sent to the server in place of the passphrase (base64url). */
  loginKey: string;
  /** Wraps the account key; non-extractable, never stored. */
  masterKey: CryptoKey;
}

export async function splitKeys(stretched: Uint8Array<ArrayBuffer>): Promise<PassphraseKeys> {
  const base = await crypto.subtle.importKey('raw', stretched, 'HKDF', false, ['deriveBits', 'deriveKey']);
  const hkdf = (info: string): HkdfParams => ({
    name: 'HKDF',
    hash: 'SHA-256',
    salt: new Uint8Array(),
    info: utf8(info),
  });
  const login = new Uint8Array(await crypto.subtle.deriveBits(hkdf('steady login key v1'), base, 256));
  const masterKey = await crypto.subtle.deriveKey(
    hkdf('steady master key v1'),
    base,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
  return { loginKey: toBase64Url(login), masterKey };
}
