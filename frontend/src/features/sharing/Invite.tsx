/** Invites: making one (a link to send and a code to read aloud), and the ones still open,
 * with their link and code on the phone that made them until used, revoked or expired. */
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';

import { type Schemas, api, describeError } from '../../lib/api';
import { type MadeInvite, inviteLink, rememberInvite } from './invites';
import { reach } from './reach';
import { when } from './SummaryCard';

function OpenInvite({ invite, made, onRevoke }: { invite: Schemas['InviteView']; made: MadeInvite | undefined; onRevoke: () => void }): JSX.Element {
  const [message, setMessage] = useState('');
  const link = made ? inviteLink(made) : '';

  async function copy(): Promise<void> {
    try {
      await navigator.clipboard.writeText(link);
      setMessage('Link copied. Send it to them however you usually talk.');
    } catch {
      setMessage("This browser won't copy for Steady: press and hold the link to copy it.");
    }
  }

  async function send(): Promise<void> {
    try {
      await navigator.share({ title: 'Join me on Steady', text: "I'd like to share how I'm doing with you on Steady.", url: link });
    } catch {
      /* they closed the share sheet */
    }
  }

  return (
    <li class="invite" data-testid="open-invite">
      <p class="muted">
        Made {when(invite.created_at)} · works once, until {when(invite.expires_at)}
      </p>
      {made ? (
        <>
          <label for={`invite-link-${invite.id}`}>Invite link</label>
          <output id={`invite-link-${invite.id}`} class="invite-link" data-testid="invite-link">
            {link}
          </output>
          <p>
            Or read them the code: <strong class="invite-code" data-testid="invite-code">{made.code}</strong>
          </p>
          <div class="button-row">
            <button type="button" onClick={() => void copy()} data-testid="invite-copy">
              Copy link
            </button>
            {'share' in navigator && (
              <button type="button" class="secondary" onClick={() => void send()}>
                Send…
              </button>
            )}
            <button type="button" class="quiet" onClick={onRevoke} data-testid="invite-revoke">
              Revoke<span class="visually-hidden"> this invite</span>
            </button>
          </div>
        </>
      ) : (
        <div class="button-row">
          <span class="hint">Made on another phone: its link and code are there.</span>
          <button type="button" class="quiet" onClick={onRevoke} data-testid="invite-revoke">
            Revoke<span class="visually-hidden"> this invite</span>
          </button>
        </div>
      )}
      <p role="status">{message}</p>
    </li>
  );
}

export function InvitePanel({
  open,
  made,
  onChange,
}: {
  open: Schemas['InviteView'][];
  made: MadeInvite[];
  onChange: () => void;
}): JSX.Element {
  const [message, setMessage] = useState('');

  async function create(): Promise<void> {
    setMessage('');
    const { data, error } = await reach(api.POST('/api/sharing/invites'));
    if (!data) {
      setMessage(describeError(error));
      return;
    }
    await rememberInvite(data);
    setMessage('Your invite is ready below. Send the link, or read them the code.');
    onChange();
  }

  async function revoke(id: number): Promise<void> {
    const { error, response } = await reach(api.DELETE('/api/sharing/invites/{invite_id}', { params: { path: { invite_id: id } } }));
    setMessage(response?.ok ? 'That invite no longer works.' : describeError(error));
    onChange();
  }

  return (
    <section aria-labelledby="invite-heading" class="card">
      <h2 id="invite-heading">Invite someone</h2>
      <p>Invite a colleague or friend you trust. They see nothing until you choose to share, and either of you can end it at any time.</p>
      <button type="button" onClick={() => void create()} data-testid="invite-create">
        Make an invite
      </button>
      <p role="status">{message}</p>
      {open.length > 0 && (
        <>
          <h3>Invites waiting</h3>
          <ul class="list">
            {open.map((invite) => (
              <OpenInvite
                key={invite.id}
                invite={invite}
                made={made.find((m) => m.id === invite.id)}
                onRevoke={() => void revoke(invite.id)}
              />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
