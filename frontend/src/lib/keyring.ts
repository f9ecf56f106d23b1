/**
 * A person's keys on this device: made at sign-up (or when an older account moves over),
 * unwrapped at sign-in on any device, re-wrapped when the passphrase changes, and reached
 * with the recovery key when it is forgotten. The server only ever receives public keys
 * and wrapped or encrypted secrets; each device keeps the identity as non-extractable
 * WebCrypto keys in IndexedDB (the page and the service worker can use them, nothing can
 * read them out).
 */
import { api, describeError } from './api';
import { type DeviceKeys, db } from './store';
import { fromBase64Url, fromUtf8, toBase64Url, toHex, utf8 } from './crypto/bytes';
import { makeIdentity, publicIdentity, fingerprint as fingerprintOf } from './crypto/identity';
import { type InviteFragment, inviteMac } from './crypto/invite';
import {
  newAccountKey,
  newRecoveryKey,
  parseRecoveryKey,
  recoveryWrappingKey,
  unwrapUnder,
  wrapUnder,
} from './crypto/wrap';

const ACCOUNT_KEY = utf8('steady account key v1');
const IDENTITY = utf8('steady identity v1');
const SIGNING: EcKeyImportParams = { name: 'ECDSA', namedCurve: 'P-256' };
const SEALING: EcKeyImportParams = { name: 'ECDH', namedCurve: 'P-256' };

/** Raised when the server refused a key step; `message` is a sentence for the person. */
export class KeyStepFailed extends Error {}

interface IdentitySecrets {
  signing: string;
  sealing: string;
}

/** What a recovery key proves itself with (the server keeps only its SHA-256). */
async function recoveryProof(recovery: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> {
  const base = await crypto.subtle.importKey('raw', recovery, 'HKDF', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits(
    { name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(), info: utf8('steady recovery proof v1') },
    base,
    256,
  );
  return new Uint8Array(bits);
}

async function keepOnDevice(
  username: string,
  secrets: IdentitySecrets,
  signingPublic: string,
  sealingPublic: string,
): Promise<DeviceKeys> {
  const importPair = async (
    privatePkcs8: string,
    publicRaw: string,
    params: EcKeyImportParams,
    uses: KeyUsage[],
    publicUses: KeyUsage[],
  ) => ({
    privateKey: await crypto.subtle.importKey('pkcs8', fromBase64Url(privatePkcs8), params, false, uses),
    publicKey: await crypto.subtle.importKey('raw', fromBase64Url(publicRaw), params, true, publicUses),
  });
  const keys: DeviceKeys = {
    key: 'mine',
    username: username.trim().toLowerCase(),
    signing: await importPair(secrets.signing, signingPublic, SIGNING, ['sign'], ['verify']),
    sealing: await importPair(secrets.sealing, sealingPublic, SEALING, ['deriveBits'], []),
    signingPublic,
    sealingPublic,
    fingerprint: toBase64Url(
      await fingerprintOf({ signing: fromBase64Url(signingPublic), sealing: fromBase64Url(sealingPublic) }),
    ),
  };
  await (await db()).put('keys', keys);
  return keys;
}

/**
 * Make a person's keys, store them wrapped on the server and keep them on this device.
 * Returns the recovery key, to be shown once: nothing else can open the keys without the
 * passphrase.
 */
export async function createKeys(username: string, masterKey: CryptoKey): Promise<string> {
  const accountKey = newAccountKey();
  const identity = await makeIdentity(true);
  const published = await publicIdentity(identity);
  const secrets: IdentitySecrets = {
    signing: toBase64Url(new Uint8Array(await crypto.subtle.exportKey('pkcs8', identity.signing.privateKey))),
    sealing: toBase64Url(new Uint8Array(await crypto.subtle.exportKey('pkcs8', identity.sealing.privateKey))),
  };
  const recovery = newRecoveryKey();
  const recoveryBytes = parseRecoveryKey(recovery)!;
  const proof = await recoveryProof(recoveryBytes);
  const bundle = {
    signing_public: toBase64Url(published.signing),
    sealing_public: toBase64Url(published.sealing),
    wrapped_by_master: toBase64Url(await wrapUnder(masterKey, accountKey, ACCOUNT_KEY)),
    wrapped_by_recovery: toBase64Url(
      await wrapUnder(await recoveryWrappingKey(recoveryBytes), accountKey, ACCOUNT_KEY),
    ),
    sealed_identity: toBase64Url(await wrapUnder(accountKey, utf8(JSON.stringify(secrets)), IDENTITY)),
    recovery_check: toHex(new Uint8Array(await crypto.subtle.digest('SHA-256', proof))),
  };
  const { error, response } = await api.PUT('/api/keys/me', { body: bundle });
  if (!response.ok) throw new KeyStepFailed(describeError(error));
  await keepOnDevice(username, secrets, bundle.signing_public, bundle.sealing_public);
  return recovery;
}

async function openIdentity(accountKey: Uint8Array<ArrayBuffer>, sealedIdentity: string): Promise<IdentitySecrets> {
  return JSON.parse(
    fromUtf8(await unwrapUnder(accountKey, fromBase64Url(sealedIdentity), IDENTITY)),
  ) as IdentitySecrets;
}

/**
 * Signed in on this device: fetch the wrapped keys and open them with the master key.
 * Returns false when the account has no keys yet (it is new, or moved over just now).
 */
export async function unlockKeys(username: string, masterKey: CryptoKey): Promise<boolean> {
  const { data, response } = await api.GET('/api/keys/me');
  if (response.status === 404) return false;
  if (!data) throw new KeyStepFailed("Your keys couldn't be fetched. Please try again.");
  const accountKey = await unwrapUnder(masterKey, fromBase64Url(data.wrapped_by_master), ACCOUNT_KEY);
  await keepOnDevice(
    username,
    await openIdentity(accountKey, data.sealed_identity),
    data.signing_public,
    data.sealing_public,
  );
  return true;
}

/** The account key, opened with the current passphrase's master key (checks it, too). */
async function accountKeyUnder(masterKey: CryptoKey): Promise<Uint8Array<ArrayBuffer>> {
  const { data } = await api.GET('/api/keys/me');
  if (!data) throw new KeyStepFailed("Your keys couldn't be fetched. Please try again.");
  try {
    return await unwrapUnder(masterKey, fromBase64Url(data.wrapped_by_master), ACCOUNT_KEY);
  } catch {
    throw new KeyStepFailed("That isn't your current passphrase.");
  }
}

/** The same account key under a new passphrase: the body for `PUT /api/keys/login-key`. */
export async function rewrapForNewPassphrase(
  current: { loginKey: string; masterKey: CryptoKey },
  next: { loginKey: string; masterKey: CryptoKey },
) {
  const accountKey = await accountKeyUnder(current.masterKey);
  return {
    current_login_key: current.loginKey,
    new_login_key: next.loginKey,
    wrapped_by_master: toBase64Url(await wrapUnder(next.masterKey, accountKey, ACCOUNT_KEY)),
  };
}

/**
 * A forgotten passphrase: the recovery key opens the account key, which is wrapped again
 * under the new passphrase; every other device is signed out and this one signed in.
 */
export async function resetWithRecoveryKey(
  username: string,
  recoveryText: string,
  next: { loginKey: string; masterKey: CryptoKey },
) {
  const recovery = parseRecoveryKey(recoveryText);
  if (!recovery) throw new KeyStepFailed('A recovery key is 32 letters and numbers, in groups of four.');
  const proof = toBase64Url(await recoveryProof(recovery));
  const opened = await api.POST('/api/keys/recovery', { body: { username, recovery_proof: proof } });
  if (!opened.data) throw new KeyStepFailed(describeError(opened.error));
  const accountKey = await unwrapUnder(
    await recoveryWrappingKey(recovery),
    fromBase64Url(opened.data.wrapped_by_recovery),
    ACCOUNT_KEY,
  );
  const body = {
    username,
    recovery_proof: proof,
    new_login_key: next.loginKey,
    wrapped_by_master: toBase64Url(await wrapUnder(next.masterKey, accountKey, ACCOUNT_KEY)),
  };
  const reset = await api.POST('/api/keys/recovery/reset', { body });
  if (!reset.data) throw new KeyStepFailed(describeError(reset.error));
  await keepOnDevice(
    username,
    await openIdentity(accountKey, opened.data.sealed_identity),
    opened.data.signing_public,
    opened.data.sealing_public,
  );
  return reset.data;
}

/** This device's keys, if it holds them. */
export async function deviceKeys(): Promise<DeviceKeys | undefined> {
  return (await db()).get('keys', 'mine');
}

/** The joiner's MAC to send with "Accept" (or "Join") on an invite link, if this phone holds keys. */
export async function joinerMac(fragment: InviteFragment): Promise<string | undefined> {
  const mine = await deviceKeys();
  return mine ? inviteMac(fragment.s, mine.fingerprint, fragment.f) : undefined;
}
