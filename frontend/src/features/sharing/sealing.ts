/**
 * Summaries and replies sealed on the phone: the card (or reply) is encrypted under a
 * fresh key, that key sealed to the peer ("to") and to oneself ("from"), the envelope
 * signed, and bound to the summary and connection it belongs to. The server only ever
 * holds the envelope. Opening checks the sender's signature with keys this phone pinned.
 */
import type { Schemas } from '../../lib/api';
import { fromBase64Url } from '../../lib/crypto/bytes';
import { type Envelope, context, openEnvelope, sealEnvelope } from '../../lib/crypto/envelope';
import { importPublic } from '../../lib/crypto/identity';
import { KeyStepFailed, deviceKeys } from '../../lib/keyring';
import type { DeviceKeys } from '../../lib/store';
import { type Preset, replyWords } from './presets';
import { trustedPeerKeys } from './trust';

type Content = Schemas['SummaryContent'];
type Sealed = Schemas['Envelope'];

async function myKeys(): Promise<{ keys: DeviceKeys; verifying: CryptoKey; sealing: CryptoKey }> {
  const keys = await deviceKeys();
  if (!keys)
    throw new KeyStepFailed("This phone doesn't hold your keys yet. Sign out and sign in again to set them up.");
  const published = await importPublic({
    signing: fromBase64Url(keys.signingPublic),
    sealing: fromBase64Url(keys.sealingPublic),
  });
  return { keys, ...published };
}

async function sealTo(linkId: string, document: unknown, where: Uint8Array<ArrayBuffer>): Promise<Sealed> {
  const me = await myKeys();
  const peer = await trustedPeerKeys(linkId);
  const envelope = await sealEnvelope(
    document,
    [
      { id: 'to', sealing: peer.sealing },
      { id: 'from', sealing: me.sealing },
    ],
    me.keys.signing.privateKey,
    where,
  );
  return envelope as Sealed;
}

type Mine = Awaited<ReturnType<typeof myKeys>>;

/** Open one envelope sent by me (`mine`) or by the peer, whose pinned keys are asked for
 * once however many envelopes a summary holds. */
async function openFrom(
  me: Mine,
  peer: () => Promise<CryptoKey>,
  sealed: Sealed,
  mine: boolean,
  where: Uint8Array<ArrayBuffer>,
): Promise<unknown> {
  const sender = mine ? me.verifying : await peer();
  return openEnvelope(sealed as Envelope, { id: mine ? 'from' : 'to', sealing: me.keys.sealing }, sender, where);
}

export function sealSummary(summaryId: string, linkId: string, card: Content): Promise<Sealed> {
  return sealTo(linkId, card, context('summary', summaryId, linkId));
}

export function sealReply(
  summaryId: string,
  replyId: string,
  linkId: string,
  preset: Preset | null,
  text: string,
): Promise<Sealed> {
  return sealTo(linkId, { preset, text }, context('reply', summaryId, replyId));
}

/** A summary (sent by me or to me) with its card and replies readable. */
export interface Opened {
  content: Content;
  replies: Schemas['ReplyView'][];
}

export async function openSummary(
  view: Schemas['SentView'] | Schemas['ReceivedView'],
  sentByMe: boolean,
): Promise<Opened> {
  const anySealed = view.sealed || view.replies.some((reply) => reply.sealed);
  if (!anySealed) return { content: view.content!, replies: view.replies };
  const me = await myKeys();
  let peerKey: Promise<CryptoKey> | null = null;
  const peer = () => (peerKey ??= trustedPeerKeys(view.peer_id).then((keys) => keys.verifying));
  const content = view.sealed
    ? ((await openFrom(me, peer, view.sealed, sentByMe, context('summary', view.id, view.peer_id))) as Content)
    : view.content!;
  const replies = await Promise.all(
    view.replies.map(async (reply) => {
      if (!reply.sealed) return reply;
      const words = (await openFrom(me, peer, reply.sealed, reply.from_me, context('reply', view.id, reply.id))) as {
        preset: Preset | null;
        text: string;
      };
      return { ...reply, words: replyWords(words.preset, words.text) };
    }),
  );
  return { content, replies };
}
