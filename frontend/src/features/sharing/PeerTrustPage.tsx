/** Comparing safety numbers with a peer, in person or on a call: if both screens show the
 * same digits, no one — the people running Steady included — put their own keys between
 * the two. Needs a connection (the peer's keys come from the server). */
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { useRoute } from 'preact-iso';

import { Page } from '../../ui/page';
import { type PeerTrust, markVerified, peerTrust } from './trust';

const STATE_WORDS = {
  verified: 'Verified: you compared these numbers and they matched.',
  unverified: 'Not verified yet.',
  changed:
    "Their keys have changed since this phone first met them. That can mean someone is trying to read what you share. Don't share with them until you've compared these numbers again.",
};

export function PeerTrustPage(): JSX.Element {
  const { params } = useRoute();
  const linkId = params.id ?? '';
  const [trust, setTrust] = useState<PeerTrust | null>(null);
  const [failed, setFailed] = useState('');

  const load = () =>
    peerTrust(linkId)
      .then(setTrust)
      .catch(() => setFailed("Steady couldn't reach the server. Comparing numbers needs a connection."));
  useEffect(() => void load(), [linkId]);

  if (failed)
    return (
      <Page title="Safety number">
        <p role="alert">{failed}</p>
      </Page>
    );
  if (!trust)
    return (
      <Page title="Safety number">
        <p role="status">Loading…</p>
      </Page>
    );
  if (trust.state === 'no-device-keys') {
    return (
      <Page title="Safety number">
        <p>This phone doesn't hold your keys yet. Sign out and sign in again to set them up.</p>
      </Page>
    );
  }
  if (trust.state === 'no-keys') {
    return (
      <Page title="Safety number">
        <p data-testid="peer-no-keys">{trust.message}</p>
      </Page>
    );
  }

  return (
    <Page title={`Check it's really ${trust.name}`}>
      <p>
        Meet {trust.name} or call them, and both open this screen. Read the numbers to each other. If they match, no one
        — not even the people running Steady — can read what you share with each other by pretending to be one of you.
      </p>
      <p class={trust.state === 'changed' ? 'form-error' : 'saved-note'} role="status" data-testid="peer-trust-state">
        {STATE_WORDS[trust.state]}
      </p>
      <ol class="safety-number" aria-label="Safety number" data-testid="safety-number">
        {trust.digits.map((group, index) => (
          <li key={index}>{group}</li>
        ))}
      </ol>
      {trust.state !== 'verified' && (
        <div class="button-row">
          <button type="button" data-testid="numbers-match" onClick={() => void markVerified(linkId).then(load)}>
            The numbers match
          </button>
        </div>
      )}
      <p class="muted">
        If the numbers don't match, don't share with {trust.name} for now, and tell them. You can end the connection
        from Share.
      </p>
      <p>
        <a href="/share">Back to Share</a>
      </p>
    </Page>
  );
}
