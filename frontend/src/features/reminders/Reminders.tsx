/** Reminders: the shift button, this phone's switch, and what to be reminded of. Works
 * offline from what the phone knows, and says plainly what needs a connection. */
import type { JSX } from 'preact';

import { useSession } from '../../lib/session';
import { Page } from '../../ui/page';
import { Devices } from './Devices';
import { Preferences } from './Preferences';
import { ShiftButton } from '../shifts/public';

export function Reminders(): JSX.Element {
  const session = useSession();
  if (session.status !== 'signed_in') {
    return (
      <Page title="Reminders">
        <p>
          Reminders come from your Steady account, so they need you to be signed in. Everything else works without one.
        </p>
        <ShiftButton />
        <p>
          <a class="button" href="/sign-in">
            Sign in
          </a>
        </p>
      </Page>
    );
  }
  return (
    <Page title="Reminders">
      <p>
        Gentle nudges for the small things you planned: never during quiet hours or a shift, and never more than you
        choose.
      </p>
      <ShiftButton />
      <Devices />
      <Preferences />
    </Page>
  );
}
