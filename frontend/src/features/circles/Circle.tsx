/** One circle: who is in it, the ground rules, the round (part by part) and earlier ones.
 * Read fresh from the server each time (nothing a circle says is kept on the phone) and
 * opened here with the circle's keys; the page says plainly when they can't be trusted. */
import type { JSX } from 'preact';
import { useRoute } from 'preact-iso';
import { useEffect, useState } from 'preact/hooks';

import { api, describeError } from '../../lib/api';
import { when } from '../../lib/dates';
import { listen } from '../../lib/events';
import { reach } from '../../lib/reach';
import { useSession } from '../../lib/session';
import { Page } from '../../ui/page';
import { SignedOut } from '../sharing/public';
import { Admin } from './Admin';
import { type CircleView, type RawCircle, lastSealProblem, openCircle, readCircle } from './data';
import { Round } from './Round';
import { Rules } from './Rules';
import { now } from '../../lib/clock';

type State = { kind: 'loading' } | { kind: 'offline' } | { kind: 'gone' } | { kind: 'ready'; circle: CircleView };

function Members({ circle }: { circle: CircleView }): JSX.Element {
  return (
    <p data-testid="circle-members">
      {circle.members.map((m, index) => (
        <span key={m.id}>
          {index > 0 && ', '}
          {m.me ? 'you' : m.name}
          {m.away_until && Date.parse(m.away_until) > now() ? ' (away)' : ''}
        </span>
      ))}
    </p>
  );
}

/** Why posting is held (the keys can't be trusted, or this person waits to be let in),
 * and anything the last post couldn't be sealed for. */
function KeysNotice({ circle }: { circle: CircleView }): JSX.Element | null {
  const [sealProblem, setSealProblem] = useState('');
  useEffect(() => listen('circle-cant-seal', () => setSealProblem(lastSealProblem())), []);
  const meWaiting = circle.members.some((m) => m.me && circle.waiting.includes(m.name));
  const others = circle.waiting.filter((name) => !circle.members.some((m) => m.me && m.name === name));
  return (
    <>
      {circle.keysProblem && (
        <p class="banner" role="alert" data-testid="circle-keys-problem">
          {circle.keysProblem}
        </p>
      )}
      {circle.keysNotice && (
        <p class="banner" role="status" data-testid="circle-keys-notice">
          {circle.keysNotice}
        </p>
      )}
      {sealProblem && (
        <p class="banner" role="alert" data-testid="circle-seal-problem">
          {sealProblem}
        </p>
      )}
      {meWaiting && (
        <p class="banner" data-testid="circle-let-in-waiting">
          Welcome. You can read and post once the person who invited you opens the circle on their phone: that seals the
          circle's key to you. Earlier rounds stay sealed to the people who were in them.
        </p>
      )}
      {!meWaiting && others.length > 0 && (
        <p class="hint" data-testid="circle-others-waiting">
          Waiting to be let in by whoever invited them: {others.join(', ')}.
        </p>
      )}
    </>
  );
}

function NoRoundOpen({ circle, onChanged }: { circle: CircleView; onChanged: (next: RawCircle) => void }): JSX.Element {
  const [message, setMessage] = useState('');
  const last = circle.current;
  async function startNow(): Promise<void> {
    const { data, error } = await reach(
      api.POST('/api/circles/{circle_id}/rounds', { params: { path: { circle_id: circle.id } } }),
    );
    if (data) onChanged(data);
    else setMessage(describeError(error));
  }
  return (
    <section class="card" aria-labelledby="no-round">
      <h2 id="no-round">{last ? `Round ${last.number} has closed` : 'No round is open'}</h2>
      {last?.summary && <p data-testid="round-summary">{last.summary}</p>}
      {circle.paused ? (
        <p data-testid="circle-paused">
          This circle is paused until at least 3 people are in it. Invite someone below.
        </p>
      ) : (
        <>
          <p>
            {circle.next_opens_at
              ? `The next round opens ${when(circle.next_opens_at)}.`
              : 'Rounds start when one of you starts one.'}
          </p>
          <button type="button" class="secondary" onClick={() => void startNow()} data-testid="round-start">
            Start a round now
          </button>
        </>
      )}
      <p role="status">{message}</p>
    </section>
  );
}

export function Circle(): JSX.Element {
  const session = useSession();
  const { params } = useRoute();
  const id = params.id ?? '';
  const [state, setState] = useState<State>({ kind: 'loading' });

  async function load(): Promise<void> {
    const { data, response } = await readCircle(id).catch(() => ({ data: undefined, response: undefined }));
    if (data) setState({ kind: 'ready', circle: data });
    else setState({ kind: response?.status === 404 ? 'gone' : 'offline' });
  }

  useEffect(() => {
    if (session.status !== 'signed_in') return undefined;
    void load();
    // Once the outbox has sent something (a post made offline), show it as the circle sees it.
    return listen('outbox', () => void load());
  }, [session.status, id]);

  if (session.status !== 'signed_in') return <SignedOut title="Circle" next={`/circles/${id}`} />;
  if (state.kind !== 'ready') {
    return (
      <Page title="Circle">
        {state.kind === 'loading' && <p role="status">Loading the circle…</p>}
        {state.kind === 'offline' && (
          <p class="banner" data-testid="circle-offline">
            The circle needs a connection to show. Anything you already wrote is kept on this phone and sent when you're
            back online.
          </p>
        )}
        {state.kind === 'gone' && (
          <p data-testid="circle-gone">Nothing here: you may not be in this circle any more.</p>
        )}
        <p>
          <a href="/circles">Your circles</a>
        </p>
      </Page>
    );
  }
  const circle = state.circle;
  const onChanged = (next: RawCircle) =>
    void openCircle(next).then((opened) => setState({ kind: 'ready', circle: opened }));
  return (
    <Page title={circle.name}>
      <Members circle={circle} />
      <KeysNotice circle={circle} />
      <Rules rules={circle.rules} open={false} />
      {circle.current?.open ? (
        <Round circle={circle} round={circle.current} onChanged={onChanged} />
      ) : (
        <NoRoundOpen circle={circle} onChanged={onChanged} />
      )}
      {circle.earlier.length > 0 && (
        <section class="card" aria-labelledby="earlier-heading">
          <h2 id="earlier-heading">Earlier rounds</h2>
          <ul class="list">
            {circle.earlier.map((r) => (
              <li key={r.id}>
                <strong>Round {r.number}</strong>
                <span class="muted">
                  {' '}
                  · {when(r.opens_at)}
                  {r.facilitator ? ` · facilitated by ${r.facilitator.name}` : ''}
                </span>
                {r.summary && <p>{r.summary}</p>}
              </li>
            ))}
          </ul>
        </section>
      )}
      <Admin circle={circle} onChanged={onChanged} />
      <p>
        <a href="/circles">Your circles</a>
      </p>
    </Page>
  );
}
