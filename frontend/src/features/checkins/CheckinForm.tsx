/** The check-in itself: four scales in words and numbers, then anything else, all optional. */
import type { JSX } from 'preact';

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

export function missingScales(draft: CheckinDraft): string[] {
  return SCALES.filter((scale) => draft.scores[scale.name] === undefined).map((scale) => scale.question);
}

export function CheckinForm({
  draft,
  onChange,
  missing,
  showContext = true,
}: {
  draft: CheckinDraft;
  onChange: (next: CheckinDraft) => void;
  missing: string[];
  showContext?: boolean;
}): JSX.Element {
  const own = useOwnMarks();
  return (
    <>
      {SCALES.map((scale) => (
        <fieldset key={scale.name} aria-describedby={missing.includes(scale.question) ? `${scale.name}-missing` : undefined}>
          <legend>{scale.question}</legend>
          <div class="scale">
            {scale.words.map((word, index) => (
              <label key={word}>
                <input
                  type="radio"
                  name={scale.name}
                  value={index + 1}
                  checked={draft.scores[scale.name] === index + 1}
                  onChange={() => onChange({ ...draft, scores: { ...draft.scores, [scale.name]: index + 1 } })}
                  data-testid={`${scale.name}-${index + 1}`}
                />
                <strong>{index + 1}</strong>
                {word}
              </label>
            ))}
          </div>
          {missing.includes(scale.question) && (
            <span class="field-error" id={`${scale.name}-missing`}>
              Choose how your {scale.question.toLowerCase()} is.
            </span>
          )}
        </fieldset>
      ))}
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
      <details class="more" open={draft.body_signals.length > 0 || draft.tags.length > 0}>
        <summary>Body signals and hard moments (optional)</summary>
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
      </details>
      <div class="field">
        <label for="note">A note for yourself (optional)</label>
        <span class="hint" id="note-hint">
          What happened? What mattered? What worked well? What do I need now?
        </span>
        <textarea
          id="note"
          aria-describedby="note-hint"
          maxLength={4000}
          value={draft.note}
          onInput={(event) => onChange({ ...draft, note: event.currentTarget.value })}
        />
      </div>
    </>
  );
}
