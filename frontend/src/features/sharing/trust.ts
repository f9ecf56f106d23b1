/**
 * Whether a peer's keys are the ones this phone met first (trust on first use) and
 * whether the two people compared safety numbers. A fingerprint that changes is never
 * accepted quietly: the person is told, and must compare numbers again.
 */
import { api } from '../../lib/api';
import type { Schemas } from '../../lib/api';
import { fromBase64Url, toBase64Url, utf8 } from '../../lib/crypto/bytes';
import { inviteSecrets } from '../../lib/invites';
import { fingerprint, importPublic } from '../../lib/crypto/identity';
import { KeyStepFailed } from '../../lib/crypto/keyring';
import { deviceKeys } from '../../lib/crypto/keyring';
import { safetyNumber } from '../../lib/crypto/safety';
import { type PeerPin, db } from '../../lib/store';
import { nowIso } from '../../lib/clock';

export type PeerTrust =
  | { state: 'verified' | 'unverified'; name: string; digits: string[] }
  | { state: 'changed'; name: string; digits: string[] }
  | { state: 'no-keys'; message: string }
  | { state: 'no-device-keys' };

/** A peer's keys as the server gives them, with the fingerprint computed here from the
 * keys themselves (the server's own copy of it is never trusted). */
async function peerKeys(linkId: string) {
  const answer = await api.GET('/api/sharing/peers/{peer_id}/keys', { params: { path: { peer_id: linkId } } });
  if (!answer.data)
    return { error: (answer.error as { detail?: string } | undefined)?.detail ?? "Their keys couldn't be fetched." };
  const { name, signing_public, sealing_public } = answer.data;
  const published = { signing: fromBase64Url(signing_public), sealing: fromBase64Url(sealing_public) };
  return { data: { name, published, fingerprint: toBase64Url(await fingerprint(published)) } };
}

/**
 * A peer's keys to seal to and verify with — only the ones this phone pinned: keys that
 * changed since are refused until the two compare safety numbers again.
 */
export async function trustedPeerKeys(linkId: string): Promise<{ verifying: CryptoKey; sealing: CryptoKey }> {
  const { data, error } = await peerKeys(linkId);
  if (!data) throw new KeyStepFailed(error);
  const store = await db();
  const pin = await store.get('pins', linkId);
  if (!pin)
    await store.put('pins', {
      key: linkId,
      name: data.name,
      fingerprint: data.fingerprint,
      verified: false,
      pinnedAt: nowIso(),
    });
  else if (pin.fingerprint !== data.fingerprint) {
    throw new KeyStepFailed(
      `${data.name}'s keys have changed since this phone first met them, so nothing is sent or opened for now. Compare safety numbers with ${data.name} first.`,
    );
  }
  return importPublic(data.published);
}

/** The peer's keys now, checked against this phone's pin; the first sight pins them. */
export async function peerTrust(linkId: string): Promise<PeerTrust> {
  const mine = await deviceKeys();
  if (!mine) return { state: 'no-device-keys' };
  const { data, error } = await peerKeys(linkId);
  if (!data) return { state: 'no-keys', message: error };
  const store = await db();
  let pin = await store.get('pins', linkId);
  if (!pin) {
    pin = {
      key: linkId,
      name: data.name,
      fingerprint: data.fingerprint,
      verified: false,
      pinnedAt: nowIso(),
    };
    await store.put('pins', pin);
  }
  const digits = await safetyNumber(
    { fingerprint: fromBase64Url(mine.fingerprint), accountId: mine.username },
    { fingerprint: fromBase64Url(data.fingerprint), accountId: data.name },
  );
  if (pin.fingerprint !== data.fingerprint) return { state: 'changed', name: data.name, digits };
  return { state: pin.verified ? 'verified' : 'unverified', name: data.name, digits };
}

/** The two people compared numbers and they matched: pin the keys they compared. */
export async function markVerified(linkId: string): Promise<void> {
  const { data } = await peerKeys(linkId);
  if (!data) return;
  await (await db()).put('pins', {
    key: linkId,
    name: data.name,
    fingerprint: data.fingerprint,
    verified: true,
    pinnedAt: nowIso(),
  });
}

/** Every pin on this phone, for showing "verified" beside each peer without a request. */
export async function pins(): Promise<Map<string, PeerPin>> {
  return new Map((await (await db()).getAll('pins')).map((pin) => [pin.key, pin]));
}

/** What an invite link's fragment carries: the inviter's fingerprint and a secret. */
export interface InviteFragment {
  f: string;
  s: string;
}

/** HMAC over the joiner's and inviter's fingerprints, keyed (through HKDF) by the link's
 * secret: only someone who had the link can make it, and only for these keys. */
export async function inviteMac(secret: string, joiner: string, inviter: string): Promise<string> {
  const base = await crypto.subtle.importKey('raw', fromBase64Url(secret), 'HKDF', false, ['deriveKey']);
  const key = await crypto.subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(), info: utf8('steady invite mac v1') },
    base,
    { name: 'HMAC', hash: 'SHA-256', length: 256 },
    false,
    ['sign'],
  );
  return toBase64Url(new Uint8Array(await crypto.subtle.sign('HMAC', key, utf8(`${joiner}|${inviter}`))));
}

/** Whether the keys the server gave for the inviter are the ones the link vouches for. */
export async function inviterMatches(
  preview: { inviter_signing_public?: string | null; inviter_sealing_public?: string | null },
  fragment: InviteFragment,
): Promise<boolean> {
  if (!preview.inviter_signing_public || !preview.inviter_sealing_public) return false;
  const computed = await fingerprint({
    signing: fromBase64Url(preview.inviter_signing_public),
    sealing: fromBase64Url(preview.inviter_sealing_public),
  });
  return toBase64Url(computed) === fragment.f;
}

/** The joiner's MAC to send with "Accept", if this phone holds keys. */
export async function joinerMac(fragment: InviteFragment): Promise<string | undefined> {
  const mine = await deviceKeys();
  return mine ? inviteMac(fragment.s, mine.fingerprint, fragment.f) : undefined;
}

/** Joined by a link whose fragment matched: the inviter's keys are verified from the start. */
export async function pinFromInvite(linkId: string, name: string, fragment: InviteFragment): Promise<void> {
  await (await db()).put('pins', {
    key: linkId,
    name,
    fingerprint: fragment.f,
    verified: true,
    pinnedAt: nowIso(),
  });
}

/**
 * The inviter's side: people who joined by one of this phone's links sent a MAC; keys
 * that match it (for some secret kept here) are verified, any others only pinned.
 */
export async function checkJoiners(peers: Schemas['PeerView'][]): Promise<void> {
  const mine = await deviceKeys();
  if (!mine) return;
  const secrets = await inviteSecrets();
  const store = await db();
  for (const peer of peers) {
    if (!peer.invited_by_me || !peer.key_mac || (await store.get('pins', peer.id))) continue;
    const { data } = await peerKeys(peer.id);
    if (!data) continue;
    let verified = false;
    for (const secret of secrets)
      if ((await inviteMac(secret, data.fingerprint, mine.fingerprint)) === peer.key_mac) verified = true;
    await store.put('pins', {
      key: peer.id,
      name: data.name,
      fingerprint: data.fingerprint,
      verified,
      pinnedAt: nowIso(),
    });
  }
}
