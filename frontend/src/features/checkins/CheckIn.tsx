/** The ten-second check-in (or editing one), saved offline, with a reflection hook after. */
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';

import { today } from '../../lib/dates';
import { newId } from '../../lib/ids';
import type { LocalCheckin } from '../../lib/store';
import { Page } from '../../ui/page';
import { createCommitment } from '../commitments/data';
import { type CheckinDraft, CheckinForm, EMPTY_DRAFT, missingScales } from './CheckinForm';
import { loadCheckin, saveCheckin, useRecentCheckins } from './data';
import { scaleWord } from './scales';

function draftOf(checkin: LocalCheckin): CheckinDraft {
  const { mood, energy, stress, connected } = checkin;
  return { scores: { mood, energy, stress, connected }, context: checkin.context, body_signals: checkin.body_signals, tags: checkin.tags, note: checkin.note };
}

/** After a reflective note: turn it into one small change, in one tap. */
function SmallChange(): JSX.Element {
  const [title, setTitle] = useState('');
  const [made, setMade] = useState(false);
  if (made) {
    return (
      <p class="saved-note" role="status" data-testid="small-change-made">
        Added to <a href="/today">today's commitments</a>. Small and steady.
      </p>
    );
  }
  return (
    <form
      class="card"
      data-testid="small-change"
      onSubmit={(event) => {
        event.preventDefault();
        if (!title.trim()) return;
        void createCommitment({ title }).then(() => setMade(true));
      }}
    >
      <label for="small-change">One small change I'll try</label>
      <span class="hint">Turning a reflection into one doable thing is how change sticks.</span>
      <input id="small-change" type="text" maxLength={80} value={title} onInput={(e) => setTitle(e.currentTarget.value)} placeholder="e.g. Eat before the night shift starts" />
      <div class="button-row">
        <button type="submit" class="secondary" data-testid="make-commitment">
          Make it a daily commitment
        </button>
      </div>
    </form>
  );
}

export function CheckIn(): JSX.Element {
  const { query, route } = useLocation();
  const editing = query.edit ?? null;
  const [original, setOriginal] = useState<LocalCheckin | null>(null);
  const [draft, setDraft] = useState<CheckinDraft>(EMPTY_DRAFT);
  const [missing, setMissing] = useState<string[]>([]);
  const [saved, setSaved] = useState<{ withNote: boolean } | null>(null);
  const recent = useRecentCheckins(5);

  useEffect(() => {
    if (!editing) return;
    void loadCheckin(editing).then((found) => {
      if (!found) return;
      setOriginal(found);
      setDraft(draftOf(found));
    });
  }, [editing]);

  async function submit(event: Event): Promise<void> {
    event.preventDefault();
    const gaps = missingScales(draft);
    setMissing(gaps);
    if (gaps.length > 0) return;
    const { mood, energy, stress, connected } = draft.scores as Required<CheckinDraft['scores']>;
    const checkin: LocalCheckin = {
      id: original?.id ?? newId(),
      recorded_at: original?.recorded_at ?? new Date().toISOString(),
      local_date: original?.local_date ?? today(),
      mood,
      energy,
      stress,
      connected,
      context: draft.context,
      body_signals: draft.body_signals,
      tags: draft.tags,
      note: draft.note.trim(),
      setting_down: original?.setting_down ?? '',
    };
    await saveCheckin(checkin);
    if (original) {
      route('/checkin/history');
      return;
    }
    setDraft(EMPTY_DRAFT);
    setSaved({ withNote: checkin.note.length > 0 });
  }

  return (
    <Page title={original ? 'Edit check-in' : 'Check in'}>
      <p class="muted">{original ? 'Change anything, then save.' : 'How are you, right now? Four taps is enough.'}</p>
      <p class="button-row">
        <a class="button quiet" href="/checkin/history">
          History
        </a>
        <a class="button quiet" href="/insights" data-testid="insights-link">
          Insights
        </a>
      </p>
      <form onSubmit={(event) => void submit(event)} data-testid="checkin-form" noValidate>
        <CheckinForm draft={draft} onChange={(next) => { setDraft(next); setSaved(null); }} missing={missing} />
        <div class="button-row">
          <button type="submit" data-testid="save-checkin">
            {original ? 'Save changes' : 'Save check-in'}
          </button>
        </div>
        <p role="status" class="saved-note" data-testid="checkin-saved">
          {saved ? 'Saved. Thank you for checking in with yourself.' : ''}
        </p>
      </form>
      {saved?.withNote && <SmallChange />}
      {!original && (
        <section aria-labelledby="recent-heading">
          <h2 id="recent-heading">Recent check-ins</h2>
          {recent === null ? null : recent.length === 0 ? (
            <p class="muted">Your check-ins will appear here.</p>
          ) : (
            <ul class="list" data-testid="recent-checkins">
              {recent.map((item) => (
                <li key={item.id} data-testid="checkin-item">
                  <strong>{new Date(item.recorded_at).toLocaleString([], { dateStyle: 'medium', timeStyle: 'short' })}</strong>
                  <br />
                  Mood {scaleWord('mood', item.mood).toLowerCase()}, energy {scaleWord('energy', item.energy).toLowerCase()}, stress{' '}
                  {scaleWord('stress', item.stress).toLowerCase()}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </Page>
  );
}
