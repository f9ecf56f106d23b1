/** Five destinations within reach of one thumb. */
import type { JSX } from 'preact';
import { useLocation } from 'preact-iso';

import { Icon, type IconName } from '../ui/icons';

const ITEMS: { href: string; label: string; icon: IconName; testid: string }[] = [
  { href: '/', label: 'Home', icon: 'home', testid: 'nav-home' },
  { href: '/toolkit', label: 'Safety plan', icon: 'toolkit', testid: 'nav-toolkit' },
  { href: '/ground', label: 'Ground', icon: 'ground', testid: 'nav-ground' },
  { href: '/checkin', label: 'Check in', icon: 'checkin', testid: 'nav-checkin' },
  { href: '/today', label: 'Today', icon: 'today', testid: 'nav-today' },
];

function isCurrent(href: string, path: string): boolean {
  return href === '/' ? path === '/' : path === href || path.startsWith(`${href}/`);
}

export function BottomNav(): JSX.Element {
  const { path } = useLocation();
  return (
    <nav class="bottom-nav" aria-label="Main">
      <ul>
        {ITEMS.map((item) => (
          <li key={item.href}>
            <a
              href={item.href}
              data-testid={item.testid}
              aria-current={isCurrent(item.href, path) ? 'page' : undefined}
            >
              <Icon name={item.icon} />
              {item.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
