/** Labelled inputs whose error messages are tied to the input for screen readers. */
import type { JSX } from 'preact';

export function TextField({
  id,
  label,
  hint,
  error,
  value,
  onInput,
  type = 'text',
  autoComplete,
  required,
  maxLength,
  multiline,
}: {
  id: string;
  label: string;
  hint?: string;
  error?: string | undefined;
  value: string;
  onInput: (value: string) => void;
  type?: 'text' | 'password' | 'tel' | 'search';
  autoComplete?: string;
  required?: boolean;
  maxLength?: number;
  multiline?: boolean;
}): JSX.Element {
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  const shared = {
    id,
    name: id,
    value,
    required,
    maxLength,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy || undefined,
    onInput: (event: Event) => onInput((event.currentTarget as HTMLInputElement).value),
  };
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {hint && (
        <span class="hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
      {multiline ? (
        <textarea {...shared} rows={4} />
      ) : (
        <input {...shared} type={type as 'text'} autoComplete={autoComplete} />
      )}
      {error && (
        <span class="field-error" id={`${id}-error`}>
          {error}
        </span>
      )}
    </div>
  );
}
