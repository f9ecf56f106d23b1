/** A circle's ground rules, as the server states them (everyone agrees to the same ones). */
import type { JSX } from 'preact';

export function Rules({ rules, open = true }: { rules: string[]; open?: boolean }): JSX.Element {
  return (
    <details class="more rules" open={open} data-testid="circle-rules">
      <summary>Ground rules</summary>
      <ul>
        {rules.map((rule) => (
          <li key={rule}>{rule}</li>
        ))}
      </ul>
    </details>
  );
}
