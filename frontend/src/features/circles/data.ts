/**
 * Circles on this phone: reading a circle needs a connection (nothing a circle says is kept
 * here, as with shared summaries), and everything in it is opened here with the circle's
 * keys (keys.ts, sealing.ts). Every post — sealed before it is queued — taking one back and
 * every helpful mark goes through the outbox, so an answer written on the bus with no
 * signal is sent once, when the signal returns.
 */
import { useEffect, useState } from 'preact/hooks';

import { type Schemas, api, withPatience } from '../../lib/api';
import { announce, listen } from '../../lib/events';
import { newId } from '../../lib/ids';
import { queueRequest, queuedRequests } from '../../lib/outbox';
import { reach } from '../../lib/reach';
import { db } from '../../lib/store';
import { type CircleKeyring, circleKeyring } from './keys';
import { CantOpen, CantSeal, type Sealed, openOwnPost, openPost, openSummary, sealPost } from './sealing';

export type RawCircle = Schemas['CircleView'];
export type MemberRef = Schemas['MemberRef'];
export type PostKind = Schemas['PostView']['kind'];

/** What a member writes in each part, as it is sealed (and read back once opened). */
export type PostBody =
  | {
      kind: 'energy';
      round_id: string;
      energy: number;
      word: string;
      win: string;
      challenge: string;
      last_change: string;
    }
  | { kind: 'case'; round_id: string; situation: string; question: string }
  | { kind: 'answer'; round_id: string; noticed: string; question: string; might_try: string }
  | { kind: 'change'; round_id: string; text: string; commitment_id: string | null }
  | { kind: 'appreciation'; round_id: string; text: string; to_member: number | null }
  | { kind: 'not_ok'; round_id: string };

/** A post opened on this phone: the server's metadata and what its author wrote. */
export interface PostView {
  id: string;
  kind: PostKind;
  author: MemberRef;
  mine: boolean;
  helpful: boolean;
  commitment_id?: string | null;
  energy?: number;
  word?: string;
  win?: string;
  challenge?: string;
  last_change?: string;
  situation?: string;
  question?: string;
  noticed?: string;
  might_try?: string;
  text?: string;
  to_member?: MemberRef | null;
  /** Why this post can't be shown (written before one joined, or failed its checks). */
  unreadable?: string;
}

export type RoundView = Omit<Schemas['RoundView'], 'posts' | 'summary'> & { posts: PostView[]; summary: string };
export type CircleView = Omit<RawCircle, 'current' | 'earlier'> & {
  current: RoundView | null;
  earlier: (Omit<Schemas['RoundSummary'], 'summary'> & { summary: string })[];
  /** Why nothing can be sent in this circle now, or who waits to be let in. */
  keysProblem?: string;
  keysNotice?: string;
  waiting: string[];
};

const POSTS = '/api/circles/posts/';
const UNCHECKED = "This couldn't be checked as written by its author, so it isn't shown.";
/** Each circle's keyring, from its last load (new posts are sealed with it), and the
 * circle each open round belongs to. */
const rings = new Map<string, CircleKeyring>();
const circleOfRound = new Map<string, string>();

function why(error: unknown): string {
  return error instanceof CantOpen ? error.message : UNCHECKED;
}

async function openedPost(
  ring: CircleKeyring,
  post: Schemas['PostView'],
  roundId: string,
  members: MemberRef[],
): Promise<PostView> {
  const base = {
    id: post.id,
    kind: post.kind,
    author: post.author,
    mine: post.mine,
    helpful: post.helpful,
    commitment_id: post.commitment_id,
  };
  try {
    const said = await openPost(ring, post, roundId);
    const to = typeof said.to_member === 'number' ? (members.find((m) => m.id === said.to_member) ?? null) : null;
    return { ...base, ...said, to_member: to, commitment_id: post.commitment_id };
  } catch (error) {
    return { ...base, unreadable: why(error) };
  }
}

async function openedSummary(
  ring: CircleKeyring,
  summary: Schemas['SealedSummary'] | null,
  roundId: string,
): Promise<string> {
  if (!summary) return '';
  try {
    return await openSummary(ring, summary, roundId);
  } catch (error) {
    return why(error);
  }
}

/** The circle as the server sent it, with every post and summary opened here. */
export async function openCircle(raw: RawCircle): Promise<CircleView> {
  const ring = rings.get(raw.id) ?? (await circleKeyring(raw.id, raw.me));
  rings.set(raw.id, ring);
  if (raw.current) circleOfRound.set(raw.current.id, raw.id);
  const members = raw.members.map((m) => ({ id: m.id, name: m.name }));
  const current = raw.current && {
    ...raw.current,
    summary: await openedSummary(ring, raw.current.summary, raw.current.id),
    posts: await Promise.all(raw.current.posts.map((post) => openedPost(ring, post, raw.current!.id, members))),
  };
  const earlier = await Promise.all(
    raw.earlier.map(async (r) => ({ ...r, summary: await openedSummary(ring, r.summary, r.id) })),
  );
  return { ...raw, current, earlier, keysProblem: ring.problem, keysNotice: ring.notice, waiting: ring.waiting };
}

/** Read the circle (renewing its key first if that falls to this phone) and open it. */
export async function readCircle(id: string) {
  const answer = await reach(
    withPatience(api.GET('/api/circles/{circle_id}', { params: { path: { circle_id: id } } })),
  );
  if (!answer.data) return { data: undefined, response: answer.response };
  const raw = answer.data;
  const ring = await circleKeyring(id, raw.me);
  rings.set(id, ring);
  if (!ring.problem) await resealRefused(ring);
  return { data: await openCircle(raw), response: answer.response };
}

/** The circle's keyring as last loaded (for sealing a summary). */
export function keyringOf(circleId: string): CircleKeyring | undefined {
  return rings.get(circleId);
}

function ringForRound(roundId: string): CircleKeyring | undefined {
  const circleId = circleOfRound.get(roundId);
  return circleId ? rings.get(circleId) : undefined;
}

/**
 * Post in a round (or replace one's post of that kind), sealed here first: only the
 * sealed post waits in the outbox. Null, with the reason announced, when it can't be
 * sealed now (the draft stays on the phone).
 */
export async function queuePost(body: PostBody, postId: string = newId()): Promise<string | null> {
  const ring = ringForRound(body.round_id);
  const { kind, round_id, ...fields } = body;
  const commitment = 'commitment_id' in fields ? fields.commitment_id : null;
  try {
    if (!ring) throw new CantSeal('Open the circle again to post: its keys are fetched with it.');
    const sealed = await sealPost(ring, round_id, postId, kind, fields);
    const wire = { kind, round_id, sealed, ...(commitment ? { commitment_id: commitment } : {}) };
    await queueRequest({ method: 'PUT', path: `${POSTS}${postId}`, body: wire }, postId);
    return postId;
  } catch (error) {
    cantSeal =
      error instanceof CantSeal
        ? error.message
        : 'This phone could not seal that just now. It is kept here; try again.';
    announce('circle-cant-seal');
    return null;
  }
}

let cantSeal = '';
/** Why the last post couldn't be sealed (for the circle page to say). */
export function lastSealProblem(): string {
  return cantSeal;
}

/** Posts the server refused because the circle's key changed meanwhile (someone joined or
 * left): opened with the key they were sealed under and sealed again with the new one. */
async function resealRefused(ring: CircleKeyring): Promise<void> {
  const store = await db();
  for (const op of await store.getAll('rejected')) {
    const body = op.body as { kind: PostKind; round_id: string; sealed: Sealed; commitment_id?: string } | undefined;
    if (
      op.status !== 409 ||
      op.method !== 'PUT' ||
      !op.path.startsWith(POSTS) ||
      !body?.sealed ||
      body.sealed.epoch >= ring.epoch
    )
      continue;
    const postId = op.path.slice(POSTS.length);
    try {
      const fields = await openOwnPost(ring, body.sealed, body.round_id, postId, body.kind);
      const sealed = await sealPost(ring, body.round_id, postId, body.kind, fields);
      await queueRequest({ method: 'PUT', path: `${POSTS}${postId}`, body: { ...body, sealed } }, postId);
      await store.delete('rejected', op.seq!);
    } catch {
      // Not one of this circle's posts (or its old key is gone): it stays where it is.
    }
  }
}

/** Take a post back (one never sent is simply not sent: the delete replaces it in line). */
export async function queueTakeBack(postId: string): Promise<void> {
  await queueRequest({ method: 'DELETE', path: `${POSTS}${postId}` }, postId);
}

export async function queueHelpful(postId: string, helpful: boolean): Promise<void> {
  await queueRequest({ method: 'PUT', path: `${POSTS}${postId}/helpful`, body: { helpful } }, `helpful:${postId}`);
}

/** A post this phone made that is still waiting to be sent. */
export interface Waiting {
  id: string;
  body: { kind: PostKind; round_id: string };
}

/** Posts waiting in the outbox for one round, kept up to date as the outbox drains. */
export function useWaitingPosts(roundId: string | undefined): Waiting[] {
  const [waiting, setWaiting] = useState<Waiting[]>([]);
  useEffect(() => {
    if (!roundId) return undefined;
    const load = async () => {
      const ops = await queuedRequests(POSTS);
      setWaiting(
        ops
          .filter(
            (op) =>
              op.method === 'PUT' &&
              !op.path.endsWith('/helpful') &&
              (op.body as Waiting['body'] | undefined)?.round_id === roundId,
          )
          .map((op) => ({ id: op.key, body: op.body as Waiting['body'] })),
      );
    };
    void load();
    const stopQueued = listen('queued', () => void load());
    const stopOutbox = listen('outbox', () => void load());
    return () => {
      stopQueued();
      stopOutbox();
    };
  }, [roundId]);
  return waiting;
}
