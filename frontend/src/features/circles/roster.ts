/**
 * The rules a circle's rosters are believed by, apart from fetching and keeping them
 * (keys.ts). A roster — the member ids and fingerprints a circle key was sealed to — is
 * believed only for the very next epoch after one already believed, signed by someone on
 * that previous roster whose keys match the fingerprint there. The first roster is
 * anchored by the invite link's fingerprint of the inviter or, joined by code or on a new
 * device, by the person's own place on it. Anything else — a roster the host added to,
 * replayed, rolled back, or a gap in the chain — is refused.
 */
import type { Schemas } from '../../lib/api';
import { concat, fromBase64Url, toBase64Url, utf8 } from '../../lib/crypto/bytes';
import { NotAuthentic, context } from '../../lib/crypto/envelope';
import { fingerprint, importPublic, verify } from '../../lib/crypto/identity';
import { macVouches } from '../../lib/crypto/invite';

type Epoch = Schemas['EpochView'];

/** Member id -> fingerprint, as one signed roster has it. */
export type Roster = Record<string, string>;

/** Every roster this phone believed, by epoch, with the digest of what was signed. */
export interface RosterPin {
  rosters: Record<string, { members: Roster; digest: string }>;
}

/** Whose word starts the chain: this person's place, and the inviter the link vouched for. */
export interface Believer {
  me: number;
  myFingerprint: string;
  /** The inviter's fingerprint from the invite link, if joined by one. */
  inviter?: string;
}

export const TAMPERED =
  "This circle's member list changed without the signature of anyone in it, so this phone won't send or open anything in it. Tell the others; it may mean whoever runs Steady tried to add someone.";
export const REPLAYED =
  "An old key of this circle was handed out as a new one, so this phone won't send or open anything with it. Tell the others; it may mean whoever runs Steady replayed an old key.";
export const ROLLED_BACK =
  "This circle's keys went back to an older set, so this phone won't send anything in it. Tell the others; it may mean whoever runs Steady replayed an old key.";

/** What a roster's maker signs: the place, the roster exactly as sent and every sealed key. */
export function signedPart(
  circleId: string,
  epoch: number,
  roster: string,
  keys: Record<string, string>,
): Uint8Array<ArrayBuffer> {
  const sealed = Object.keys(keys)
    .sort()
    .map((id) => [id, keys[id]]);
  return concat(context('circle-roster', circleId, epoch), utf8(roster), utf8(JSON.stringify(sealed)));
}

/** A roster as its maker writes and signs it. */
export function rosterText(circleId: string, epoch: number, roster: Roster): string {
  return JSON.stringify({
    v: 1,
    circle: circleId,
    epoch,
    members: Object.entries(roster).map(([member, print]) => ({ member: Number(member), fingerprint: print })),
  });
}

async function digestOf(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  return toBase64Url(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes)));
}

function parseRoster(circleId: string, epoch: Epoch): Roster {
  const parsed = JSON.parse(epoch.roster) as {
    circle: string;
    epoch: number;
    members: { member: number; fingerprint: string }[];
  };
  if (parsed.circle !== circleId || parsed.epoch !== epoch.epoch) throw new NotAuthentic(REPLAYED);
  return Object.fromEntries(parsed.members.map((m) => [String(m.member), m.fingerprint]));
}

/** Whether ``signer`` (with keys of fingerprint ``signerPrint``) may make the roster after the last one believed. */
export function signerTrusted(
  previous: Roster | undefined,
  last: number,
  roster: Roster,
  signer: number,
  signerPrint: string,
  believer: Believer,
): boolean {
  if (previous) return previous[String(signer)] === signerPrint;
  if (last > 0) return false; // a gap: an epoch is missing from the chain
  if (believer.inviter) return believer.inviter === signerPrint;
  return roster[String(believer.me)] === believer.myFingerprint; // by code or a new device: first use
}

/**
 * Follow the signed rosters from the last one this phone believed: ``pin`` and
 * ``believed`` gain each roster that follows, and the last epoch believed is returned.
 * Throws NotAuthentic (in words for the person) at the first roster that doesn't follow.
 */
export async function followRosters(
  circleId: string,
  epochs: Epoch[],
  pin: RosterPin,
  believed: Map<number, Roster>,
  believer: Believer,
): Promise<number> {
  const held = Object.keys(pin.rosters).map(Number);
  let last = held.length ? Math.max(...held) : 0;
  for (const [epoch, kept] of Object.entries(pin.rosters)) believed.set(Number(epoch), kept.members);
  for (const epoch of epochs) {
    const signed = signedPart(circleId, epoch.epoch, epoch.roster, epoch.keys);
    const digest = await digestOf(signed);
    const kept = pin.rosters[String(epoch.epoch)];
    if (kept) {
      if (kept.digest !== digest) throw new NotAuthentic(TAMPERED);
      continue;
    }
    if (epoch.epoch <= last) throw new NotAuthentic(TAMPERED);
    const roster = parseRoster(circleId, epoch);
    const signerKeys = {
      signing: fromBase64Url(epoch.signer_signing_public),
      sealing: fromBase64Url(epoch.signer_sealing_public),
    };
    const signerPrint = toBase64Url(await fingerprint(signerKeys));
    const trusted = signerTrusted(believed.get(epoch.epoch - 1), last, roster, epoch.signer, signerPrint, believer);
    const { verifying } = await importPublic(signerKeys);
    if (!trusted || !(await verify(verifying, fromBase64Url(epoch.signature), signed))) {
      throw new NotAuthentic(TAMPERED);
    }
    believed.set(epoch.epoch, roster);
    pin.rosters[String(epoch.epoch)] = { members: roster, digest };
    last = epoch.epoch;
  }
  return last;
}

/** The server's current epoch may not go back before the last roster this phone believed. */
export function refuseRollback(current: number, last: number): void {
  if (current < last) throw new NotAuthentic(ROLLED_BACK);
}

/** What choosing the next roster needs to know of this phone's keyring. */
export interface RingView {
  me: number;
  mine: { fingerprint: string };
  rosters: Map<number, Roster>;
  /** Members' keys as fetched, with the fingerprint computed here. */
  members: Map<number, { fingerprint: string }>;
  notice?: string;
}

/**
 * Who the next key is for: everyone on the current roster still here (with the keys the
 * roster pinned), plus newcomers this phone may let in and whose keys check out: only the
 * member who invited someone lets them in (anyone may, if that member left), after
 * checking the newcomer's keys against the MAC made with one of ``secrets`` (this phone's
 * invite links). Null when the roster stays as it is.
 */
export async function nextRoster(
  answer: Pick<Schemas['CircleKeys'], 'epoch' | 'members'>,
  ring: RingView,
  secrets: string[],
): Promise<{ roster: Roster; waiting: string[] } | null> {
  const current = ring.rosters.get(answer.epoch) ?? {};
  const roster: Roster = {};
  const waiting: string[] = [];
  const here = new Set(answer.members.map((m) => m.member));
  for (const member of answer.members) {
    const keys = ring.members.get(member.member);
    const pinned = current[String(member.member)];
    if (pinned) {
      if (keys?.fingerprint !== pinned)
        throw new NotAuthentic(
          `${member.name}'s keys changed since the circle's key was sealed to them, so this phone won't make a new one. Ask them to leave and be invited again.`,
        );
      roster[String(member.member)] = pinned;
      continue;
    }
    const mineToLetIn =
      answer.epoch === 0 || member.invited_by === ring.me || member.invited_by === null || !here.has(member.invited_by);
    if (!keys || !mineToLetIn) {
      waiting.push(member.name);
      continue;
    }
    if (member.key_mac) {
      const matched = await macVouches(secrets, member.key_mac, keys.fingerprint, ring.mine.fingerprint);
      if (!matched && member.invited_by === ring.me) {
        waiting.push(member.name);
        ring.notice = `${member.name}'s keys don't match your invite link, so they aren't let in. Send them a new invite in person; it may mean whoever runs Steady tried to listen in.`;
        continue;
      }
    }
    roster[String(member.member)] = keys.fingerprint;
  }
  const same =
    Object.keys(roster).length === Object.keys(current).length && Object.keys(roster).every((id) => current[id]);
  return same ? null : { roster, waiting };
}
