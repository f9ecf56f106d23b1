/** Composing a summary for one peer: choose the period and each part, preview exactly what
 * they will see — composed on this phone from its own records — then seal and send it.
 * The draft is kept on this phone until it is sent. */
import { MAX_LENGTH } from '../../lib/api-limits';
import type { JSX } from 'preact';
import { useLocation } from 'preact-iso';
import { useEffect, useRef, useState } from 'preact/hooks';

import { type Schemas, api, describeError } from '../../lib/api';
import { today } from '../../lib/dates';
import { focusFirstProblem } from '../../lib/forms';
import { newId } from '../../lib/ids';
import { useSession } from '../../lib/session';
import { TextField } from '../../ui/field';
import { Page } from '../../ui/page';
import { reach } from '../../lib/reach';
import { SignedOut } from './SignedOut';
import { cardFromThisPhone } from './cardHere';
import { type Card, CantCompose, HELP_WORDS, cardDigest } from './compose';
import { SummaryCard } from './SummaryCard';

type Draft = Omit<Schemas['SummaryDraft'], 'peer_id' | 'sealed_words'>;
const NO_PARTS = { scores: false, commitments: false, grounding: false };
const EMPTY: Draft = { period: 'week', start: null, end: null, parts: NO_PARTS, note: '', help: null };
const PARTS = [
  ['scores', 'Mood, energy and stress: averages and which way they went'],
  ['commitments', 'Small commitments kept'],
  ['grounding', 'Minutes of grounding'],
] as const;
const HELP = [[null, "Don't say"], ...(Object.entries(HELP_WORDS) as [keyof typeof HELP_WORDS, string][])] as const;

function hasWords(draft: Draft): boolean {
  return Boolean(draft.note?.trim() || draft.help);
}

function storedDraft(key: string): Draft {
  try {
    return { ...EMPTY, ...(JSON.parse(localStorage.getItem(key) ?? '{}') as Partial<Draft>) };
  } catch {
    return EMPTY;
  }
}

export function Compose(): JSX.Element {
  const session = useSession();
  const { query, route } = useLocation();
  const to = query.to ?? '';
  const key = `steady-share-draft-${to}`;
  const [draft, setDraft] = useState<Draft>(() => storedDraft(key));
  const [peer, setPeer] = useState<Schemas['PeerView'] | null | undefined>(undefined);
  const [preview, setPreview] = useState<{ id: string; card: Card; digest: string } | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState('');
  const form = useRef<HTMLFormElement>(null);

  useEffect(() => {
    if (session.status === 'signed_in')
      void reach(api.GET('/api/sharing/peers')).then(({ data }) => setPeer(data?.find((p) => p.id === to) ?? null));
  }, [session.status, to]);
  useEffect(() => localStorage.setItem(key, JSON.stringify(draft)), [key, draft]);

  function change(update: Partial<Draft>): void {
    setDraft({ ...draft, ...update });
    setPreview(null);
  }

  /** The card for the draft as it stands, or null with the problem shown by its field. */
  async function cardNow(): Promise<Card | null> {
    try {
      setErrors({});
      return await cardFromThisPhone(draft);
    } catch (problem) {
      if (!(problem instanceof CantCompose)) throw problem;
      setErrors({ [problem.field]: problem.message });
      focusFirstProblem(form.current);
      return null;
    }
  }

  async function look(event?: Event): Promise<void> {
    event?.preventDefault();
    setMessage('');
    const card = await cardNow();
    if (card) setPreview({ id: newId(), card, digest: cardDigest(card) });
  }

  async function send(): Promise<void> {
    if (!preview) return;
    const now = await cardNow();
    if (!now || cardDigest(now) !== preview.digest) {
      setMessage(
        'Something changed since the preview (a new check-in, perhaps). Here is the up-to-date version: look it over and send again.',
      );
      if (now) setPreview({ id: newId(), card: now, digest: cardDigest(now) });
      return;
    }
    let sealed: Schemas['Envelope'];
    try {
      const { sealSummary } = await import('./sealing');
      sealed = await sealSummary(preview.id, to, preview.card);
    } catch (failure) {
      setMessage(failure instanceof Error ? failure.message : "This couldn't be sealed, so nothing was sent.");
      return;
    }
    const { data, error } = await reach(
      api.PUT('/api/sharing/sent/{summary_id}', {
        params: { path: { summary_id: preview.id } },
        body: { ...draft, note: '', help: null, sealed_words: hasWords(draft), peer_id: to, sealed },
      }),
    );
    if (data) {
      localStorage.removeItem(key);
      route(`/share/sent/${data.id}`);
    } else {
      setMessage(describeError(error));
    }
  }

  if (session.status !== 'signed_in')
    return <SignedOut title="Share how you're doing" next={`/share/compose?to=${to}`} />;
  if (peer === null) {
    return (
      <Page title="Share how you're doing">
        <p>
          This connection has ended, or it isn't yours. <a href="/share">Back to sharing</a>
        </p>
      </Page>
    );
  }
  const name = peer?.name ?? 'your peer';
  return (
    <Page title="Share how you're doing" heading={`Share with ${name}`}>
      <form ref={form} noValidate onSubmit={(e) => void look(e)}>
        <fieldset>
          <legend>Which period</legend>
          <div class="chips">
            {(
              [
                ['shift', 'This shift'],
                ['week', 'Last 7 days'],
                ['custom', 'Some dates'],
              ] as const
            ).map(([value, label]) => (
              <label key={value}>
                <input
                  type="radio"
                  name="period"
                  checked={draft.period === value}
                  aria-invalid={errors.period && value === 'shift' ? true : undefined}
                  aria-describedby={errors.period ? 'period-error' : undefined}
                  onChange={() => change({ period: value })}
                  data-testid={`period-${value}`}
                />
                {label}
              </label>
            ))}
          </div>
          {errors.period && (
            <p class="field-error" id="period-error">
              {errors.period}
            </p>
          )}
        </fieldset>
        {draft.period === 'custom' && (
          <div class="card">
            <div class="field">
              <label for="range-start">From</label>
              <input
                id="range-start"
                type="date"
                max={today()}
                value={draft.start ?? ''}
                onInput={(e) => change({ start: e.currentTarget.value || null })}
                aria-invalid={errors.start ? true : undefined}
                aria-describedby={errors.start ? 'range-start-error' : undefined}
              />
              {errors.start && (
                <p class="field-error" id="range-start-error">
                  {errors.start}
                </p>
              )}
            </div>
            <div class="field">
              <label for="range-end">To</label>
              <input
                id="range-end"
                type="date"
                max={today()}
                value={draft.end ?? ''}
                onInput={(e) => change({ end: e.currentTarget.value || null })}
                aria-invalid={errors.end ? true : undefined}
                aria-describedby={errors.end ? 'range-end-error' : undefined}
              />
              {errors.end && (
                <p class="field-error" id="range-end-error">
                  {errors.end}
                </p>
              )}
            </div>
          </div>
        )}
        <fieldset>
          <legend>What to include (nothing is included unless you choose it)</legend>
          {PARTS.map(([part, label]) => (
            <label class="check" key={part}>
              <input
                type="checkbox"
                checked={draft.parts?.[part] ?? false}
                aria-invalid={errors.parts && part === 'scores' ? true : undefined}
                aria-describedby={errors.parts ? 'parts-error' : undefined}
                onChange={(e) => change({ parts: { ...NO_PARTS, ...draft.parts, [part]: e.currentTarget.checked } })}
                data-testid={`part-${part}`}
              />
              {label}
            </label>
          ))}
          {errors.parts && (
            <p class="field-error" id="parts-error">
              {errors.parts}
            </p>
          )}
        </fieldset>
        <TextField
          id="note"
          label={`A note for ${name} (optional)`}
          value={draft.note ?? ''}
          onInput={(note) => change({ note })}
          multiline
          maxLength={MAX_LENGTH.SummaryDraft.note}
          error={errors.note}
        />
        <fieldset>
          <legend>What would help</legend>
          {HELP.map(([value, label]) => (
            <label class="check" key={String(value)}>
              <input
                type="radio"
                name="help"
                checked={(draft.help ?? null) === value}
                onChange={() => change({ help: value })}
                data-testid={`help-${value ?? 'none'}`}
              />
              {label}
            </label>
          ))}
        </fieldset>
        <button type="submit" data-testid="share-preview">
          Preview
        </button>
      </form>
      <p role="status">{message}</p>
      {preview && (
        <section aria-labelledby="preview-heading" data-testid="preview">
          <h2 id="preview-heading">This is exactly what {name} will see</h2>
          <SummaryCard content={preview.card} testid="preview-card" />
          <div class="button-row">
            <button type="button" onClick={() => void send()} data-testid="share-send">
              Send to {name}
            </button>
          </div>
        </section>
      )}
    </Page>
  );
}
