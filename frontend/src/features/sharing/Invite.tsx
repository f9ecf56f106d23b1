/** Making an invite: a link to send and a code to read aloud, shown once. */
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';

import { type Schemas, api, describeError } from '../../lib/api';
import { reach } from './reach';

export function InvitePanel({ onChange }: { onChange: () => void }): JSX.Element {
  const [invite, setInvite] = useState<Schemas['InviteCreated'] | null>(null);
  const [message, setMessage] = useState('');
  const link = invite ? `${location.origin}/join?t=${invite.token}` : '';

  async function create(): Promise<void> {
    setMessage('');
    const { data, error } = await reach(api.POST('/api/sharing/invites'));
    if (!data) {
      setMessage(describeError(error));
      return;
    }
    setInvite(data);
    onChange();
  }

  async function copy(): Promise<void> {
    try {
      await navigator.clipboard.writeText(link);
      setMessage('Link copied. Send it to them however you usually talk.');
    } catch {
      setMessage('Copying is not allowed here: select the link and copy it by hand.');
    }
  }

  async function share(): Promise<void> {
    try {
      await navigator.share({ title: 'Join me on Steady', text: 'I would like to share how I am doing with you on Steady.', url: link });
    } catch {
      /* they closed the share sheet */
    }
  }

  return (
    <section aria-labelledby="invite-heading" class="card">
      <h2 id="invite-heading">Invite someone</h2>
      {invite === null ? (
        <>
          <p>Invite a colleague or friend you trust. They see nothing until you choose to share, and either of you can end it at any time.</p>
          <button type="button" onClick={() => void create()} data-testid="invite-create">
            Make an invite
          </button>
        </>
      ) : (
        <>
          <p>Send them this link, or read them the code. It works once and for 72 hours.</p>
          <div class="field">
            <label for="invite-link">Invite link</label>
            <input id="invite-link" readOnly value={link} data-testid="invite-link" onFocus={(e) => e.currentTarget.select()} />
          </div>
          <p>
            Code: <strong class="invite-code" data-testid="invite-code">{invite.code}</strong>
          </p>
          <div class="button-row">
            <button type="button" onClick={() => void copy()}>
              Copy link
            </button>
            {'share' in navigator && (
              <button type="button" class="secondary" onClick={() => void share()}>
                Send…
              </button>
            )}
          </div>
        </>
      )}
      <p role="status">{message}</p>
    </section>
  );
}
