/**
 * "Leaving shift": about three minutes to land before going home. Breathe, check in (the
 * after-shift context already set), name one thing to set down, and perhaps one small
 * recovery commitment for tonight. Every step can be skipped.
 */
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';

import { today } from '../../lib/dates';
import { newId } from '../../lib/ids';
import { Page } from '../../ui/page';
import { createCommitment } from '../commitments/data';
import { exerciseById } from '../grounding/catalogue';
import { Player } from '../grounding/Player';
import { type CheckinDraft, CheckinForm, EMPTY_DRAFT, missingScales } from './CheckinForm';
import { saveCheckin } from './data';

const TONIGHT = ['Eat something warm', 'Shower and change before anything else', 'Phone down by 11', 'Tell someone one good thing from today'];
const STEPS = ['Breathe', 'Check in', 'Set it down', 'Tonight'];

export function LeavingShift(): JSX.Element {
  const [step, setStep] = useState(0);
  const [draft, setDraft] = useState<CheckinDraft>({ ...EMPTY_DRAFT, context: 'after_shift' });
  const [missing, setMissing] = useState<string[]>([]);
  const [settingDown, setSettingDown] = useState('');
  const [tonight, setTonight] = useState('');
  const [finished, setFinished] = useState(false);
  const breathing = exerciseById('longer-out-breath')!;

  const saveAndContinue = async () => {
    const { mood, energy, stress, connected } = draft.scores as Required<CheckinDraft['scores']>;
    await saveCheckin({
      id: newId(),
      recorded_at: new Date().toISOString(),
      local_date: today(),
      mood,
      energy,
      stress,
      connected,
      context: 'after_shift',
      body_signals: draft.body_signals,
      tags: draft.tags,
      note: draft.note.trim(),
      setting_down: settingDown.trim(),
    });
    setStep(3);
  };

  const finish = async () => {
    if (tonight.trim()) await createCommitment({ title: tonight, cadence: 'once', on_date: today() });
    setFinished(true);
  };

  if (finished) {
    return (
      <Page title="Leaving shift" heading="You've landed.">
        <p class="player-big" role="status" data-testid="leaving-done">
          Whatever happened today, you showed up for people. Go gently. Rest well.
        </p>
        <p class="button-row">
          <a class="button" href="/">
            Home
          </a>
          <a class="button secondary" href="/today">
            Tonight's commitment
          </a>
        </p>
      </Page>
    );
  }

  return (
    <Page title="Leaving shift" heading="Leaving shift">
      <p class="muted" data-testid="leaving-step">
        Step {step + 1} of {STEPS.length}: {STEPS[step]}
      </p>
      {step === 0 && (
        <>
          <p>A minute of slower breathing, to let the shift start to leave your body.</p>
          <Player exercise={breathing} onFinish={() => setStep(1)} />
          <p>
            <button type="button" class="quiet" onClick={() => setStep(1)} data-testid="skip-breathing">
              Skip to check-in
            </button>
          </p>
        </>
      )}
      {step === 1 && (
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            const gaps = missingScales(draft);
            setMissing(gaps);
            if (!gaps.length) setStep(2);
          }}
        >
          <CheckinForm draft={draft} onChange={setDraft} missing={missing} showContext={false} />
          <div class="button-row">
            <button type="submit" data-testid="leaving-next">
              Next
            </button>
          </div>
        </form>
      )}
      {step === 2 && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void saveAndContinue();
          }}
        >
          <div class="field">
            <label for="setting-down">What I'm setting down</label>
            <span class="hint">One line: a worry, a moment, a thing that isn't yours to carry home.</span>
            <input id="setting-down" type="text" maxLength={280} value={settingDown} onInput={(e) => setSettingDown(e.currentTarget.value)} />
          </div>
          <div class="button-row">
            <button type="submit" data-testid="leaving-save">
              Set it down
            </button>
          </div>
        </form>
      )}
      {step === 3 && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void finish();
          }}
        >
          <p>One small thing for your recovery tonight? (Optional.)</p>
          <div class="button-row">
            {TONIGHT.map((idea) => (
              <button key={idea} type="button" class="secondary" aria-pressed={tonight === idea} onClick={() => setTonight(idea)}>
                {idea}
              </button>
            ))}
          </div>
          <div class="field">
            <label for="tonight">Tonight I'll…</label>
            <input id="tonight" type="text" maxLength={80} value={tonight} onInput={(e) => setTonight(e.currentTarget.value)} />
          </div>
          <div class="button-row">
            <button type="submit" data-testid="leaving-finish">
              {tonight.trim() ? 'Commit and finish' : 'Finish'}
            </button>
          </div>
        </form>
      )}
    </Page>
  );
}
