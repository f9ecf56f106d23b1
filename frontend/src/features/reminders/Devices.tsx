/** This phone's reminders switch, and the devices that get reminders. Turning reminders on
 * shows its progress and ends with a clear result, never silence. */
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';

import { type Schemas, api, describeError, withPatience } from '../../lib/api';
import { getMeta, setMeta } from '../../lib/store';
import { currentSubscription, pushSupport, turnOnReminders } from './enable';

const EXPLAIN = {
  'needs-home-screen':
    'On iPhone, reminders only work once Steady is on your Home Screen: tap the Share button, choose "Add to Home Screen", then open Steady from there and come back to this page.',
  unsupported: "This browser can't show reminders. Steady still works fully; try Chrome, Edge, Firefox or Safari.",
  blocked:
    "Notifications are blocked for Steady in this browser. Allow them in the site's settings, then come back here.",
} as const;
const KEPT = 'reminder-devices';

export function Devices(): JSX.Element {
  const [devices, setDevices] = useState<Schemas['SubscriptionView'][]>([]);
  const [online, setOnline] = useState<boolean | null>(null);
  const [here, setHere] = useState<string | null>(null);
  const [working, setWorking] = useState(false);
  const [message, setMessage] = useState('');
  const support = pushSupport();

  async function load(): Promise<void> {
    const kept = await getMeta<Schemas['SubscriptionView'][]>(KEPT).catch(() => undefined);
    if (kept) setDevices(kept);
    setHere((await currentSubscription().catch(() => null))?.endpoint ?? null);
    try {
      const { data } = await withPatience(api.GET('/api/reminders/subscriptions'));
      if (!data) throw new Error('no list');
      setDevices(data);
      setOnline(true);
      await setMeta(KEPT, data);
    } catch {
      setOnline(false);
    }
  }
  useEffect(() => {
    void load();
  }, []);

  async function turnOn(): Promise<void> {
    setWorking(true);
    setMessage('Turning on reminders…');
    try {
      const result = await turnOnReminders();
      setMessage(result.message);
    } finally {
      setWorking(false);
    }
    await load();
  }

  async function remove(id: number): Promise<void> {
    try {
      const { error, response } = await api.DELETE('/api/reminders/subscriptions/{subscription_id}', {
        params: { path: { subscription_id: id } },
      });
      if (!response.ok) setMessage(describeError(error));
    } catch {
      setMessage('Removing a device needs a connection. Try again when you have signal.');
    }
    await load();
  }

  const subscribedHere = here !== null && devices.some((d) => d.endpoint === here);
  return (
    <section aria-labelledby="devices-heading">
      <h2 id="devices-heading">This phone</h2>
      {online === false && (
        <p class="banner" data-testid="devices-need-connection">
          You're offline. Turning reminders on or off for a phone needs a connection.
        </p>
      )}
      {support !== 'ready' ? (
        <p data-testid="push-explain">{EXPLAIN[support]}</p>
      ) : subscribedHere ? (
        <p>Reminders are on for this phone.</p>
      ) : (
        <p>
          <button
            type="button"
            onClick={() => void turnOn()}
            disabled={working || online === false}
            data-testid="push-enable"
          >
            {working ? 'Turning on…' : 'Turn on reminders on this phone'}
          </button>
        </p>
      )}
      <p role="status" data-testid="push-message">
        {message}
      </p>
      {devices.length > 0 && (
        <>
          <h3>Devices that get reminders</h3>
          <ul class="list">
            {devices.map((device) => (
              <li key={device.id} data-testid="device-row" class="item-row">
                <span class="item-text">
                  {device.label || 'A browser'}
                  {device.endpoint === here ? ' (this phone)' : ''}
                </span>
                <button
                  type="button"
                  class="secondary"
                  onClick={() => void remove(device.id)}
                  disabled={online === false}
                >
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
