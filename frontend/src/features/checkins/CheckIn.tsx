/** The ten-second check-in (or editing one), saved offline, with a reflection hook after.
 * What is chosen is kept as a draft until saved: leaving the page or a reload loses nothing. */
import { MAX_LENGTH } from '../../lib/api-limits';
import type { JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';

import { today } from '../../lib/dates';
import { useDraft } from '../../lib/drafts';
import { focusFirstProblem } from '../../lib/forms';
import { newId } from '../../lib/ids';
import type { LocalCheckin } from '../../lib/store';
import { Page } from '../../ui/page';
import { createCommitment } from '../commitments/public';
import { type CheckinDraft, CheckinForm, EMPTY_DRAFT, missingScales } from './CheckinForm';
import type { ScaleName } from './scales';
import { loadCheckin, saveCheckin, useRecentCheckins } from './data';
import { scalesInWords } from './scales';
import { nowIso } from '../../lib/clock';

function draftOf(checkin: LocalCheckin): CheckinDraft {
  const { mood, energy, stress, connected } = checkin;
  return {
    scores: { mood, energy, stress, connected },
    context: checkin.context,
    body_signals: checkin.body_signals,
    tags: checkin.tags,
    note: checkin.note,
  };
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
      <input
        id="small-change"
        type="text"
        maxLength={MAX_LENGTH.CommitmentWrite.title}
        value={title}
        onInput={(e) => setTitle(e.currentTarget.value)}
        placeholder="e.g. Eat before the night shift starts"
      />
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
  const kept = useDraft<CheckinDraft | null>(editing ? `checkin:edit:${editing}` : 'checkin:new', null);
  const draft = kept.value ?? EMPTY_DRAFT;
  const setDraft = (next: CheckinDraft) => kept.set(next);
  const [missing, setMissing] = useState<ScaleName[]>([]);
  const [saved, setSaved] = useState<{ withNote: boolean } | null>(null);
  const form = useRef<HTMLFormElement>(null);
  const recent = useRecentCheckins(5);

  useEffect(() => {
    if (!editing || !kept.ready) return;
    void loadCheckin(editing).then((found) => {
      if (!found) return;
      setOriginal(found);
      if (kept.value === null) setDraft(draftOf(found));
    });
  }, [editing, kept.ready]);

  async function submit(event: Event): Promise<void> {
    event.preventDefault();
    const gaps = missingScales(draft);
    setMissing(gaps);
    if (gaps.length > 0) {
      focusFirstProblem(form.current);
      return;
    }
    const { mood, energy, stress, connected } = draft.scores as Required<CheckinDraft['scores']>;
    const checkin: LocalCheckin = {
      id: original?.id ?? newId(),
      recorded_at: original?.recorded_at ?? nowIso(),
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
    await kept.clear();
    if (original) {
      route('/checkin/history');
      return;
    }
    setMissing([]);
    setSaved({ withNote: checkin.note.length > 0 });
  }

  return (
    <Page title={original ? 'Edit check-in' : 'Check in'}>
      {original && <p class="muted compact">Change anything, then save.</p>}
      <form ref={form} onSubmit={(event) => void submit(event)} data-testid="checkin-form" noValidate>
        <CheckinForm
          draft={draft}
          onChange={(next) => {
            setDraft(next);
            setSaved(null);
            setMissing((gaps) => gaps.filter((name) => next.scores[name] === undefined));
          }}
          missing={missing}
        />
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
      <p class="button-row">
        <a class="button quiet" href="/checkin/history">
          History
        </a>
        <a class="button quiet" href="/insights" data-testid="insights-link">
          Insights
        </a>
      </p>
      {!original && (
        <section aria-labelledby="recent-heading">
          <h2 id="recent-heading">Recent check-ins</h2>
          {recent === null ? null : recent.length === 0 ? (
            <p class="muted">Your check-ins will appear here.</p>
          ) : (
            <ul class="list" data-testid="recent-checkins">
              {recent.map((item) => (
                <li key={item.id} data-testid="checkin-item">
                  <strong>
                    {new Date(item.recorded_at).toLocaleString([], { dateStyle: 'medium', timeStyle: 'short' })}
                  </strong>
                  <br />
                  {scalesInWords(item)}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </Page>
  );
}
