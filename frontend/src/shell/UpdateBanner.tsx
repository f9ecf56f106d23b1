import type { JSX } from 'preact';

import { applyUpdate, useUpdateReady } from '../lib/updates';

/** Shown when a new version is ready; hidden while an exercise is playing. */
export function UpdateBanner(): JSX.Element | null {
  const ready = useUpdateReady();
  if (!ready) return null;
  return (
    <div class="banner" role="status" data-testid="update-ready">
      <p>Update ready: a new version of Steady is downloaded.</p>
      <button type="button" onClick={applyUpdate}>
        Update now
      </button>
    </div>
  );
}
