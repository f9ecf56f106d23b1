/**
 * The check-in itself: four scales in one screen (four taps), then "Add more" for when it
 * is, body signals, hard moments and a note — one tap away, never in the way.
 */
import { MAX_LENGTH } from '../../lib/api-limits';
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';

import type { CheckinContext } from '../../lib/store';
import { useOwnMarks } from './data';
import { MarkPicker } from './MarkPicker';
import { BODY_SIGNALS, CONTEXTS, HARD_EVENTS, SCALES, type ScaleName } from './scales';

export interface CheckinDraft {
  scores: Partial<Record<ScaleName, number>>;
  context: CheckinContext | null;
  body_signals: string[];
  tags: string[];
  note: string;
}

export const EMPTY_DRAFT: CheckinDraft = { scores: {}, context: null, body_signals: [], tags: [], note: '' };

/** What to say beside a scale nobody chose yet. */
export const MISSING_SCALE: Record<ScaleName, string> = {
  mood: 'Choose your mood, from 1 to 5.',
  energy: 'Choose your energy, from 1 to 5.',
  stress: 'Choose your stress, from 1 to 5.',
  connected: 'Choose how connected you feel, from 1 to 5.',
};

/** The scales still unanswered, in the order they appear. */
export function missingScales(draft: CheckinDraft): ScaleName[] {
  return SCALES.filter((scale) => draft.scores[scale.name] === undefined).map((scale) => scale.name);
}

function hasMore(draft: CheckinDraft, showContext: boolean): boolean {
  return (
    (showContext && draft.context !== null) ||
    draft.body_signals.length > 0 ||
    draft.tags.length > 0 ||
    draft.note.trim() !== ''
  );
}

export function CheckinForm({
  draft,
  onChange,
  missing,
  showContext = true,
}: {
  draft: CheckinDraft;
  onChange: (next: CheckinDraft) => void;
  missing: ScaleName[];
  showContext?: boolean;
}): JSX.Element {
  const own = useOwnMarks();
  const [more, setMore] = useState(false);
  const open = more || hasMore(draft, showContext);
  return (
    <>
      {SCALES.map((scale) => {
        const unanswered = missing.includes(scale.name);
        return (
          <fieldset
            key={scale.name}
            class="scale-set"
            aria-describedby={unanswered ? `${scale.name}-missing` : undefined}
          >
            <legend>{scale.question}</legend>
            <div class="scale">
              {scale.words.map((word, index) => (
                <label key={word}>
                  <input
                    type="radio"
                    name={scale.name}
                    value={index + 1}
                    checked={draft.scores[scale.name] === index + 1}
                    aria-invalid={unanswered && index === 0 ? true : undefined}
                    onChange={() => onChange({ ...draft, scores: { ...draft.scores, [scale.name]: index + 1 } })}
                    data-testid={`${scale.name}-${index + 1}`}
                  />
                  <strong>{index + 1}</strong>
                  <span>{word}</span>
                </label>
              ))}
            </div>
            {unanswered && (
              <span class="field-error" id={`${scale.name}-missing`} data-testid={`${scale.name}-missing`}>
                {MISSING_SCALE[scale.name]}
              </span>
            )}
          </fieldset>
        );
      })}
      {!open && (
        <p>
          <button type="button" class="quiet" onClick={() => setMore(true)} data-testid="checkin-more">
            Add more: when, body, hard moments, a note
          </button>
        </p>
      )}
      {open && (
        <div class="checkin-more" data-testid="checkin-more-fields">
          {showContext && (
            <fieldset>
              <legend>When is this?</legend>
              <div class="chips">
                {CONTEXTS.map((option) => (
                  <label key={option.value}>
                    <input
                      type="radio"
                      name="context"
                      value={option.value}
                      checked={draft.context === option.value}
                      onChange={() => onChange({ ...draft, context: option.value })}
                      data-testid={`context-${option.value}`}
                    />
                    {option.label}
                  </label>
                ))}
              </div>
            </fieldset>
          )}
          <MarkPicker
            name="body"
            legend="Anything in your body?"
            hint="Bodies often notice stress before we do."
            options={BODY_SIGNALS}
            own={own.body}
            value={draft.body_signals}
            onChange={(body_signals) => onChange({ ...draft, body_signals })}
          />
          <MarkPicker
            name="tag"
            legend="Was there something hard today?"
            hint="Naming it helps you see how these days affect you."
            options={HARD_EVENTS}
            own={own.tags}
            value={draft.tags}
            onChange={(tags) => onChange({ ...draft, tags })}
          />
          <div class="field">
            <label for="note">A note for yourself (optional)</label>
            <span class="hint" id="note-hint">
              What happened? What mattered? What worked well? What do I need now?
            </span>
            <textarea
              id="note"
              aria-describedby="note-hint"
              maxLength={MAX_LENGTH.CheckinWrite.note}
              value={draft.note}
              onInput={(event) => onChange({ ...draft, note: event.currentTarget.value })}
            />
          </div>
        </div>
      )}
    </>
  );
}
