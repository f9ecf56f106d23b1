/** "All saved" / "3 changes waiting" / "Offline": what has and hasn't reached the server. */
import type { JSX } from 'preact';

import { useSession } from '../lib/session';
import { useSyncStatus } from '../lib/sync';

export function StatusChip(): JSX.Element {
  const sync = useSyncStatus();
  const session = useSession();
  const signedIn = session.status === 'signed_in';
  let text: string;
  let state: string;
  if (!sync.online) {
    state = 'offline';
    text = sync.pending > 0 && signedIn ? `Offline · ${sync.pending} waiting` : 'Offline';
  } else if (!signedIn) {
    state = 'local';
    text = 'Saved on this phone';
  } else if (sync.pending > 0) {
    state = 'waiting';
    text = sync.pending === 1 ? '1 change waiting' : `${sync.pending} changes waiting`;
  } else {
    state = 'saved';
    text = 'All saved';
  }
  return (
    <span class="status-chip" data-state={state} data-testid="sync-status" role="status">
      <span class="dot" aria-hidden="true" />
      {text}
    </span>
  );
}
