/** What the people running this Steady can and can't see, in plain words. Kept true as
 * sealing grows: each line here is checked against SECURITY.md. */
import type { JSX } from 'preact';

import { Page } from '../../ui/page';

export function HostCanSee(): JSX.Element {
  return (
    <Page title="What the host can and can't see">
      <p>
        Steady is often run by an employer, a union or a school district. This is exactly what they — or anyone with the
        server's database, backups or logs — can and can't see.
      </p>
      <section class="card" aria-labelledby="cannot-heading" data-testid="host-cannot-see">
        <h2 id="cannot-heading">They can't see</h2>
        <ul>
          <li>Your passphrase. It never leaves your phone: your phone turns it into a login key and keeps the rest.</li>
          <li>Your private keys. The server holds them only locked with your passphrase or your recovery key.</li>
          <li>
            What you share with a peer and what they reply. Your phone puts the summary together from what it holds and
            seals it so only the two of you can open it; the server keeps only the sealed version, and taking a summary
            back deletes even that.
          </li>
          <li>
            What you and others post in a circle, and the facilitator's summary. Each is sealed on the phone with the
            circle's key, which only the members have; a new key is made whenever someone joins or leaves, and newcomers
            can't open earlier rounds.
          </li>
          <li>Anything on a phone that isn't sent: drafts, and everything if you use Steady without an account.</li>
        </ul>
      </section>
      <section class="card" aria-labelledby="can-heading" data-testid="host-can-see">
        <h2 id="can-heading">They can see, for now</h2>
        <ul>
          <li>
            Your check-ins, safety plan, commitments and grounding sessions, once you sign in (they sync through the
            server as they are).
          </li>
          <li>A small change from a circle that you add to your own Today list: it becomes one of your commitments.</li>
          <li>
            Summaries and replies sent before sealing came to Steady, for at most 14 days: then they are taken off for
            good.
          </li>
        </ul>
      </section>
      <section class="card" aria-labelledby="always-heading">
        <h2 id="always-heading">They will always see</h2>
        <ul>
          <li>
            Who is connected to whom, who is in which circle, who posted which kind of thing in a round, and when things
            are sent, seen and replied to.
          </li>
          <li>
            How big things are, your reminder times, shifts, quiet hours and time zone, and the addresses your phone
            connects from.
          </li>
        </ul>
      </section>
      <section class="card" aria-labelledby="reset-heading">
        <h2 id="reset-heading">If you lose your passphrase and your recovery key</h2>
        <p>
          Nobody can open your keys for you, not even the people running Steady. They can let you start again with new
          keys, but what was sealed to your old keys stays sealed for good, and you'd be invited to your circles again.
        </p>
      </section>
      <section class="card" aria-labelledby="limit-heading">
        <h2 id="limit-heading">The limit every web app has</h2>
        <p>
          A host that changed the app's code could take what you type. Installing Steady on your home screen keeps the
          version your phone already trusts until you choose to update, which narrows this but doesn't remove it.
        </p>
      </section>
    </Page>
  );
}
