/** Looking after the circle: inviting, being away for a while, how rounds run, and leaving. */
import type { JSX } from 'preact';
import { useLocation } from 'preact-iso';
import { useEffect, useState } from 'preact/hooks';

import { type Schemas, api, describeError, fieldMessages } from '../../lib/api';
import { MAX_LENGTH } from '../../lib/api-limits';
import { toBase64Url } from '../../lib/crypto/bytes';
import { deviceKeys } from '../../lib/keyring';
import { type MadeInvite, circleInvites, keepInviteSecret } from '../../lib/invites';
import { reach } from '../../lib/reach';
import { TextField } from '../../ui/field';
import { OpenInvite } from '../../ui/invite';
import type { CircleView, RawCircle } from './data';
import { RhythmFields, type Rhythm } from './RhythmFields';
import { now } from '../../lib/clock';

function Invites({ circle }: { circle: CircleView }): JSX.Element {
  const keeper = circleInvites(circle.id);
  const [open, setOpen] = useState<Schemas['InviteView'][]>([]);
  const [made, setMade] = useState<MadeInvite[]>([]);
  const [message, setMessage] = useState('');
  const path = { circle_id: circle.id };

  async function load(): Promise<void> {
    const { data } = await reach(api.GET('/api/circles/{circle_id}/invites', { params: { path } }));
    if (!data) return;
    setOpen(data);
    setMade(await keeper.keepOpen(data.map((i) => i.id)));
  }
  useEffect(() => void load(), [circle.id]);

  async function create(): Promise<void> {
    const { data, error } = await reach(api.POST('/api/circles/{circle_id}/invites', { params: { path } }));
    if (!data) {
      setMessage(describeError(error));
      return;
    }
    // The link's fragment binds it to this person's keys (the server never sees it).
    const keys = await deviceKeys();
    const secret = toBase64Url(crypto.getRandomValues(new Uint8Array(16)));
    if (keys) await keepInviteSecret(secret);
    await keeper.remember(keys ? { ...data, fingerprint: keys.fingerprint, secret } : data);
    await load();
    setMessage(`Invite ${data.code} is ready below. Send the link, or read them the code.`);
  }

  async function revoke(id: number): Promise<void> {
    const { response, error } = await reach(
      api.DELETE('/api/circles/invites/{invite_id}', { params: { path: { invite_id: id } } }),
    );
    setMessage(response?.ok ? 'That invite no longer works.' : describeError(error));
    await load();
  }

  return (
    <section class="card" aria-labelledby="circle-invite-heading">
      <h2 id="circle-invite-heading">Invite someone</h2>
      <p>Each invite works once, for 72 hours. They read the ground rules before they join.</p>
      <button type="button" onClick={() => void create()} data-testid="circle-invite-create">
        Make an invite
      </button>
      <p role="status" data-testid="circle-invite-message">
        {message}
      </p>
      {open.length > 0 && (
        <ul class="list">
          {open.map((invite) => (
            <OpenInvite
              key={invite.id}
              invite={invite}
              made={made.find((m) => m.id === invite.id)}
              link={keeper.link}
              shareText={`Join our circle "${circle.name}" on Steady.`}
              onRevoke={() => void revoke(invite.id)}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

function Settings({ circle, onChanged }: { circle: CircleView; onChanged: (next: RawCircle) => void }): JSX.Element {
  const [name, setName] = useState(circle.name);
  const [rhythm, setRhythm] = useState<Rhythm>(circle.settings);
  const [keepDays, setKeepDays] = useState(circle.settings.keep_days);
  const [keepSummaries, setKeepSummaries] = useState(circle.settings.keep_summaries);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState('');

  async function save(event: Event): Promise<void> {
    event.preventDefault();
    const { data, error } = await reach(
      api.PUT('/api/circles/{circle_id}/settings', {
        params: { path: { circle_id: circle.id } },
        body: { ...circle.settings, ...rhythm, name: name.trim(), keep_days: keepDays, keep_summaries: keepSummaries },
      }),
    );
    setErrors(data ? {} : fieldMessages(error));
    setMessage(data ? 'Saved for everyone in the circle.' : describeError(error));
    if (data) onChanged(data);
  }

  return (
    <details class="more">
      <summary>How this circle runs</summary>
      <form noValidate onSubmit={(e) => void save(e)}>
        <TextField
          id="settings-name"
          label="Name of the circle"
          value={name}
          onInput={setName}
          maxLength={MAX_LENGTH.CircleSettings.name}
          required
          error={errors.name}
        />
        <RhythmFields value={rhythm} onChange={setRhythm} errors={errors} />
        <div class="field">
          <label for="keep-days">Keep a closed round's posts for</label>
          <select id="keep-days" value={String(keepDays)} onChange={(e) => setKeepDays(Number(e.currentTarget.value))}>
            {[1, 7, 14, 30, 60].map((days) => (
              <option key={days} value={String(days)}>
                {days} {days === 1 ? 'day' : 'days'}
              </option>
            ))}
          </select>
        </div>
        <label class="check">
          <input type="checkbox" checked={keepSummaries} onChange={(e) => setKeepSummaries(e.currentTarget.checked)} />
          Keep facilitators' summaries after the posts are gone
        </label>
        <button type="submit" class="secondary">
          Save for everyone
        </button>
        <p role="status">{message}</p>
      </form>
    </details>
  );
}

export function Admin({
  circle,
  onChanged,
}: {
  circle: CircleView;
  onChanged: (next: RawCircle) => void;
}): JSX.Element {
  const { route } = useLocation();
  const me = circle.members.find((m) => m.me);
  const away = me?.away_until ? Date.parse(me.away_until) > now() : false;
  const [leaving, setLeaving] = useState(false);
  const [message, setMessage] = useState('');
  const path = { circle_id: circle.id };

  async function setAway(until: string | null): Promise<void> {
    const { data, error } = await reach(
      api.PUT('/api/circles/{circle_id}/away', { params: { path }, body: { away_until: until } }),
    );
    if (data) onChanged(data);
    setMessage(data ? '' : describeError(error));
  }

  async function leave(): Promise<void> {
    const { response, error } = await reach(api.DELETE('/api/circles/{circle_id}/membership', { params: { path } }));
    if (response?.ok) route('/circles');
    else setMessage(describeError(error));
  }

  return (
    <>
      <Invites circle={circle} />
      <section class="card" aria-labelledby="away-heading">
        <h2 id="away-heading">Taking a break</h2>
        {away ? (
          <button type="button" class="secondary" onClick={() => void setAway(null)} data-testid="circle-back">
            I'm back
          </button>
        ) : (
          <button
            type="button"
            class="secondary"
            onClick={() => void setAway(new Date(now() + 14 * 86400_000).toISOString())}
            data-testid="circle-away"
          >
            I'm away for two weeks (don't ask me to facilitate)
          </button>
        )}
        <div class="button-row">
          {leaving ? (
            <button type="button" class="danger" onClick={() => void leave()} data-testid="circle-leave-confirm">
              Leave, and take my posts with me
            </button>
          ) : (
            <button type="button" class="quiet" onClick={() => setLeaving(true)} data-testid="circle-leave">
              Leave this circle
            </button>
          )}
        </div>
        <p role="status">{message}</p>
      </section>
      <Settings circle={circle} onChanged={onChanged} />
    </>
  );
}
