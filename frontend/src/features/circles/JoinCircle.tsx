/** Joining a circle: who invites and what the circle is, its ground rules first, and a
 * place in it only after agreeing to them. A link's fragment vouches for the inviter's
 * keys: a mismatch is refused; a match is what the circle's keys are checked against. */
import type { JSX } from 'preact';
import { useLocation } from 'preact-iso';
import { useEffect, useState } from 'preact/hooks';

import { type Schemas, api, describeError, fieldMessages } from '../../lib/api';
import { inviteFragment } from '../../lib/invites';
import { reach } from '../../lib/reach';
import { useSession } from '../../lib/session';
import { Page } from '../../ui/page';
import { SignedOut } from '../sharing/public';
import { Rules } from './Rules';

export function JoinCircle(): JSX.Element {
  const session = useSession();
  const { query, route } = useLocation();
  const redeem = query.t ? { token: query.t } : query.code ? { code: query.code } : null;
  const [preview, setPreview] = useState<Schemas['CirclePreview'] | null>(null);
  const [agree, setAgree] = useState(false);
  const [agreeError, setAgreeError] = useState('');
  const [message, setMessage] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const [fragment] = useState(() => inviteFragment(query.t ?? ''));

  useEffect(() => {
    if (session.status !== 'signed_in' || !redeem) return;
    void (async () => {
      const { data, error } = await reach(
        api.POST('/api/circles/invites/open', { body: { ...redeem, agree_to_rules: false } }),
      );
      if (data) {
        setPreview(data);
        if (fragment) {
          const { inviterMatches } = await import('../../lib/crypto/invite');
          setMismatch(!(await inviterMatches(data, fragment)));
        }
      } else setMessage(describeError(error));
    })();
  }, [session.status, query.t, query.code]);

  async function join(): Promise<void> {
    if (!redeem) return;
    setAgreeError('');
    const keyring = fragment && query.t ? await import('../../lib/keyring') : null;
    const keyMac = keyring && fragment ? await keyring.joinerMac(fragment) : undefined;
    const body = { ...redeem, agree_to_rules: agree, ...(keyMac ? { key_mac: keyMac } : {}) };
    const { data, error } = await reach(api.POST('/api/circles/invites/join', { body }));
    if (data) {
      if (fragment) await (await import('./keys')).expectInviter(data.id, fragment.f);
      route(`/circles/${data.id}`);
      return;
    }
    const problems = fieldMessages(error);
    if (problems.agree_to_rules) {
      setAgreeError(problems.agree_to_rules);
      document.getElementById('join-agree')?.focus();
    } else setMessage(describeError(error));
  }

  const next = query.t ? `/circles/join?t=${query.t}` : `/circles/join?code=${encodeURIComponent(query.code ?? '')}`;
  if (session.status !== 'signed_in') return <SignedOut title="Join a circle" next={next} />;
  return (
    <Page title="Join a circle">
      {!redeem && (
        <p>
          Open the link you were sent, or type the code on <a href="/circles">your circles</a>.
        </p>
      )}
      {preview && mismatch && (
        <p class="banner" role="alert" data-testid="join-circle-mismatch">
          The keys Steady gave for {preview.inviter_name} don't match the ones in your link, so you can't join through
          it. Ask {preview.inviter_name} for a new invite in person; it may mean whoever runs Steady tried to listen in.
        </p>
      )}
      {preview && !mismatch && (
        <section class="card" aria-labelledby="join-about">
          <h2 id="join-about" data-testid="join-circle-name">
            {preview.name}
          </h2>
          <p>
            {preview.inviter_name} invited you. {preview.members} {preview.members === 1 ? 'person is' : 'people are'}{' '}
            in it now.
          </p>
          <p>Before you join, read the ground rules everyone in the circle has agreed to.</p>
          <Rules rules={preview.rules} />
          <label class="check">
            <input
              id="join-agree"
              type="checkbox"
              checked={agree}
              onChange={(e) => setAgree(e.currentTarget.checked)}
              aria-invalid={agreeError ? true : undefined}
              aria-describedby={agreeError ? 'join-agree-error' : undefined}
              data-testid="join-agree"
            />
            I agree to these ground rules
          </label>
          {agreeError && (
            <span class="field-error" id="join-agree-error">
              {agreeError}
            </span>
          )}
          <div class="button-row">
            <button type="button" onClick={() => void join()} data-testid="join-circle">
              Join {preview.name}
            </button>
            <a class="button quiet" href="/circles">
              Not now
            </a>
          </div>
        </section>
      )}
      <p role="status" data-testid="join-circle-message">
        {message}
      </p>
    </Page>
  );
}
