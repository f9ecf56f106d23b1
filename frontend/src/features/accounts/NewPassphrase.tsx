/**
 * A field for choosing a passphrase that says, as the person types, whether it is hard
 * enough to guess and what would work instead, before anything is sent.
 */
import { MAX_LENGTH } from '../../lib/api-limits';
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';

import { TextField } from '../../ui/field';
import { passphraseProblem, prepareStrengthCheck } from './strength';

export function NewPassphrase({
  id,
  label,
  value,
  onInput,
  username,
  error,
}: {
  id: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
  username: string;
  error?: string | undefined;
}): JSX.Element {
  const [verdict, setVerdict] = useState<string | null>(null);
  useEffect(prepareStrengthCheck, []);
  useEffect(() => {
    if (value.length < 10) {
      setVerdict(null);
      return undefined;
    }
    let current = true;
    const timer = setTimeout(() => {
      void passphraseProblem(value, username).then((problem) => {
        if (current) setVerdict(problem ?? 'That passphrase looks hard to guess.');
      });
    }, 250);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [value, username]);
  return (
    <>
      <TextField
        id={id}
        label={label}
        type="password"
        hint="At least 10 characters. A few unrelated words are easy to remember and hard to guess."
        value={value}
        onInput={onInput}
        autoComplete="new-password"
        required
        maxLength={MAX_LENGTH.SignUp.passphrase}
        error={error}
      />
      <p class="hint" role="status" aria-live="polite" data-testid={`${id}-strength`}>
        {error ? '' : (verdict ?? '')}
      </p>
    </>
  );
}
