/** Start shift / End shift, one tap, online or offline: reminders wait while a shift runs. */
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';

import { endShift, startShift, useRunningShift } from './shifts';

function clock(iso: string): string {
  return new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
}

export function ShiftButton({ compact = false }: { compact?: boolean }): JSX.Element {
  const running = useRunningShift();
  const [message, setMessage] = useState('');

  async function toggle(): Promise<void> {
    if (running) {
      await endShift();
      setMessage('Shift ended. Reminders can reach you again. Go gently.');
    } else {
      const shift = await startShift();
      setMessage(`On shift since ${clock(shift.started_at)}. Reminders will wait until you end it.`);
    }
  }

  return (
    <div class={compact ? 'shift-bar' : 'card shift-card'} data-testid="shift">
      <p class="shift-state" data-testid="shift-state">
        {running === undefined ? '\u00a0' : running ? `On shift since ${clock(running.started_at)}.` : 'Not on shift.'}
      </p>
      <button
        type="button"
        class={running ? 'secondary' : undefined}
        onClick={() => void toggle()}
        disabled={running === undefined}
        data-testid="shift-toggle"
      >
        {running ? 'End shift' : 'Start shift'}
      </button>
      <p role="status" class="hint" data-testid="shift-message">
        {message}
      </p>
    </div>
  );
}
