import type { JSX } from 'preact';

import { useSession } from '../lib/session';
import { StatusChip } from './StatusChip';

export function Header(): JSX.Element {
  const session = useSession();
  return (
    <header class="app-header">
      <a class="brand" href="/" aria-label="Steady, home">
        <img src="/icons/icon-192.png" alt="" width={28} height={28} />
        <span>Steady</span>
      </a>
      <StatusChip />
      {session.status === 'signed_in' ? (
        <a class="header-link" href="/account" data-testid="account-link">
          Account
        </a>
      ) : (
        <a class="header-link" href="/sign-in" data-testid="sign-in-link">
          Sign in
        </a>
      )}
    </header>
  );
}
