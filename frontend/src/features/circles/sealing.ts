/**
 * What members write in a circle, sealed on the phone: encrypted under the circle key of
 * the current epoch (padded, so its length says little), bound by associated data to the
 * circle, epoch, round, post and kind (moved anywhere else it fails to open), and signed by
 * its author, so members sharing a key still can't write in each other's names. Opening
 * checks the author's keys against the fingerprint the signed roster holds for them.
 */
import type { Schemas } from '../../lib/api';
import { concat, fromBase64Url, fromUtf8, toBase64Url, utf8 } from '../../lib/crypto/bytes';
import { decryptContent, encryptContent } from '../../lib/crypto/content';
import { NotAuthentic, context } from '../../lib/crypto/envelope';
import { fingerprint, importPublic, sign, verify } from '../../lib/crypto/identity';
import type { CircleKeyring } from './keys';

export type Sealed = Schemas['Sealed'];

const postPlace = (ring: CircleKeyring, epoch: number, roundId: string, postId: string, kind: string) =>
  context('circle-post', ring.circleId, epoch, roundId, postId, kind);
const summaryPlace = (ring: CircleKeyring, epoch: number, roundId: string) =>
  context('circle-summary', ring.circleId, epoch, roundId);

/** Refused: nothing can be sealed now (the words say why). */
export class CantSeal extends Error {}

async function seal(ring: CircleKeyring, document: unknown, where: Uint8Array<ArrayBuffer>): Promise<Sealed> {
  const key = ring.keys.get(ring.epoch);
  if (ring.problem) throw new CantSeal(ring.problem);
  if (!key)
    throw new CantSeal(
      'You can post once the person who invited you opens the circle on their phone: that lets you in. What you wrote is kept here until then.',
    );
  const box = await encryptContent(key, utf8(JSON.stringify(document)), where);
  const sig = await sign(ring.mine.signing.privateKey, concat(where, box));
  return { epoch: ring.epoch, box: toBase64Url(box), sig: toBase64Url(sig) };
}

/** Why a sealed thing can't be shown, in words for the person. */
export class CantOpen extends Error {}

async function open(
  ring: CircleKeyring,
  sealed: Sealed,
  author: CryptoKey,
  where: Uint8Array<ArrayBuffer>,
): Promise<unknown> {
  const key = ring.keys.get(sealed.epoch);
  if (ring.problem) throw new CantOpen("Not opened: this circle's keys didn't check out (see above).");
  if (!key) throw new CantOpen('Written before you joined the circle: it was sealed to the members then.');
  const box = fromBase64Url(sealed.box);
  if (!(await verify(author, fromBase64Url(sealed.sig), concat(where, box)))) throw new NotAuthentic('signature');
  return JSON.parse(fromUtf8(await decryptContent(key, box, where)));
}

/** The author's verifying key, if their keys match what the roster of that epoch holds. */
function authorKey(ring: CircleKeyring, epoch: number, member: number): CryptoKey {
  const pinned = ring.rosters.get(epoch)?.[String(member)];
  const keys = ring.members.get(member);
  if (!pinned || !keys || keys.fingerprint !== pinned) throw new NotAuthentic('author not on the roster');
  return keys.verifying;
}

export function sealPost(
  ring: CircleKeyring,
  roundId: string,
  postId: string,
  kind: string,
  fields: Record<string, unknown>,
): Promise<Sealed> {
  return seal(ring, fields, postPlace(ring, ring.epoch, roundId, postId, kind));
}

/** One of one's own posts (a refused one, to seal again under a newer key). */
export async function openOwnPost(
  ring: CircleKeyring,
  sealed: Sealed,
  roundId: string,
  postId: string,
  kind: string,
): Promise<Record<string, unknown>> {
  return (await open(
    ring,
    sealed,
    ring.members.get(ring.me)!.verifying,
    postPlace(ring, sealed.epoch, roundId, postId, kind),
  )) as Record<string, unknown>;
}

export async function openPost(
  ring: CircleKeyring,
  post: Schemas['PostView'],
  roundId: string,
): Promise<Record<string, unknown>> {
  return (await open(
    ring,
    post.sealed,
    authorKey(ring, post.sealed.epoch, post.author.id),
    postPlace(ring, post.sealed.epoch, roundId, post.id, post.kind),
  )) as Record<string, unknown>;
}

export function sealSummary(ring: CircleKeyring, roundId: string, text: string): Promise<Sealed> {
  return seal(ring, { text }, summaryPlace(ring, ring.epoch, roundId));
}

/** A facilitator's summary; it was signed with keys the server kept beside it, which must
 * match the roster (the facilitator may have left since). */
export async function openSummary(
  ring: CircleKeyring,
  summary: Schemas['SealedSummary'],
  roundId: string,
): Promise<string> {
  const published = { signing: fromBase64Url(summary.signing_public), sealing: fromBase64Url(summary.sealing_public) };
  if (ring.rosters.get(summary.sealed.epoch)?.[String(summary.by)] !== toBase64Url(await fingerprint(published)))
    throw new NotAuthentic('summary signer');
  const { verifying } = await importPublic(published);
  const opened = (await open(ring, summary.sealed, verifying, summaryPlace(ring, summary.sealed.epoch, roundId))) as {
    text: string;
  };
  return opened.text;
}
