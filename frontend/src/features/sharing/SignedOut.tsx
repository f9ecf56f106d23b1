/** What the sharing pages say to someone not signed in. */
import type { JSX } from 'preact';

import { Page } from '../../ui/page';

export function SignedOut({ title, next }: { title: string; next: string }): JSX.Element {
  const query = `?next=${encodeURIComponent(next)}`;
  return (
    <Page title={title}>
      <p>
        Sharing with a peer goes through your Steady account, so it needs you to be signed in. It takes a few seconds,
        and nothing is ever shared unless you choose to.
      </p>
      <div class="button-row">
        <a class="button" href={`/sign-in${query}`} data-testid="share-sign-in">
          Sign in
        </a>
        <a class="button secondary" href={`/sign-up${query}`} data-testid="share-sign-up">
          Create an account
        </a>
      </div>
    </Page>
  );
}
