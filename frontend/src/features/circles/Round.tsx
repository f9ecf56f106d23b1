/** The open round, part by part, with who holds the facilitator's role, gentle notices
 * from anyone not OK, and one's own posts still waiting to be sent. */
import type { JSX } from 'preact';
import { useLocation } from 'preact-iso';

import { when } from '../../lib/dates';
import { AppreciationPart, ChangePart } from './ClosingParts';
import { CasePart } from './CasePart';
import {
  type CircleView,
  type PostView,
  type RawCircle,
  type RoundView,
  queuePost,
  queueTakeBack,
  useWaitingPosts,
} from './data';
import { EnergyPart } from './EnergyPart';
import { Facilitator } from './Facilitator';

function NotOk({ round, posts }: { round: RoundView; posts: PostView[] }): JSX.Element {
  const { route } = useLocation();
  const mine = posts.find((p) => p.mine);
  const others = posts.filter((p) => !p.mine);
  return (
    <section class="not-ok" aria-label="How people are">
      {others.map((post) => (
        <p key={post.id} class="banner" data-testid="not-ok-notice">
          {post.author.name} isn't OK right now. If you can, send them a message one-to-one.
        </p>
      ))}
      {mine ? (
        <p class="banner">
          You told the circle you're not OK right now. <a href="/crisis">Help now</a> ·{' '}
          <button type="button" class="quiet" onClick={() => void queueTakeBack(mine.id)}>
            Take it back
          </button>
        </p>
      ) : (
        <button
          type="button"
          class="secondary"
          onClick={async () => {
            await queuePost({ kind: 'not_ok', round_id: round.id });
            route('/crisis');
          }}
          data-testid="not-ok"
        >
          I'm not OK right now
        </button>
      )}
    </section>
  );
}

export function Round({
  circle,
  round,
  onChanged,
}: {
  circle: CircleView;
  round: RoundView;
  onChanged: (next: RawCircle) => void;
}): JSX.Element {
  const waiting = useWaitingPosts(round.id);
  const of = (kind: PostView['kind']) => round.posts.filter((p) => p.kind === kind);
  const waitingOf = (kind: PostView['kind']) => waiting.find((w) => w.body.kind === kind);
  const members = circle.members.map((m) => ({ id: m.id, name: m.name }));
  const facilitating = round.facilitator?.id === circle.me;
  return (
    <>
      <p data-testid="round-info">
        Round {round.number} is open until {when(round.closes_at)}.{' '}
        {round.facilitator
          ? `${facilitating ? 'You are' : `${round.facilitator.name} is`} facilitating.`
          : 'Nobody is facilitating this time; it closes on its own.'}
        {circle.facilitator_next &&
          ` Next time: ${circle.facilitator_next.id === circle.me ? 'you' : circle.facilitator_next.name}.`}
      </p>
      <p class="muted">Take part when your shifts allow. You can pass on any part: just leave it.</p>
      <NotOk round={round} posts={of('not_ok')} />
      {facilitating && <Facilitator circle={circle} round={round} onChanged={onChanged} />}
      <EnergyPart
        roundId={round.id}
        posts={of('energy')}
        waiting={waitingOf('energy')}
        askAboutChange={round.number > 1}
      />
      <CasePart
        roundId={round.id}
        posts={[...of('case'), ...of('answer')]}
        waiting={waiting}
        pick={round.case_pick}
        me={circle.me}
      />
      <ChangePart roundId={round.id} posts={of('change')} waiting={waitingOf('change')} />
      <AppreciationPart
        roundId={round.id}
        posts={of('appreciation')}
        waiting={waitingOf('appreciation')}
        members={members}
        me={circle.me}
      />
    </>
  );
}
