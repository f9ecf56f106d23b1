/** Steady's own line icons: decorative, so hidden from screen readers (labels carry meaning). */
import type { JSX } from 'preact';

const PATHS: Record<string, JSX.Element> = {
  home: <path d="M4 11.5 12 5l8 6.5V20a1 1 0 0 1-1 1h-4.5v-6h-5v6H5a1 1 0 0 1-1-1z" />,
  toolkit: (
    <>
      <path d="M12 21s-7-4.3-7-10.2A4.3 4.3 0 0 1 12 8a4.3 4.3 0 0 1 7 2.8C19 16.7 12 21 12 21z" />
      <path d="M9 13h6M12 10v6" />
    </>
  ),
  ground: (
    <>
      <circle cx="12" cy="12" r="8.5" />
      <circle cx="12" cy="12" r="4.5" />
      <circle cx="12" cy="12" r="1" />
    </>
  ),
  checkin: <path d="M3 12h4l2.5-5 4 10 2.5-5H21" />,
  today: (
    <>
      <circle cx="12" cy="12" r="8.5" />
      <path d="m8.5 12.2 2.4 2.4 4.8-5" />
    </>
  ),
  share: (
    <>
      <circle cx="8" cy="9" r="3" />
      <circle cx="16.5" cy="9" r="3" />
      <path d="M3 19c.6-3 2.6-4.5 5-4.5s4.4 1.5 5 4.5M12.5 16c.9-1 2.2-1.5 4-1.5 2.4 0 4.4 1.5 5 4.5" />
    </>
  ),
  phone: (
    <path d="M6.6 3.8 9 3.5l1.6 4-2 1.4a11 11 0 0 0 6.5 6.5l1.4-2 4 1.6-.3 2.4a2 2 0 0 1-2.1 1.7C10.6 18.6 5.4 13.4 4.9 5.9a2 2 0 0 1 1.7-2.1z" />
  ),
  message: <path d="M4 5h16v11H9l-5 4z" />,
  person: (
    <>
      <circle cx="12" cy="8" r="3.5" />
      <path d="M5 20c.8-4 3.4-6 7-6s6.2 2 7 6" />
    </>
  ),
};

export type IconName = keyof typeof PATHS;

export function Icon({ name, size = 24 }: { name: IconName; size?: number }): JSX.Element {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      stroke-width="1.8"
      stroke-linecap="round"
      stroke-linejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {PATHS[name]}
    </svg>
  );
}
