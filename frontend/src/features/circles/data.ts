/**
 * Circles on this phone: reading a circle needs a connection (nothing a circle says is kept
 * here, as with shared summaries), while every post, taking one back and every helpful mark
 * goes through the outbox, so an answer written on the bus with no signal is sent once,
 * when the signal returns.
 */
import { useEffect, useState } from 'preact/hooks';

import { type Schemas, api, withPatience } from '../../lib/api';
import { listen } from '../../lib/events';
import { newId } from '../../lib/ids';
import { queueRequest, queuedRequests } from '../../lib/outbox';
import { reach } from '../../lib/reach';

export type CircleView = Schemas['CircleView'];
export type RoundView = Schemas['RoundView'];
export type PostView = Schemas['PostView'];
export type MemberRef = Schemas['MemberRef'];
export type PostBody =
  | Schemas['EnergyPost']
  | Schemas['CasePost']
  | Schemas['AnswerPost']
  | Schemas['ChangePost']
  | Schemas['AppreciationPost']
  | Schemas['NotOkPost'];
export type PostKind = PostBody['kind'];

const POSTS = '/api/circles/posts/';

export function readCircle(id: string) {
  return reach(withPatience(api.GET('/api/circles/{circle_id}', { params: { path: { circle_id: id } } })));
}

/** Post in a round (or replace one's post of that kind): kept on the phone until sent. */
export async function queuePost(body: PostBody, postId: string = newId()): Promise<string> {
  await queueRequest({ method: 'PUT', path: `${POSTS}${postId}`, body }, postId);
  return postId;
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
  body: PostBody;
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
          .filter((op) => op.method === 'PUT' && !op.path.endsWith('/helpful') && (op.body as PostBody | undefined)?.round_id === roundId)
          .map((op) => ({ id: op.key, body: op.body as PostBody })),
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
