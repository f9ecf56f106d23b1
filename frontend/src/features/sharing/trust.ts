/**
 * Whether a peer's keys are the ones this phone met first (trust on first use) and
 * whether the two people compared safety numbers. A fingerprint that changes is never
 * accepted quietly: the person is told, and must compare numbers again.
 */
import { api } from '../../lib/api';
import type { Schemas } from '../../lib/api';
import { nowIso } from '../../lib/clock';
import { fromBase64Url, toBase64Url } from '../../lib/crypto/bytes';
import { fingerprint, importPublic } from '../../lib/crypto/identity';
import type { InviteFragment } from '../../lib/crypto/invite';
import { safetyNumber } from '../../lib/crypto/safety';
import { inviteSecrets } from '../../lib/invites';
import { KeyStepFailed, deviceKeys } from '../../lib/keyring';
import { type PeerPin, db } from '../../lib/store';
import { invitePin, joinerPin, judgeKeys, keysChangedMessage, pinFor } from './pins';

// The screens of this feature ask here for what invite links vouch for.
export { inviterMatches } from '../../lib/crypto/invite';
export { joinerMac } from '../../lib/keyring';

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
  const judged = judgeKeys(await store.get('pins', linkId), linkId, data, nowIso());
  if (judged.first) await store.put('pins', judged.pin);
  else if (judged.state === 'changed') throw new KeyStepFailed(keysChangedMessage(data.name));
  return importPublic(data.published);
}

/** The peer's keys now, checked against this phone's pin; the first sight pins them. */
export async function peerTrust(linkId: string): Promise<PeerTrust> {
  const mine = await deviceKeys();
  if (!mine) return { state: 'no-device-keys' };
  const { data, error } = await peerKeys(linkId);
  if (!data) return { state: 'no-keys', message: error };
  const store = await db();
  const judged = judgeKeys(await store.get('pins', linkId), linkId, data, nowIso());
  if (judged.first) await store.put('pins', judged.pin);
  const digits = await safetyNumber(
    { fingerprint: fromBase64Url(mine.fingerprint), accountId: mine.username },
    { fingerprint: fromBase64Url(data.fingerprint), accountId: data.name },
  );
  return { state: judged.state, name: data.name, digits };
}

/** The two people compared numbers and they matched: pin the keys they compared. */
export async function markVerified(linkId: string): Promise<void> {
  const { data } = await peerKeys(linkId);
  if (!data) return;
  await (await db()).put('pins', pinFor(linkId, data, true, nowIso()));
}

/** Every pin on this phone, for showing "verified" beside each peer without a request. */
export async function pins(): Promise<Map<string, PeerPin>> {
  return new Map((await (await db()).getAll('pins')).map((pin) => [pin.key, pin]));
}

/** Joined by a link whose fragment matched: the inviter's keys are verified from the start. */
export async function pinFromInvite(linkId: string, name: string, fragment: InviteFragment): Promise<void> {
  await (await db()).put('pins', invitePin(linkId, name, fragment, nowIso()));
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
    await store.put('pins', await joinerPin(peer.id, data, peer.key_mac, secrets, mine.fingerprint, nowIso()));
  }
}
