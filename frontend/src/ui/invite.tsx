/** An invite still waiting: its link and code (on the phone that made it), to copy, send
 * or revoke. Used for peers and for circles. */
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';

import type { Schemas } from '../lib/api';
import { when } from '../lib/dates';
import type { MadeInvite } from '../lib/invites';

export function OpenInvite({
  invite,
  made,
  link: linkFor,
  shareText,
  onRevoke,
}: {
  invite: Schemas['InviteView'];
  made: MadeInvite | undefined;
  link: (invite: MadeInvite) => string;
  shareText: string;
  onRevoke: () => void;
}): JSX.Element {
  const [message, setMessage] = useState('');
  const link = made ? linkFor(made) : '';

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
      await navigator.share({ title: 'Join me on Steady', text: shareText, url: link });
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
            Or read them the code:{' '}
            <strong class="invite-code" data-testid="invite-code">
              {made.code}
            </strong>
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
