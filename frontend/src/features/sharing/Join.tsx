/** Answering an invite: sign in if needed, see who is asking, then accept or decline. */
import { MAX_LENGTH } from '../../lib/api-limits';
import type { JSX } from 'preact';
import { useLocation } from 'preact-iso';
import { useEffect, useRef, useState } from 'preact/hooks';

import { type Schemas, api, describeError } from '../../lib/api';
import { focusFirstProblem } from '../../lib/forms';
import { inviteFragment } from '../../lib/invites';
import { useSession } from '../../lib/session';
import { TextField } from '../../ui/field';
import { Page } from '../../ui/page';
import { reach } from '../../lib/reach';
import { SignedOut } from './SignedOut';

type Redeem = { token: string } | { code: string };
export function Join(): JSX.Element {
  const session = useSession();
  const { query, route } = useLocation();
  const token = query.t ?? '';
  const [code, setCode] = useState('');
  const [redeem, setRedeem] = useState<Redeem | null>(token ? { token } : null);
  const [invite, setInvite] = useState<Schemas['InvitePreview'] | null>(null);
  const [message, setMessage] = useState('');
  const [codeError, setCodeError] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const [fragment] = useState(() => inviteFragment(token));
  const form = useRef<HTMLFormElement>(null);

  async function look(body: Redeem): Promise<void> {
    setMessage('');
    setCodeError('');
    if ('code' in body && !body.code.trim()) {
      setCodeError('Type the code they read to you, like ABCD-EFGH.');
      focusFirstProblem(form.current);
      return;
    }
    const { data, error } = await reach(api.POST('/api/sharing/invites/open', { body }));
    if (data) {
      setRedeem(body);
      setInvite(data);
      if (fragment && 'token' in body) {
        const { inviterMatches } = await import('./trust');
        setMismatch(!(await inviterMatches(data, fragment)));
      }
    } else if ('code' in body) {
      setCodeError(describeError(error));
      focusFirstProblem(form.current);
    } else {
      setInvite(null);
      setMessage(describeError(error));
    }
  }

  useEffect(() => {
    if (session.status === 'signed_in' && token) void look({ token });
  }, [session.status, token]);

  async function answer(accept: boolean): Promise<void> {
    if (!redeem) return;
    const trust = fragment && 'token' in redeem ? await import('./trust') : null;
    const keyMac = trust && fragment ? await trust.joinerMac(fragment) : undefined;
    const { data, error } = accept
      ? await reach(api.POST('/api/sharing/invites/accept', { body: keyMac ? { ...redeem, key_mac: keyMac } : redeem }))
      : await reach(api.POST('/api/sharing/invites/decline', { body: redeem }));
    if (error) {
      setMessage(describeError(error));
      return;
    }
    if (accept && trust && fragment && data && 'id' in data) await trust.pinFromInvite(data.id, data.name, fragment);
    if (accept) route('/share');
    else {
      setInvite(null);
      setMessage("You said no, kindly. Nothing is connected, and they won't be told why.");
    }
  }

  if (session.status !== 'signed_in')
    return <SignedOut title="Join someone on Steady" next={token ? `/join?t=${token}` : '/join'} />;
  return (
    <Page title="Join someone on Steady">
      {invite ? (
        <section class="card" aria-labelledby="invite-from">
          <h2 id="invite-from" data-testid="invite-from">
            {invite.inviter_name} would like to share with you
          </h2>
          <p>
            If you accept, {invite.inviter_name} can send you short summaries of how they're doing, and you can reply
            with a few kind words. You can share with them too. Either of you can end it at any time.
          </p>
          {mismatch ? (
            <p class="form-error" role="alert" data-testid="invite-keys-mismatch">
              This link was made for keys that don't match the ones Steady's server gave for {invite.inviter_name}.
              Someone may be trying to listen in, so this phone won't connect. Ask {invite.inviter_name} for a new
              invite in person, or use the code and compare safety numbers.
            </p>
          ) : (
            <div class="button-row">
              <button type="button" onClick={() => void answer(true)} data-testid="invite-accept">
                Accept
              </button>
              <button type="button" class="secondary" onClick={() => void answer(false)} data-testid="invite-decline">
                Decline
              </button>
            </div>
          )}
        </section>
      ) : (
        <form
          ref={form}
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void look({ code });
          }}
        >
          <TextField
            id="invite-code"
            label="Invite code"
            hint="The eight letters and numbers they read to you, like ABCD-EFGH"
            value={code}
            onInput={(value) => {
              setCode(value);
              setCodeError('');
            }}
            maxLength={MAX_LENGTH.InviteRedeem.code}
            autoComplete="off"
            required
            error={codeError}
          />
          <button type="submit" data-testid="invite-code-submit">
            Look up
          </button>
        </form>
      )}
      <p role="status" data-testid="join-message">
        {message}
      </p>
    </Page>
  );
}
