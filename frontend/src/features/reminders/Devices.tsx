/** This phone's reminders switch, and the devices that get reminders. */
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';

import { type Schemas, api } from '../../lib/api';
import { currentSubscription, pushSupport, turnOnReminders } from './enable';

const EXPLAIN = {
  'needs-home-screen':
    'On iPhone, reminders only work once Steady is on your Home Screen: tap the Share button, choose "Add to Home Screen", then open Steady from there and come back to this page.',
  unsupported: "This browser can't show reminders. Steady still works fully; try Chrome, Edge, Firefox or Safari.",
  blocked: 'Notifications are blocked for Steady in this browser. You can allow them in the site settings, then come back here.',
} as const;

export function Devices(): JSX.Element {
  const [devices, setDevices] = useState<Schemas['SubscriptionView'][]>([]);
  const [here, setHere] = useState<string | null>(null);
  const [message, setMessage] = useState('');
  const support = pushSupport();

  async function load(): Promise<void> {
    const { data } = await api.GET('/api/reminders/subscriptions');
    if (data) setDevices(data);
    setHere((await currentSubscription().catch(() => null))?.endpoint ?? null);
  }
  useEffect(() => {
    void load();
  }, []);

  async function turnOn(): Promise<void> {
    setMessage('');
    const result = await turnOnReminders();
    setMessage(
      result === 'on'
        ? 'Reminders are on for this phone.'
        : result === 'declined'
          ? "No problem. Steady won't send anything to this phone."
          : "Steady couldn't turn reminders on just now. Check your connection and try again.",
    );
    await load();
  }

  async function remove(id: number): Promise<void> {
    await api.DELETE('/api/reminders/subscriptions/{subscription_id}', { params: { path: { subscription_id: id } } });
    await load();
  }

  const subscribedHere = here !== null && devices.some((d) => d.endpoint === here);
  return (
    <section aria-labelledby="devices-heading">
      <h2 id="devices-heading">This phone</h2>
      {support !== 'ready' ? (
        <p data-testid="push-explain">{EXPLAIN[support]}</p>
      ) : subscribedHere ? (
        <p>Reminders are on for this phone.</p>
      ) : (
        <p>
          <button type="button" onClick={() => void turnOn()} data-testid="push-enable">
            Turn on reminders on this phone
          </button>
        </p>
      )}
      <p role="status">{message}</p>
      {devices.length > 0 && (
        <>
          <h3>Devices that get reminders</h3>
          <ul class="list">
            {devices.map((device) => (
              <li key={device.id} data-testid="device-row">
                {device.label || 'A browser'}
                {device.endpoint === here ? ' (this phone)' : ''}
                <button type="button" class="secondary" onClick={() => void remove(device.id)}>
                  Remove<span class="visually-hidden"> {device.label}</span>
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
