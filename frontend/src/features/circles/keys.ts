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
import { fromBase64Url, randomBytes, toBase64Url } from '../../lib/crypto/bytes';
import { NotAuthentic, context } from '../../lib/crypto/envelope';
import { openSealed, sealTo } from '../../lib/crypto/hpke';
import { fingerprint, importPublic, sign } from '../../lib/crypto/identity';
import { inviteSecrets } from '../../lib/invites';
import { deviceKeys } from '../../lib/keyring';
import { getMeta, setMeta } from '../../lib/store';
import type { DeviceKeys } from '../../lib/store';
import {
  type Roster,
  type RosterPin,
  followRosters,
  nextRoster,
  refuseRollback,
  rosterText,
  signedPart,
} from './roster';

type Keys = Schemas['CircleKeys'];

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

/** Remember, from the invite link, whose signature lets this phone into a circle. */
export async function expectInviter(circleId: string, inviterFingerprint: string): Promise<void> {
  await setMeta(inviterKey(circleId), inviterFingerprint);
}

/** Follow the signed rosters from the last one this phone believed (roster.ts has the rules). */
async function believeRosters(
  circleId: string,
  answer: Keys,
  mine: DeviceKeys,
  me: number,
  ring: CircleKeyring,
): Promise<void> {
  const pin = (await getMeta<RosterPin>(pinKey(circleId))) ?? { rosters: {} };
  const inviter = await getMeta<string>(inviterKey(circleId));
  const believer = { me, myFingerprint: mine.fingerprint, ...(inviter ? { inviter } : {}) };
  const last = await followRosters(circleId, answer.epochs, pin, ring.rosters, believer);
  await setMeta(pinKey(circleId), pin);
  refuseRollback(answer.epoch, last);
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

/** Make and send the next circle key (refused if another phone made it first). */
async function makeNextKey(ring: CircleKeyring, roster: Roster, epoch: number): Promise<void> {
  const key = randomBytes(32);
  const where = context('circle-key', ring.circleId, epoch);
  const keys: Record<string, string> = {};
  for (const id of Object.keys(roster))
    keys[id] = toBase64Url(await sealTo(ring.members.get(Number(id))!.sealing, key, where));
  const text = rosterText(ring.circleId, epoch, roster);
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
      const next =
        answer.renew && attempt < 2 && onCurrent ? await nextRoster(answer, ring, await inviteSecrets()) : null;
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
