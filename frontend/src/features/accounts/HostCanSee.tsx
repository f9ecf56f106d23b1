/** What the people running this Steady can and can't see, in plain words. Kept true as
 * sealing grows: each line here is checked against SECURITY.md. */
import type { JSX } from 'preact';

import { Page } from '../../ui/page';

export function HostCanSee(): JSX.Element {
  return (
    <Page title="What the host can and can't see">
      <p>
        Steady is often run by an employer, a union or a school district. This is exactly what they — or anyone with the server's database, backups or logs — can and can't
        see.
      </p>
      <section class="card" aria-labelledby="cannot-heading" data-testid="host-cannot-see">
        <h2 id="cannot-heading">They can't see</h2>
        <ul>
          <li>Your passphrase. It never leaves your phone: your phone turns it into a login key and keeps the rest.</li>
          <li>Your private keys. The server holds them only locked with your passphrase or your recovery key.</li>
          <li>
            What you share with a peer and what they reply. It is sealed on your phone so only the two of you can open it; the server keeps only the sealed version, and
            taking a summary back deletes even that.
          </li>
          <li>Anything on a phone that isn't sent: drafts, and everything if you use Steady without an account.</li>
        </ul>
      </section>
      <section class="card" aria-labelledby="can-heading" data-testid="host-can-see">
        <h2 id="can-heading">They can see, for now</h2>
        <ul>
          <li>Your check-ins, safety plan, commitments and grounding sessions, once you sign in (they sync through the server as they are).</li>
          <li>What you post in a circle. Sealing circle posts is being built; until it ships, post as if your employer could read it.</li>
          <li>
            The figures in a summary while you preview it (they come from your check-ins, which the server already holds). The note and "what would help" never reach it
            unsealed.
          </li>
          <li>Summaries and replies sent before sealing came to Steady, for at most 14 days: then they are taken off for good.</li>
        </ul>
      </section>
      <section class="card" aria-labelledby="always-heading">
        <h2 id="always-heading">They will always see</h2>
        <ul>
          <li>Who is connected to whom, who is in which circle, and when things are sent, seen and replied to.</li>
          <li>How big things are, your reminder times, shifts, quiet hours and time zone, and the addresses your phone connects from.</li>
        </ul>
      </section>
      <section class="card" aria-labelledby="limit-heading">
        <h2 id="limit-heading">The limit every web app has</h2>
        <p>
          A host that changed the app's code could take what you type. Installing Steady on your home screen keeps the version your phone already trusts until you choose to
          update, which narrows this but doesn't remove it.
        </p>
      </section>
    </Page>
  );
}
