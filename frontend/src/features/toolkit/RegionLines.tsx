/** The crisis lines for a region, and the choice of region. */
import type { JSX } from 'preact';

import { setRegion } from './data';
import { LineActions } from './Contact';
import { LINES_NOTE, REGIONS, regionFor } from './regions';

export function RegionPicker({ region }: { region: string | null }): JSX.Element {
  const current = regionFor(region);
  return (
    <div class="field">
      <label for="region">Crisis lines for</label>
      <select
        id="region"
        value={current.code}
        onChange={(e) => void setRegion(e.currentTarget.value)}
        data-testid="region"
      >
        {REGIONS.map((option) => (
          <option key={option.code} value={option.code}>
            {option.name}
          </option>
        ))}
      </select>
    </div>
  );
}

export function RegionLines({ region, note = true }: { region: string | null; note?: boolean }): JSX.Element {
  const current = regionFor(region);
  return (
    <div data-testid="region-lines">
      {current.lines.map((line) => (
        <LineActions key={line.name} line={line} />
      ))}
      {note && <p class="hint">{LINES_NOTE}</p>}
    </div>
  );
}
