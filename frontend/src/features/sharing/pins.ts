/**
 * What this phone makes of a peer's keys, apart from where pins are kept and where keys
 * come from (trust.ts): keys are pinned on first sight (trust on first use), a key that
 * changed is flagged and never taken quietly, and a pin is verified only when the two
 * people compared safety numbers or an invite link vouched for the keys.
 */
import { type InviteFragment, macVouches } from '../../lib/crypto/invite';
import type { PeerPin } from '../../lib/store';

/** A peer's keys as seen now: the fingerprint is computed here from the keys themselves. */
export interface SeenKeys {
  name: string;
  fingerprint: string;
}

export type PinState = 'verified' | 'unverified' | 'changed';

/** The pin for ``seen`` keys, made at ``at`` (ISO). */
export function pinFor(linkId: string, seen: SeenKeys, verified: boolean, at: string): PeerPin {
  return { key: linkId, name: seen.name, fingerprint: seen.fingerprint, verified, pinnedAt: at };
}

/**
 * A peer's keys now against this phone's pin: the first sight pins them, unverified
 * (``first``: the pin is new and is to be kept); keys other than the pinned ones are
 * "changed", whatever was verified before.
 */
export function judgeKeys(
  pin: PeerPin | undefined,
  linkId: string,
  seen: SeenKeys,
  at: string,
): { pin: PeerPin; first: boolean; state: PinState } {
  const kept = pin ?? pinFor(linkId, seen, false, at);
  const state = kept.fingerprint !== seen.fingerprint ? 'changed' : kept.verified ? 'verified' : 'unverified';
  return { pin: kept, first: !pin, state };
}

/** Why nothing is sent to or opened from a peer whose keys changed. */
export function keysChangedMessage(name: string): string {
  return `${name}'s keys have changed since this phone first met them, so nothing is sent or opened for now. Compare safety numbers with ${name} first.`;
}

/** Joined by a link whose fragment matched: the inviter's keys are verified from the start. */
export function invitePin(linkId: string, name: string, fragment: InviteFragment, at: string): PeerPin {
  return pinFor(linkId, { name, fingerprint: fragment.f }, true, at);
}

/**
 * The inviter's side: someone who joined by one of this phone's links sent a MAC; their
 * keys are pinned verified if it matches for a secret kept here, else only pinned.
 */
export async function joinerPin(
  linkId: string,
  seen: SeenKeys,
  mac: string,
  secrets: string[],
  myFingerprint: string,
  at: string,
): Promise<PeerPin> {
  return pinFor(linkId, seen, await macVouches(secrets, mac, seen.fingerprint, myFingerprint), at);
}
