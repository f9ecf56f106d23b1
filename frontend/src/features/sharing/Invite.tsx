/** Invites: making one (a link to send and a code to read aloud), and the ones still open,
 * with their link and code on the phone that made them until used, revoked or expired. */
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';

import { type Schemas, api, describeError } from '../../lib/api';
import { toBase64Url } from '../../lib/crypto/bytes';
import { type MadeInvite, keepInviteSecret, peerInvites } from '../../lib/invites';
import { db } from '../../lib/store';
import { reach } from '../../lib/reach';
import { OpenInvite } from '../../ui/invite';

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
    // The link's fragment binds it to this person's keys (the server never sees it).
    const keys = await (await db()).get('keys', 'mine');
    const secret = toBase64Url(crypto.getRandomValues(new Uint8Array(16)));
    if (keys) await keepInviteSecret(secret);
    await peerInvites.remember(keys ? { ...data, fingerprint: keys.fingerprint, secret } : data);
    setMessage('Your invite is ready below. Send the link, or read them the code.');
    onChange();
  }

  async function revoke(id: number): Promise<void> {
    const { error, response } = await reach(
      api.DELETE('/api/sharing/invites/{invite_id}', { params: { path: { invite_id: id } } }),
    );
    setMessage(response?.ok ? 'That invite no longer works.' : describeError(error));
    onChange();
  }

  return (
    <section aria-labelledby="invite-heading" class="card">
      <h2 id="invite-heading">Invite someone</h2>
      <p>
        Invite a colleague or friend you trust. They see nothing until you choose to share, and either of you can end it
        at any time.
      </p>
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
                link={peerInvites.link}
                shareText="I'd like to share how I'm doing with you on Steady."
                onRevoke={() => void revoke(invite.id)}
              />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
