/**
 * A circle's keys on this phone. Each circle key (one per epoch) comes with a roster — the
 * member ids and fingerprints it was sealed to — signed by the member who made it. This
 * phone believes a roster only if it follows from one it already believed: signed by
 * someone on the previous roster (their keys checked against the fingerprint there), for
 * the very next epoch. The first roster it sees is anchored by the invite link (signed by
 * the inviter the link vouches for) or, joined by code or on a new device, by the person's
 * own place on it. A roster the host added to, rolled back or replayed is refused, and the
 * person is told. When the membership changed, this phone makes the next key for the
 * members there are now: anyone may drop someone who left; only the member who invited a
 * newcomer lets them in, after checking their keys against the invite link's MAC.
 */
import { type Schemas, api } from '../../lib/api';
import { concat, fromBase64Url, randomBytes, toBase64Url, utf8 } from '../../lib/crypto/bytes';
import { NotAuthentic, context } from '../../lib/crypto/envelope';
import { openSealed, sealTo } from '../../lib/crypto/hpke';
import { fingerprint, importPublic, sign, verify } from '../../lib/crypto/identity';
import { deviceKeys } from '../../lib/crypto/keyring';
import { inviteSecrets } from '../../lib/invites';
import { getMeta, setMeta } from '../../lib/store';
import type { DeviceKeys } from '../../lib/store';
import { inviteMac } from '../sharing/trust';

type Keys = Schemas['CircleKeys'];
type Epoch = Schemas['EpochView'];

/** Member id -> fingerprint, as one signed roster has it. */
type Roster = Record<string, string>;

interface Pin {
  /** Every roster this phone believed, by epoch, with the digest of what was signed. */
  rosters: Record<string, { members: Roster; digest: string }>;
}

/** What this phone can do in a circle now. */
export interface CircleKeyring {
  circleId: string;
  /** The epoch new posts are sealed under (0: none yet). */
  epoch: number;
  me: number;
  mine: DeviceKeys;
  /** The circle key of each epoch this phone holds. */
  keys: Map<number, Uint8Array<ArrayBuffer>>;
  rosters: Map<number, Roster>;
  /** Members' keys as fetched, with the fingerprint computed here. */
  members: Map<number, { name: string; fingerprint: string; verifying: CryptoKey; sealing: CryptoKey }>;
  /** Why nothing can be sent or opened, in words for the person (else undefined). */
  problem?: string;
  /** Something the person should know that doesn't stop the circle (a newcomer refused). */
  notice?: string;
  /** Someone waits for the member who invited them to let them in. */
  waiting: string[];
}

const pinKey = (circleId: string) => `circle-pin:${circleId}`;
const inviterKey = (circleId: string) => `circle-inviter:${circleId}`;

/** What a roster's maker signs: the place, the roster exactly as sent and every sealed key. */
function signedPart(
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

/** Remember, from the invite link, whose signature lets this phone into a circle. */
export async function expectInviter(circleId: string, inviterFingerprint: string): Promise<void> {
  await setMeta(inviterKey(circleId), inviterFingerprint);
}

const TAMPERED =
  "This circle's member list changed without the signature of anyone in it, so this phone won't send or open anything in it. Tell the others; it may mean whoever runs Steady tried to add someone.";
const REPLAYED =
  "An old key of this circle was handed out as a new one, so this phone won't send or open anything with it. Tell the others; it may mean whoever runs Steady replayed an old key.";
const ROLLED_BACK =
  "This circle's keys went back to an older set, so this phone won't send anything in it. Tell the others; it may mean whoever runs Steady replayed an old key.";

/** Follow the signed rosters from the last one this phone believed. */
async function believeRosters(
  circleId: string,
  answer: Keys,
  mine: DeviceKeys,
  me: number,
  ring: CircleKeyring,
): Promise<void> {
  const pin = (await getMeta<Pin>(pinKey(circleId))) ?? { rosters: {} };
  const anchor = await getMeta<string>(inviterKey(circleId));
  const believed = Object.keys(pin.rosters).map(Number);
  let last = believed.length ? Math.max(...believed) : 0;
  for (const [epoch, held] of Object.entries(pin.rosters)) ring.rosters.set(Number(epoch), held.members);
  for (const epoch of answer.epochs) {
    const signed = signedPart(circleId, epoch.epoch, epoch.roster, epoch.keys);
    const digest = await digestOf(signed);
    const held = pin.rosters[String(epoch.epoch)];
    if (held) {
      if (held.digest !== digest) throw new NotAuthentic(TAMPERED);
      continue;
    }
    if (epoch.epoch <= last) throw new NotAuthentic(TAMPERED);
    const roster = parseRoster(circleId, epoch);
    const signerKeys = {
      signing: fromBase64Url(epoch.signer_signing_public),
      sealing: fromBase64Url(epoch.signer_sealing_public),
    };
    const signerPrint = toBase64Url(await fingerprint(signerKeys));
    const previous = ring.rosters.get(epoch.epoch - 1);
    let trusted: boolean;
    if (previous) trusted = previous[String(epoch.signer)] === signerPrint;
    else if (last > 0)
      trusted = false; // a gap: an epoch is missing from the chain
    else if (anchor) trusted = anchor === signerPrint;
    else trusted = roster[String(me)] === mine.fingerprint; // by code or a new device: first use
    const { verifying } = await importPublic(signerKeys);
    if (!trusted || !(await verify(verifying, fromBase64Url(epoch.signature), signed)))
      throw new NotAuthentic(TAMPERED);
    ring.rosters.set(epoch.epoch, roster);
    pin.rosters[String(epoch.epoch)] = { members: roster, digest };
    last = epoch.epoch;
  }
  await setMeta(pinKey(circleId), pin);
  if (answer.epoch < last) throw new NotAuthentic(ROLLED_BACK);
}

/** The members' keys, with fingerprints computed here (the server's word is not taken). */
async function memberKeys(answer: Keys, ring: CircleKeyring): Promise<void> {
  for (const member of answer.members) {
    if (!member.signing_public || !member.sealing_public) continue;
    const published = { signing: fromBase64Url(member.signing_public), sealing: fromBase64Url(member.sealing_public) };
    const imported = await importPublic(published);
    ring.members.set(member.member, {
      name: member.name,
      fingerprint: toBase64Url(await fingerprint(published)),
      ...imported,
    });
  }
}

async function openKeys(answer: Keys, ring: CircleKeyring): Promise<void> {
  for (const epoch of answer.epochs) {
    const sealed = epoch.keys[String(ring.me)];
    if (!sealed || !ring.rosters.has(epoch.epoch)) continue;
    ring.keys.set(
      epoch.epoch,
      await openSealed(ring.mine.sealing, fromBase64Url(sealed), context('circle-key', ring.circleId, epoch.epoch)),
    );
  }
}

/** Who the next key is for: everyone on the current roster still here (with the keys the
 * roster pinned), plus newcomers this phone may let in and whose keys check out. */
async function nextRoster(answer: Keys, ring: CircleKeyring): Promise<{ roster: Roster; waiting: string[] } | null> {
  const current = ring.rosters.get(answer.epoch) ?? {};
  const secrets = await inviteSecrets();
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
      let matched = false;
      for (const secret of secrets)
        if ((await inviteMac(secret, keys.fingerprint, ring.mine.fingerprint)) === member.key_mac) matched = true;
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

/** Make and send the next circle key (refused if another phone made it first). */
async function makeNextKey(ring: CircleKeyring, roster: Roster, epoch: number): Promise<void> {
  const key = randomBytes(32);
  const where = context('circle-key', ring.circleId, epoch);
  const keys: Record<string, string> = {};
  for (const id of Object.keys(roster))
    keys[id] = toBase64Url(await sealTo(ring.members.get(Number(id))!.sealing, key, where));
  const text = JSON.stringify({
    v: 1,
    circle: ring.circleId,
    epoch,
    members: Object.entries(roster).map(([member, print]) => ({ member: Number(member), fingerprint: print })),
  });
  const signature = toBase64Url(await sign(ring.mine.signing.privateKey, signedPart(ring.circleId, epoch, text, keys)));
  await api.PUT('/api/circles/{circle_id}/keys/{epoch}', {
    params: { path: { circle_id: ring.circleId, epoch } },
    body: { roster: text, keys, signature },
  });
}

async function fetchKeys(circleId: string): Promise<Keys> {
  const { data } = await api.GET('/api/circles/{circle_id}/keys', { params: { path: { circle_id: circleId } } });
  if (!data) throw new Error("The circle's keys couldn't be fetched.");
  return data;
}

/**
 * This phone's keyring for a circle, after making the next key if one is due and this
 * phone may make it (the first phone to do so wins; the others take its key).
 */
export async function circleKeyring(circleId: string, me: number): Promise<CircleKeyring> {
  const mine = await deviceKeys();
  const ring: CircleKeyring = {
    circleId,
    epoch: 0,
    me,
    mine: mine!,
    keys: new Map(),
    rosters: new Map(),
    members: new Map(),
    waiting: [],
  };
  if (!mine)
    return { ...ring, problem: "This phone doesn't hold your keys yet. Sign out and sign in again to set them up." };
  try {
    for (let attempt = 0; ; attempt += 1) {
      const answer = await fetchKeys(circleId);
      await believeRosters(circleId, answer, mine, me, ring);
      await memberKeys(answer, ring);
      ring.epoch = answer.epoch;
      // (Twice at most: a second renewal is another phone's turn.)
      const onCurrent = answer.epoch === 0 || ring.rosters.get(answer.epoch)?.[String(me)] !== undefined;
      const next = answer.renew && attempt < 2 && onCurrent ? await nextRoster(answer, ring) : null;
      ring.waiting = next?.waiting ?? answer.members.filter((m) => !m.on_roster).map((m) => m.name);
      if (next && Object.keys(next.roster).includes(String(me))) {
        await makeNextKey(ring, next.roster, answer.epoch + 1); // made here or by another phone first: fetch it
        continue;
      }
      await openKeys(answer, ring);
      return ring;
    }
  } catch (error) {
    ring.problem =
      error instanceof NotAuthentic
        ? error.message
        : "This circle's keys couldn't be checked just now. Try again in a moment.";
  }
  return ring;
}
