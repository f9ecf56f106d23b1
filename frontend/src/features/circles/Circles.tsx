/** Your circles: the ones you are in, starting one (after reading the ground rules), and
 * joining one with a code someone read to you. */
import type { JSX } from 'preact';
import { useLocation } from 'preact-iso';
import { useEffect, useRef, useState } from 'preact/hooks';

import { type Schemas, api, describeError, fieldMessages } from '../../lib/api';
import { MAX_LENGTH } from '../../lib/api-limits';
import { when } from '../../lib/dates';
import { focusFirstProblem } from '../../lib/forms';
import { reach } from '../../lib/reach';
import { useSession } from '../../lib/session';
import { TextField } from '../../ui/field';
import { Page } from '../../ui/page';
import { SignedOut } from '../sharing/public';
import { Rules } from './Rules';
import { RhythmFields, type Rhythm } from './RhythmFields';

type Item = Schemas['CircleListItem'];

function CircleList({ circles }: { circles: Item[] }): JSX.Element {
  if (circles.length === 0) {
    return (
      <p>
        You're not in a circle yet. Start one with a few colleagues you trust, or join one with the code someone read
        you.
      </p>
    );
  }
  return (
    <ul class="list" data-testid="circle-list">
      {circles.map((circle) => (
        <li key={circle.id}>
          <a href={`/circles/${circle.id}`} class="circle-link" data-testid="circle-link">
            <strong>{circle.name}</strong>
            <span class="muted">
              {circle.members} {circle.members === 1 ? 'person' : 'people'} ·{' '}
              {circle.paused
                ? 'paused until 3 people are in it'
                : circle.round_open && circle.closes_at
                  ? `round open until ${when(circle.closes_at)}`
                  : 'no round open'}
            </span>
          </a>
        </li>
      ))}
    </ul>
  );
}

function StartCircle({ rules }: { rules: string[] }): JSX.Element {
  const { route } = useLocation();
  const [name, setName] = useState('');
  const [rhythm, setRhythm] = useState<Rhythm>({
    rhythm: 'weekly',
    opens_weekday: 1,
    opens_clock: '08:00',
    window_hours: 48,
  });
  const [agree, setAgree] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState('');
  const form = useRef<HTMLFormElement>(null);

  async function start(event: Event): Promise<void> {
    event.preventDefault();
    setMessage('');
    const { data, error } = await reach(
      api.POST('/api/circles', {
        body: { name: name.trim(), ...rhythm, agree_to_rules: agree, keep_days: 14, keep_summaries: true },
      }),
    );
    if (data) {
      route(`/circles/${data.id}`);
      return;
    }
    setErrors(fieldMessages(error));
    setMessage(describeError(error));
    focusFirstProblem(form.current);
  }

  return (
    <form ref={form} class="card" noValidate onSubmit={(e) => void start(e)} aria-labelledby="start-heading">
      <h2 id="start-heading">Start a circle</h2>
      <p>Three to eight people who hold a short round together, each when their shifts allow.</p>
      <p>
        <a href="/what-the-host-sees">What the people running Steady can and can't see</a>
      </p>
      <TextField
        id="circle-name"
        label="Name of the circle"
        value={name}
        onInput={setName}
        maxLength={MAX_LENGTH.CircleStart.name}
        required
        error={errors.name}
      />
      <RhythmFields value={rhythm} onChange={setRhythm} errors={errors} />
      <Rules rules={rules} />
      <label class="check">
        <input
          type="checkbox"
          checked={agree}
          onChange={(e) => setAgree(e.currentTarget.checked)}
          aria-invalid={errors.agree_to_rules ? true : undefined}
          aria-describedby={errors.agree_to_rules ? 'start-agree-error' : undefined}
          data-testid="start-agree"
        />
        I agree to these ground rules
      </label>
      {errors.agree_to_rules && (
        <span class="field-error" id="start-agree-error">
          {errors.agree_to_rules}
        </span>
      )}
      <button type="submit" data-testid="circle-start">
        Start the circle
      </button>
      <p role="status">{message}</p>
    </form>
  );
}

function JoinWithCode(): JSX.Element {
  const { route } = useLocation();
  const [code, setCode] = useState('');
  const [error, setError] = useState('');
  const form = useRef<HTMLFormElement>(null);
  return (
    <form
      ref={form}
      class="card"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (!code.trim()) {
          setError('Type the code they read to you, like ABCD-EFGH.');
          focusFirstProblem(form.current);
          return;
        }
        route(`/circles/join?code=${encodeURIComponent(code.trim())}`);
      }}
      aria-labelledby="join-heading"
    >
      <h2 id="join-heading">Join a circle</h2>
      <TextField
        id="circle-code"
        label="Invite code"
        hint="The eight letters and numbers they read to you, like ABCD-EFGH"
        value={code}
        onInput={(value) => {
          setCode(value);
          setError('');
        }}
        maxLength={MAX_LENGTH.CircleJoin.code}
        autoComplete="off"
        required
        error={error}
      />
      <button type="submit" class="secondary" data-testid="circle-code-submit">
        Look up
      </button>
    </form>
  );
}

export function Circles(): JSX.Element {
  const session = useSession();
  const [circles, setCircles] = useState<Item[] | null>(null);
  const [rules, setRules] = useState<string[]>([]);
  const [offline, setOffline] = useState(false);

  useEffect(() => {
    if (session.status !== 'signed_in') return;
    void (async () => {
      const [list, found] = await Promise.all([reach(api.GET('/api/circles')), reach(api.GET('/api/circles/rules'))]);
      setOffline(!list.data);
      setCircles(list.data ?? null);
      setRules(found.data?.rules ?? []);
    })();
  }, [session.status]);

  if (session.status !== 'signed_in') return <SignedOut title="Circles" next="/circles" />;
  return (
    <Page title="Circles">
      <p>
        A small group of peers, and a round that fits around everyone's shifts: how you are, one hard situation talked
        through, and one small change each.
      </p>
      {offline ? (
        <p class="banner" data-testid="circles-offline">
          Your circles need a connection to show. Anything you write in a round is kept on this phone and sent when
          you're back online.
        </p>
      ) : circles === null ? (
        <p role="status">Loading your circles…</p>
      ) : (
        <>
          <CircleList circles={circles} />
          <JoinWithCode />
          {rules.length > 0 && <StartCircle rules={rules} />}
        </>
      )}
    </Page>
  );
}
