/** Choose body signals or hard events: listed ones, ones used before, or your own words. */
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';

import type { MarkOption } from './scales';

const MAX_MARKS = 12;

export function MarkPicker({
  name,
  legend,
  hint,
  options,
  own,
  value,
  onChange,
}: {
  name: string;
  legend: string;
  hint: string;
  options: MarkOption[];
  /** The person's own words used in earlier check-ins. */
  own: string[];
  value: string[];
  onChange: (next: string[]) => void;
}): JSX.Element {
  const [adding, setAdding] = useState('');
  const choices = [
    ...options,
    ...own.filter((word) => !options.some((o) => o.key === word)).map((word) => ({ key: word, label: word })),
  ];
  for (const chosen of value) if (!choices.some((c) => c.key === chosen)) choices.push({ key: chosen, label: chosen });
  const toggle = (key: string, on: boolean) =>
    onChange(on ? [...value, key].slice(0, MAX_MARKS) : value.filter((v) => v !== key));
  const add = () => {
    const word = adding.trim().slice(0, 40);
    if (word && !value.includes(word)) onChange([...value, word].slice(0, MAX_MARKS));
    setAdding('');
  };
  return (
    <fieldset>
      <legend>{legend}</legend>
      <span class="hint">{hint}</span>
      <div class="chips">
        {choices.map((choice) => (
          <label key={choice.key}>
            <input
              type="checkbox"
              name={name}
              value={choice.key}
              checked={value.includes(choice.key)}
              onChange={(event) => toggle(choice.key, event.currentTarget.checked)}
              data-testid={`${name}-${choice.key}`}
            />
            {choice.label}
          </label>
        ))}
      </div>
      <div class="inline-add">
        <label for={`${name}-own`} class="visually-hidden">
          Add your own ({legend.toLowerCase()})
        </label>
        <input
          id={`${name}-own`}
          type="text"
          maxLength={40}
          placeholder="Add your own"
          value={adding}
          onInput={(event) => setAdding(event.currentTarget.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              add();
            }
          }}
        />
        <button type="button" class="secondary" onClick={add}>
          Add
        </button>
      </div>
    </fieldset>
  );
}
