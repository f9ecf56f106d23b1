/** Share with a peer: your people, invites, what you shared, and what was shared with you. */
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';

import { type Schemas, api, describeError } from '../../lib/api';
import { useSession } from '../../lib/session';
import { Page } from '../../ui/page';
import { InvitePanel } from './Invite';
import { type MadeInvite, peerInvites } from '../../lib/invites';
import { Nudge } from './Nudge';
import { reach } from '../../lib/reach';
import { SignedOut } from './SignedOut';
import { when } from '../../lib/dates';
import { type PeerPin, db } from '../../lib/store';

interface Loaded {
  peers: Schemas['PeerView'][];
  invites: Schemas['InviteView'][];
  made: MadeInvite[];
  sent: Schemas['SentView'][];
  unseen: number;
}

function Peers({ peers, reload }: { peers: Schemas['PeerView'][]; reload: () => void }): JSX.Element {
  const [message, setMessage] = useState('');
  const [pins, setPins] = useState<Map<string, PeerPin>>(new Map());
  useEffect(() => {
    const showPins = () =>
      db()
        .then((store) => store.getAll('pins'))
        .then((all) => setPins(new Map(all.map((pin) => [pin.key, pin]))));
    void showPins();
    // People who joined by this phone's links: check what they sent (crypto loads only then).
    if (peers.some((peer) => peer.invited_by_me && peer.key_mac)) {
      void import('./trust').then((trust) => trust.checkJoiners(peers)).then(showPins, () => undefined);
    }
  }, [peers]);

  async function end(peer: Schemas['PeerView'], block: boolean): Promise<void> {
    const question = block
      ? `Block ${peer.name}? The connection ends, what you shared with each other is gone, and they can't connect with you again.`
      : `Stop sharing with ${peer.name}? What you shared with each other is gone for both of you.`;
    if (!confirm(question)) return;
    const path = { params: { path: { peer_id: peer.id } } };
    const { error } = block
      ? await reach(api.POST('/api/sharing/peers/{peer_id}/block', path))
      : await reach(api.DELETE('/api/sharing/peers/{peer_id}', path));
    setMessage(error ? describeError(error) : `You no longer share with ${peer.name}.`);
    reload();
  }

  return (
    <section aria-labelledby="peers-heading">
      <h2 id="peers-heading">Your people</h2>
      {peers.length === 0 ? (
        <p>No one yet. Invite someone you trust below.</p>
      ) : (
        <ul class="list">
          {peers.map((peer) => (
            <li key={peer.id} data-testid="peer-row">
              <span>
                <strong>{peer.name}</strong>
                <span class="muted"> since {when(peer.since)}</span>
                <br />
                <a href={`/share/peers/${peer.id}`} data-testid="peer-trust">
                  {pins.get(peer.id)?.verified ? 'Verified' : 'Not verified'}
                  <span class="visually-hidden">: compare safety numbers with {peer.name}</span>
                </a>
              </span>
              <span class="item-actions">
                <a class="button" href={`/share/compose?to=${peer.id}`} data-testid="share-with">
                  Share<span class="visually-hidden"> with {peer.name}</span>
                </a>
                <button type="button" class="secondary" onClick={() => void end(peer, false)}>
                  End<span class="visually-hidden"> sharing with {peer.name}</span>
                </button>
                <button type="button" class="secondary" onClick={() => void end(peer, true)}>
                  Block<span class="visually-hidden"> {peer.name}</span>
                </button>
              </span>
            </li>
          ))}
        </ul>
      )}
      <p role="status">{message}</p>
    </section>
  );
}

function Sent({ sent }: { sent: Schemas['SentView'][] }): JSX.Element | null {
  if (sent.length === 0) return null;
  return (
    <section aria-labelledby="sent-heading">
      <h2 id="sent-heading">What you shared</h2>
      <ul class="list">
        {sent.map((item) => (
          <li key={item.id} data-testid="sent-row">
            <a href={`/share/sent/${item.id}`}>
              To {item.to_name}, {when(item.created_at)}
            </a>
            <span class="muted">
              {item.seen_at ? ' · seen' : ' · not seen yet'}
              {item.replies.length > 0
                ? ` · ${item.replies.length} repl${item.replies.length === 1 ? 'y' : 'ies'}`
                : ''}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function Sharing(): JSX.Element {
  const session = useSession();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [problem, setProblem] = useState('');

  async function load(): Promise<void> {
    const offline = "You're offline. Sharing needs a connection; your check-ins and toolkit still work.";
    const [peers, invites, sent, inbox] = await Promise.all([
      api.GET('/api/sharing/peers'),
      api.GET('/api/sharing/invites'),
      api.GET('/api/sharing/sent'),
      api.GET('/api/sharing/inbox'),
    ]).catch(() => [null, null, null, null] as const);
    if (!peers?.data || !invites?.data || !sent?.data || !inbox?.data) {
      setProblem(navigator.onLine && peers ? describeError(peers.error) : offline);
      return;
    }
    setProblem('');
    const made = await peerInvites.keepOpen(invites.data.map((invite) => invite.id));
    setLoaded({
      peers: peers.data,
      invites: invites.data,
      made,
      sent: sent.data,
      unseen: inbox.data.filter((s) => !s.seen).length,
    });
  }

  useEffect(() => {
    if (session.status === 'signed_in') void load();
  }, [session.status]);

  if (session.status !== 'signed_in') return <SignedOut title="Share with a peer" next="/share" />;
  return (
    <Page title="Share with a peer">
      <p>
        Let someone you trust know how you're doing. You choose exactly what they see, and you can take it back at any
        time.
      </p>
      <p>
        <a href="/what-the-host-sees">What the people running Steady can and can't see</a>
      </p>
      <p>
        <a class="button secondary" href="/share/inbox" data-testid="inbox-link">
          Shared with you{loaded && loaded.unseen > 0 ? ` (${loaded.unseen} new)` : ''}
        </a>
      </p>
      {problem && <p role="alert">{problem}</p>}
      {loaded && (
        <>
          <Peers peers={loaded.peers} reload={() => void load()} />
          <InvitePanel open={loaded.invites} made={loaded.made} onChange={() => void load()} />
          <Sent sent={loaded.sent} />
          <Nudge />
        </>
      )}
    </Page>
  );
}
