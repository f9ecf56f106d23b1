/** A calm stand-in for a part of Steady that is still being built. */
import type { JSX } from 'preact';

import { Page } from '../../ui/page';

export function Soon({ title }: { title: string }): JSX.Element {
  return (
    <Page title={title}>
      <p>This part of Steady is still being built.</p>
      <p>
        If you need support right now, please call your local emergency number or a crisis line, or reach out to
        someone you trust.
      </p>
      <p>
        <a href="/">Back to home</a>
      </p>
    </Page>
  );
}
