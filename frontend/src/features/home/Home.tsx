/** Home: help one tap away, the shift button, and the day's small things. */
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';

import { useSession } from '../../lib/session';
import { Page } from '../../ui/page';
import { ShiftButton } from '../shifts/public';
import { useUnread } from '../sharing/public';
import { nowDate } from '../../lib/clock';

const ENTRIES = [
  {
    href: '/leaving-shift',
    title: 'Leaving shift',
    text: 'Three minutes to land before home',
    testid: 'entry-leaving',
  },
  { href: '/ground-now', title: 'Ground now', text: 'A guided minute to settle', testid: 'entry-ground' },
  { href: '/checkin', title: 'Check in', text: 'How are you, right now?', testid: 'entry-checkin' },
  { href: '/today', title: "Today's commitments", text: 'One small thing at a time', testid: 'entry-today' },
  { href: '/toolkit', title: 'Safety plan', text: 'Your plan for hard moments', testid: 'entry-plan' },
  { href: '/circles', title: 'Circles', text: 'A round with your peer group', testid: 'entry-circles' },
];

function greeting(now: Date): string {
  const hour = now.getHours();
  if (hour < 5) return 'Still going? Be gentle with yourself';
  if (hour < 12) return 'Good morning';
  if (hour < 18) return 'Good afternoon';
  return 'Good evening';
}

/**
 * The time of day is the phone's, so the greeting is filled in once the page runs there,
 * on a line of its own that is already the right height (nothing below it moves).
 */
function Greeting(): JSX.Element {
  const session = useSession();
  const [now, setNow] = useState<Date | null>(null);
  useEffect(() => setNow(nowDate()), []);
  const name = session.account?.username;
  return <p class="greeting">{now === null ? '\u00a0' : `${greeting(now)}${name ? `, ${name}` : ''}.`}</p>;
}

/** Sharing, with how many summaries and replies are waiting to be read. */
function ShareEntry(): JSX.Element {
  const unread = useUnread();
  const waiting = unread ? unread.summaries + unread.replies : 0;
  const words = unread
    ? [
        unread.summaries ? `${unread.summaries} new from your people` : '',
        unread.replies ? `${unread.replies} new ${unread.replies === 1 ? 'reply' : 'replies'}` : '',
      ].filter(Boolean)
    : [];
  return (
    <a class="entry" href="/share" data-testid="entry-share">
      <strong>
        Share
        {waiting > 0 && (
          <span class="badge" data-testid="unread-badge">
            {waiting}
            <span class="visually-hidden"> new</span>
          </span>
        )}
      </strong>
      <span>{words.length ? words.join(', ') : 'Let a trusted peer know'}</span>
    </a>
  );
}

export function Home(): JSX.Element {
  return (
    <Page title="Steady" heading="How are you, really?">
      <Greeting />
      <p class="muted">Whatever this shift held, you don't have to carry it alone.</p>
      <ul class="entry-grid">
        <li class="wide">
          <a class="entry crisis" href="/crisis" data-testid="entry-crisis">
            <strong>Help now</strong>
            <span>The people and lines to call, and your reasons — right now</span>
          </a>
        </li>
        {ENTRIES.map((entry) => (
          <li key={entry.href}>
            <a class="entry" href={entry.href} data-testid={entry.testid}>
              <strong>{entry.title}</strong>
              <span>{entry.text}</span>
            </a>
          </li>
        ))}
        <li>
          <ShareEntry />
        </li>
      </ul>
      <ShiftButton compact />
    </Page>
  );
}
