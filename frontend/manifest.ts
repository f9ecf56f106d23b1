import type { ManifestOptions } from 'vite-plugin-pwa';

/** The web app manifest: what the phone shows when Steady is installed. */
export const manifest: Partial<ManifestOptions> = {
  id: '/',
  name: 'Steady — support between shifts',
  short_name: 'Steady',
  description:
    'A calm companion for frontline workers: a safety plan and help now, grounding exercises, check-ins and small commitments that work offline.',
  start_url: '/',
  scope: '/',
  display: 'standalone',
  orientation: 'portrait',
  lang: 'en',
  theme_color: '#1f6f6a',
  background_color: '#f6f4ef',
  categories: ['health', 'lifestyle', 'medical'],
  icons: [
    { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
    { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
    { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
  ],
  shortcuts: [
    {
      name: 'Help now',
      short_name: 'Help now',
      description: 'The people and lines to call, and your reasons, right now.',
      url: '/crisis?source=shortcut',
      icons: [{ src: '/icons/shortcut-crisis-96.png', sizes: '96x96', type: 'image/png' }],
    },
    {
      name: 'Ground now',
      short_name: 'Ground',
      description: 'Start your favourite grounding exercise straight away.',
      url: '/ground-now?source=shortcut',
      icons: [{ src: '/icons/shortcut-ground-96.png', sizes: '96x96', type: 'image/png' }],
    },
  ],
};
