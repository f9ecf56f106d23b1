/**
 * Build-time prerendering (run by @preact/preset-vite in Node): the home, crisis and
 * grounding pages become real HTML, so they paint before any JavaScript runs, and
 * "/shell" is the frame alone, served for every other app route until its code loads.
 */
import { LocationProvider } from 'preact-iso';
import { locationStub } from 'preact-iso/prerender';
import { renderToStringAsync } from 'preact-render-to-string';

import { App, Frame } from './app';

const TITLES: Record<string, string> = {
  '/': 'Steady',
  '/crisis': 'Help now · Steady',
  '/ground': 'Grounding · Steady',
  '/shell': 'Steady',
};

export async function prerender(data: { url: string }): Promise<{ html: string; links: Set<string>; head: object }> {
  locationStub(data.url);
  const tree =
    data.url === '/shell' ? (
      <LocationProvider>
        <Frame />
      </LocationProvider>
    ) : (
      <App />
    );
  const html = await renderToStringAsync(tree);
  // Only the listed routes are prerendered; links found on them are not crawled.
  return { html, links: new Set(), head: { lang: 'en', title: TITLES[data.url] ?? 'Steady' } };
}
