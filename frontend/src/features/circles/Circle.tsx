/** One circle: who is in it, the ground rules, the round (part by part) and earlier ones.
 * Read fresh from the server each time (nothing a circle says is kept on the phone). */
import type { JSX } from 'preact';
import { useRoute } from 'preact-iso';
import { useEffect, useState } from 'preact/hooks';

import { api, describeError } from '../../lib/api';
import { when } from '../../lib/dates';
import { listen } from '../../lib/events';
import { reach } from '../../lib/reach';
import { useSession } from '../../lib/session';
import { Page } from '../../ui/page';
import { SignedOut } from '../sharing/SignedOut';
import { Admin } from './Admin';
import { type CircleView, readCircle } from './data';
import { Round } from './Round';
import { Rules } from './Rules';

type State = { kind: 'loading' } | { kind: 'offline' } | { kind: 'gone' } | { kind: 'ready'; circle: CircleView };

function Members({ circle }: { circle: CircleView }): JSX.Element {
  return (
    <p data-testid="circle-members">
      {circle.members.map((m, index) => (
        <span key={m.id}>
          {index > 0 && ', '}
          {m.me ? 'you' : m.name}
          {m.away_until && new Date(m.away_until) > new Date() ? ' (away)' : ''}
        </span>
      ))}
    </p>
  );
}

function NoRoundOpen({ circle, onChanged }: { circle: CircleView; onChanged: (next: CircleView) => void }): JSX.Element {
  const [message, setMessage] = useState('');
  const last = circle.current;
  async function startNow(): Promise<void> {
    const { data, error } = await reach(api.POST('/api/circles/{circle_id}/rounds', { params: { path: { circle_id: circle.id } } }));
    if (data) onChanged(data);
    else setMessage(describeError(error));
  }
  return (
    <section class="card" aria-labelledby="no-round">
      <h2 id="no-round">{last ? `Round ${last.number} has closed` : 'No round is open'}</h2>
      {last?.summary && <p data-testid="round-summary">{last.summary}</p>}
      {circle.paused ? (
        <p data-testid="circle-paused">This circle is paused until at least 3 people are in it. Invite someone below.</p>
      ) : (
        <>
          <p>{circle.next_opens_at ? `The next round opens ${when(circle.next_opens_at)}.` : 'Rounds start when one of you starts one.'}</p>
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
    const { data, response } = await readCircle(id);
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
            The circle needs a connection to show. Anything you already wrote is kept on this phone and sent when you're back online.
          </p>
        )}
        {state.kind === 'gone' && <p data-testid="circle-gone">Nothing here: you may not be in this circle any more.</p>}
        <p>
          <a href="/circles">Your circles</a>
        </p>
      </Page>
    );
  }
  const circle = state.circle;
  const onChanged = (next: CircleView) => setState({ kind: 'ready', circle: next });
  return (
    <Page title={circle.name}>
      <Members circle={circle} />
      <Rules rules={circle.rules} open={false} />
      {circle.current?.open ? <Round circle={circle} round={circle.current} onChanged={onChanged} /> : <NoRoundOpen circle={circle} onChanged={onChanged} />}
      {circle.earlier.length > 0 && (
        <section class="card" aria-labelledby="earlier-heading">
          <h2 id="earlier-heading">Earlier rounds</h2>
          <ul class="list">
            {circle.earlier.map((r) => (
              <li key={r.id}>
                <strong>Round {r.number}</strong>
                <span class="muted"> · {when(r.opens_at)}{r.facilitator ? ` · facilitated by ${r.facilitator.name}` : ''}</span>
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
