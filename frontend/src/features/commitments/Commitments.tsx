/** Choosing and tending commitments: add (starters one tap away), edit, archive, delete. */
import type { JSX } from 'preact';
import { useRef, useState } from 'preact/hooks';

import { today } from '../../lib/dates';
import { focusFirstProblem } from '../../lib/forms';
import type { Cadence, LocalCommitment } from '../../lib/store';
import { Page } from '../../ui/page';
import { MAX_ACTIVE, MAX_LENGTH } from '../../lib/api-limits';
import { GENTLE_LIMIT, STARTERS, useCommitments } from './data';
import { createCommitment, deleteCommitment, saveCommitment } from './writes';

const CADENCES: { value: Cadence; label: string }[] = [
  { value: 'daily', label: 'Every day' },
  { value: 'weekdays', label: 'Chosen days' },
  { value: 'after_shift', label: 'After each shift' },
  { value: 'once', label: 'Just once' },
];
const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

type Draft = Pick<LocalCommitment, 'title' | 'why' | 'cadence' | 'weekdays' | 'on_date' | 'reminder_time'>;
const EMPTY: Draft = { title: '', why: '', cadence: 'daily', weekdays: [], on_date: null, reminder_time: null };

function validate(draft: Draft): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!draft.title.trim()) errors.title = "Write what you'll do, in a few words.";
  if (draft.cadence === 'weekdays' && !draft.weekdays.length)
    errors.weekdays = 'Choose at least one day for this commitment.';
  if (draft.cadence === 'once' && !draft.on_date) errors.on_date = 'Choose the day for a one-off commitment.';
  return errors;
}

function CommitmentForm({
  initial,
  label,
  onSave,
  onCancel,
}: {
  initial: Draft;
  label: string;
  onSave: (draft: Draft) => Promise<void>;
  onCancel?: () => void;
}): JSX.Element {
  const [draft, setDraft] = useState(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const form = useRef<HTMLFormElement>(null);
  const prefix = onCancel ? 'edit' : 'new';
  return (
    <form
      ref={form}
      noValidate
      data-testid={`${prefix}-commitment`}
      onSubmit={(event) => {
        event.preventDefault();
        const found = validate(draft);
        setErrors(found);
        if (Object.keys(found).length) focusFirstProblem(form.current);
        else void onSave(draft).then(() => !onCancel && setDraft(EMPTY));
      }}
    >
      <div class="field">
        <label for={`${prefix}-title`}>What will you do?</label>
        <input
          id={`${prefix}-title`}
          type="text"
          maxLength={MAX_LENGTH.CommitmentWrite.title}
          value={draft.title}
          aria-invalid={errors.title ? true : undefined}
          aria-describedby={errors.title ? `${prefix}-title-error` : undefined}
          onInput={(e) => setDraft({ ...draft, title: e.currentTarget.value })}
        />
        {errors.title && (
          <span class="field-error" id={`${prefix}-title-error`}>
            {errors.title}
          </span>
        )}
      </div>
      <div class="field">
        <label for={`${prefix}-why`}>Why it matters (optional)</label>
        <input
          id={`${prefix}-why`}
          type="text"
          maxLength={MAX_LENGTH.CommitmentWrite.why}
          value={draft.why}
          onInput={(e) => setDraft({ ...draft, why: e.currentTarget.value })}
        />
      </div>
      <fieldset>
        <legend>How often</legend>
        <div class="chips">
          {CADENCES.map((option) => (
            <label key={option.value}>
              <input
                type="radio"
                name={`${prefix}-cadence`}
                checked={draft.cadence === option.value}
                onChange={() => setDraft({ ...draft, cadence: option.value })}
                data-testid={`cadence-${option.value}`}
              />
              {option.label}
            </label>
          ))}
        </div>
      </fieldset>
      {draft.cadence === 'weekdays' && (
        <fieldset aria-describedby={errors.weekdays ? `${prefix}-weekdays-error` : undefined}>
          <legend>Which days</legend>
          <div class="chips">
            {WEEKDAYS.map((name, index) => (
              <label key={name}>
                <input
                  type="checkbox"
                  aria-invalid={errors.weekdays && index === 0 ? true : undefined}
                  checked={draft.weekdays.includes(index + 1)}
                  onChange={(e) =>
                    setDraft({
                      ...draft,
                      weekdays: e.currentTarget.checked
                        ? [...draft.weekdays, index + 1].sort()
                        : draft.weekdays.filter((d) => d !== index + 1),
                    })
                  }
                />
                {name}
              </label>
            ))}
          </div>
          {errors.weekdays && (
            <span class="field-error" id={`${prefix}-weekdays-error`}>
              {errors.weekdays}
            </span>
          )}
        </fieldset>
      )}
      {draft.cadence === 'once' && (
        <div class="field">
          <label for={`${prefix}-on`}>On</label>
          <input
            id={`${prefix}-on`}
            type="date"
            min={today()}
            value={draft.on_date ?? ''}
            aria-invalid={errors.on_date ? true : undefined}
            aria-describedby={errors.on_date ? `${prefix}-on-error` : undefined}
            onInput={(e) => setDraft({ ...draft, on_date: e.currentTarget.value || null })}
          />
          {errors.on_date && (
            <span class="field-error" id={`${prefix}-on-error`}>
              {errors.on_date}
            </span>
          )}
        </div>
      )}
      <div class="field">
        <label for={`${prefix}-time`}>Reminder time (optional)</label>
        <input
          id={`${prefix}-time`}
          type="time"
          value={draft.reminder_time ?? ''}
          onInput={(e) => setDraft({ ...draft, reminder_time: e.currentTarget.value || null })}
          aria-describedby={`${prefix}-time-hint`}
        />
        <span class="hint" id={`${prefix}-time-hint`}>
          {draft.cadence === 'after_shift' ? 'Any time turns on a nudge after each shift. ' : ''}
          Reminders need to be <a href="/reminders">turned on for this phone</a>.
        </span>
      </div>
      <div class="button-row">
        <button type="submit" data-testid={`${prefix}-commitment-save`}>
          {label}
        </button>
        {onCancel && (
          <button type="button" class="quiet" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}

function Row({ commitment }: { commitment: LocalCommitment }): JSX.Element {
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  if (editing) {
    return (
      <li>
        <CommitmentForm
          initial={commitment}
          label="Save"
          onCancel={() => setEditing(false)}
          onSave={async (draft) => {
            await saveCommitment({ ...commitment, ...draft, title: draft.title.trim() });
            setEditing(false);
          }}
        />
      </li>
    );
  }
  const cadence = CADENCES.find((c) => c.value === commitment.cadence)!.label;
  return (
    <li data-testid="commitment-row">
      <strong>{commitment.title}</strong>
      <span class="hint">
        {commitment.cadence === 'weekdays' ? commitment.weekdays.map((d) => WEEKDAYS[d - 1]).join(', ') : cadence}
        {commitment.reminder_time ? ` · reminder ${commitment.reminder_time}` : ''}
      </span>
      <div class="button-row">
        <button type="button" class="secondary" onClick={() => setEditing(true)}>
          Edit<span class="visually-hidden"> {commitment.title}</span>
        </button>
        <button
          type="button"
          class="secondary"
          onClick={() => void saveCommitment({ ...commitment, active: !commitment.active })}
          data-testid={commitment.active ? 'archive' : 'restore'}
        >
          {commitment.active ? 'Archive' : 'Bring back'}
          <span class="visually-hidden"> {commitment.title}</span>
        </button>
        {confirming ? (
          <button type="button" class="danger" onClick={() => void deleteCommitment(commitment.id)}>
            Delete it and its history
          </button>
        ) : (
          <button type="button" class="quiet" onClick={() => setConfirming(true)}>
            Delete<span class="visually-hidden"> {commitment.title}</span>
          </button>
        )}
      </div>
    </li>
  );
}

export function Commitments(): JSX.Element {
  const state = useCommitments();
  const active = (state?.commitments ?? []).filter((c) => c.active);
  const archived = (state?.commitments ?? []).filter((c) => !c.active);
  const full = active.length >= MAX_ACTIVE;
  const unused = STARTERS.filter((title) => !active.some((c) => c.title === title));
  return (
    <Page title="Commitments">
      <p class="muted">Small, doable things. Fewer is kinder: most people keep two or three going at once.</p>
      {active.length > GENTLE_LIMIT && (
        <p class="banner" data-testid="gentle-note">
          You have {active.length} on the go. It's fine to archive some and bring them back later.
        </p>
      )}
      {full ? (
        <p class="card">
          You have {MAX_ACTIVE} active commitments, the most Steady keeps at once. Archive one to add another.
        </p>
      ) : (
        <section class="card" aria-labelledby="new-heading">
          <h2 id="new-heading">Add one</h2>
          {unused.length > 0 && (
            <div class="button-row">
              {unused.map((title) => (
                <button
                  key={title}
                  type="button"
                  class="secondary"
                  onClick={() => void createCommitment({ title })}
                  data-testid="starter"
                >
                  + {title}
                </button>
              ))}
            </div>
          )}
          <CommitmentForm
            initial={EMPTY}
            label="Add commitment"
            onSave={async (draft) => void (await createCommitment(draft))}
          />
        </section>
      )}
      <h2>Active</h2>
      {active.length ? (
        <ul class="list">
          {active.map((c) => (
            <Row key={c.id} commitment={c} />
          ))}
        </ul>
      ) : (
        <p class="muted">None yet.</p>
      )}
      {archived.length > 0 && (
        <>
          <h2>Archived</h2>
          <ul class="list">
            {archived.map((c) => (
              <Row key={c.id} commitment={c} />
            ))}
          </ul>
        </>
      )}
    </Page>
  );
}
