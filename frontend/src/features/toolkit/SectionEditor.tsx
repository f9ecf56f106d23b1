/** Edit one part of the plan: add, edit, reorder and remove short items. */
import type { JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';

import { clearDraft, useDraft } from '../../lib/drafts';
import { focusFirstProblem } from '../../lib/forms';

import type { ToolkitItem } from '../../lib/store';
import { EXERCISES, exerciseById } from '../grounding/public';
import { addItem, moveItem, removeItem, restoreItem, updateItem } from './data';
import type { SectionInfo } from './sections';
import { ITEMS_PER_SECTION, ITEM_TEXT_MAX, PHONE_MAX } from '../../lib/api-limits';
import { PHONE_PATTERN } from './shape';

interface Draft {
  text: string;
  phone: string;
  exercise: string;
}

function validate(section: SectionInfo, draft: Draft): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!draft.text.trim()) errors.text = section.hasPhone ? 'Add their name.' : 'Write a few words first.';
  if (section.hasPhone && draft.phone.trim() && !PHONE_PATTERN.test(draft.phone.trim())) {
    errors.phone = 'The phone number can use digits, spaces, brackets, dots and dashes, and may start with +.';
  }
  return errors;
}

function ItemForm({
  section,
  initial,
  draftKey,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  section: SectionInfo;
  initial: Draft;
  /** Where what is typed is kept until it is added (so leaving the page loses nothing). */
  draftKey: string;
  submitLabel: string;
  onSubmit: (draft: Draft) => Promise<void>;
  onCancel?: () => void;
}): JSX.Element {
  const kept = useDraft<Draft>(draftKey, initial);
  const draft = kept.value;
  const setDraft = kept.set;
  const [errors, setErrors] = useState<Record<string, string>>({});
  const form = useRef<HTMLFormElement>(null);
  const prefix = `${section.id}-${initial.text ? 'edit' : 'new'}`;
  const submit = async (event: Event) => {
    event.preventDefault();
    const found = validate(section, draft);
    setErrors(found);
    if (Object.keys(found).length) {
      focusFirstProblem(form.current);
      return;
    }
    await onSubmit({ text: draft.text.trim(), phone: draft.phone.trim(), exercise: draft.exercise });
    await kept.clear();
    setDraft({ text: '', phone: '', exercise: '' });
  };
  return (
    <form
      ref={form}
      class="item-form"
      onSubmit={(event) => void submit(event)}
      noValidate
      data-testid={`${section.id}-form`}
    >
      <div class="field">
        <label for={`${prefix}-text`}>{section.hasPhone ? 'Name' : 'What to add'}</label>
        <input
          id={`${prefix}-text`}
          type="text"
          value={draft.text}
          maxLength={ITEM_TEXT_MAX}
          placeholder={section.placeholder}
          aria-invalid={errors.text ? true : undefined}
          aria-describedby={errors.text ? `${prefix}-text-error` : undefined}
          onInput={(e) => setDraft({ ...draft, text: e.currentTarget.value })}
        />
        {errors.text && (
          <span class="field-error" id={`${prefix}-text-error`}>
            {errors.text}
          </span>
        )}
      </div>
      {section.hasPhone && (
        <div class="field">
          <label for={`${prefix}-phone`}>Phone number (optional)</label>
          <input
            id={`${prefix}-phone`}
            type="tel"
            inputMode="tel"
            autoComplete="tel"
            value={draft.phone}
            maxLength={PHONE_MAX}
            aria-invalid={errors.phone ? true : undefined}
            aria-describedby={errors.phone ? `${prefix}-phone-error` : undefined}
            onInput={(e) => setDraft({ ...draft, phone: e.currentTarget.value })}
          />
          {errors.phone && (
            <span class="field-error" id={`${prefix}-phone-error`}>
              {errors.phone}
            </span>
          )}
        </div>
      )}
      {section.hasExercise && (
        <div class="field">
          <label for={`${prefix}-exercise`}>Open a grounding exercise (optional)</label>
          <select
            id={`${prefix}-exercise`}
            value={draft.exercise}
            onChange={(e) => setDraft({ ...draft, exercise: e.currentTarget.value })}
          >
            <option value="">No exercise</option>
            {EXERCISES.map((exercise) => (
              <option key={exercise.id} value={exercise.id}>
                {exercise.title}
              </option>
            ))}
          </select>
        </div>
      )}
      <div class="button-row">
        <button type="submit" data-testid={`${section.id}-submit`}>
          {submitLabel}
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

function fields(draft: Draft, section: SectionInfo): Omit<ToolkitItem, 'id'> {
  return {
    text: draft.text,
    phone: section.hasPhone && draft.phone ? draft.phone : null,
    exercise: section.hasExercise && draft.exercise ? draft.exercise : null,
  };
}

/** How long "Undo" stays after removing an item. */
const UNDO_SECONDS = 10;

/** The last item removed, with "Undo" for a few seconds (works offline: it is one more edit). */
function Removed({
  removed,
  onUndo,
  onDone,
}: {
  removed: { item: ToolkitItem; index: number };
  onUndo: () => void;
  onDone: () => void;
}): JSX.Element {
  useEffect(() => {
    const timer = window.setTimeout(onDone, UNDO_SECONDS * 1000);
    return () => window.clearTimeout(timer);
  }, [removed]);
  return (
    <p class="undo-bar" role="status" data-testid="removed">
      <span>Removed “{removed.item.text}”.</span>
      <button type="button" class="secondary" onClick={onUndo} data-testid="undo-remove">
        Undo<span class="visually-hidden"> removing {removed.item.text}</span>
      </button>
    </p>
  );
}

export function SectionEditor({ section, items }: { section: SectionInfo; items: ToolkitItem[] }): JSX.Element {
  const [editing, setEditing] = useState<string | null>(null);
  const [removed, setRemoved] = useState<{ item: ToolkitItem; index: number } | null>(null);
  const full = items.length >= ITEMS_PER_SECTION;
  const remove = async (item: ToolkitItem, index: number) => {
    await removeItem(section.id, item.id);
    setRemoved({ item, index });
  };
  return (
    <div class="section-editor" data-testid={`section-${section.id}`}>
      {removed && (
        <Removed
          removed={removed}
          onUndo={() => {
            void restoreItem(section.id, removed.item, removed.index);
            setRemoved(null);
          }}
          onDone={() => setRemoved(null)}
        />
      )}
      {items.length > 0 && (
        <ol class="list items">
          {items.map((item, index) =>
            editing === item.id ? (
              <li key={item.id}>
                <ItemForm
                  section={section}
                  initial={{ text: item.text, phone: item.phone ?? '', exercise: item.exercise ?? '' }}
                  draftKey={`toolkit:${section.id}:edit:${item.id}`}
                  submitLabel="Save"
                  onSubmit={async (draft) => {
                    await updateItem(section.id, { id: item.id, ...fields(draft, section) });
                    setEditing(null);
                  }}
                  onCancel={() => {
                    setEditing(null);
                    void clearDraft(`toolkit:${section.id}:edit:${item.id}`);
                  }}
                />
              </li>
            ) : (
              <li key={item.id} class="item-row" data-testid="toolkit-item">
                <span class="item-text">
                  {item.text}
                  {item.phone && <span class="hint">{item.phone}</span>}
                  {item.exercise && exerciseById(item.exercise) && (
                    <a class="hint" href={`/ground/${item.exercise}`}>
                      Open {exerciseById(item.exercise)!.title}
                    </a>
                  )}
                </span>
                <span class="item-actions">
                  <button type="button" class="quiet" onClick={() => setEditing(item.id)}>
                    Edit<span class="visually-hidden"> {item.text}</span>
                  </button>
                  <button
                    type="button"
                    class="secondary"
                    disabled={index === 0}
                    onClick={() => void moveItem(section.id, item.id, -1)}
                  >
                    <span aria-hidden="true">↑</span>
                    <span class="visually-hidden">Move {item.text} up</span>
                  </button>
                  <button
                    type="button"
                    class="secondary"
                    disabled={index === items.length - 1}
                    onClick={() => void moveItem(section.id, item.id, 1)}
                  >
                    <span aria-hidden="true">↓</span>
                    <span class="visually-hidden">Move {item.text} down</span>
                  </button>
                  <button
                    type="button"
                    class="quiet"
                    onClick={() => void remove(item, index)}
                    data-testid="remove-item"
                  >
                    Remove<span class="visually-hidden"> {item.text}</span>
                  </button>
                </span>
              </li>
            ),
          )}
        </ol>
      )}
      {full ? (
        <p class="muted">This part is full ({ITEMS_PER_SECTION} items). Remove one to add another.</p>
      ) : (
        <ItemForm
          section={section}
          initial={{ text: '', phone: '', exercise: '' }}
          draftKey={`toolkit:${section.id}:new`}
          submitLabel="Add"
          onSubmit={(draft) => addItem(section.id, fields(draft, section))}
        />
      )}
    </div>
  );
}
