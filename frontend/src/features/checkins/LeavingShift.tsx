/**
 * "Leaving shift": about three minutes to land before going home. Breathe, check in (the
 * after-shift context already set), name one thing to set down, and perhaps one small
 * recovery commitment for tonight. Every step can be skipped.
 *
 * Nothing entered is lost: the flow is a draft kept on the phone (step and answers), the
 * check-in is saved (here and in the outbox) the moment its step is done, and later steps
 * update that same check-in, never a second one. Finishing ends a running shift.
 */
import { MAX_LENGTH } from '../../lib/api-limits';
import type { JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';

import { today } from '../../lib/dates';
import { useDraft } from '../../lib/drafts';
import { focusFirstProblem } from '../../lib/forms';
import { newId } from '../../lib/ids';
import type { LocalCheckin } from '../../lib/store';
import { Page } from '../../ui/page';
import { createCommitment } from '../commitments/public';
import { Player, exerciseById } from '../grounding/public';
import { endShift } from '../shifts/public';
import { type CheckinDraft, CheckinForm, EMPTY_DRAFT, missingScales } from './CheckinForm';
import { saveCheckin } from './data';
import type { ScaleName } from './scales';
import { nowIso } from '../../lib/clock';

const TONIGHT = [
  'Eat something warm',
  'Shower and change before anything else',
  'Phone down by 11',
  'Tell someone one good thing from today',
];
const STEPS = ['Breathe', 'Check in', 'Set it down', 'Tonight'];
const DRAFT_KEY = 'leaving-shift';
const SETTING_DOWN_SAVE_MS = 600;

interface Flow {
  step: number;
  checkinId: string;
  /** Set once the check-in step is done (the check-in exists from then on). */
  recordedAt: string | null;
  localDate: string | null;
  checkin: CheckinDraft;
  settingDown: string;
  tonight: string;
}

function freshFlow(): Flow {
  return {
    step: 0,
    checkinId: newId(),
    recordedAt: null,
    localDate: null,
    checkin: { ...EMPTY_DRAFT, context: 'after_shift' },
    settingDown: '',
    tonight: '',
  };
}

function asCheckin(flow: Flow): LocalCheckin {
  const { mood, energy, stress, connected } = flow.checkin.scores as Required<CheckinDraft['scores']>;
  return {
    id: flow.checkinId,
    recorded_at: flow.recordedAt ?? nowIso(),
    local_date: flow.localDate ?? today(),
    mood,
    energy,
    stress,
    connected,
    context: 'after_shift',
    body_signals: flow.checkin.body_signals,
    tags: flow.checkin.tags,
    note: flow.checkin.note.trim(),
    setting_down: flow.settingDown.trim(),
  };
}

export function LeavingShift(): JSX.Element {
  const kept = useDraft<Flow | null>(DRAFT_KEY, null);
  const [fallback] = useState(freshFlow);
  const flow = kept.value ?? fallback;
  const update = (change: Partial<Flow>) => kept.set({ ...flow, ...change });
  const [missing, setMissing] = useState<ScaleName[]>([]);
  const [finished, setFinished] = useState<{ endedShift: boolean } | null>(null);
  const form = useRef<HTMLFormElement>(null);
  const breathing = exerciseById('longer-out-breath')!;

  // What is typed after the check-in exists goes into that check-in as it is typed.
  useEffect(() => {
    if (flow.recordedAt === null || flow.step < 2) return undefined;
    const timer = window.setTimeout(() => void saveCheckin(asCheckin(flow)), SETTING_DOWN_SAVE_MS);
    return () => window.clearTimeout(timer);
  }, [flow.settingDown]);

  async function checkedIn(event: Event): Promise<void> {
    event.preventDefault();
    const gaps = missingScales(flow.checkin);
    setMissing(gaps);
    if (gaps.length) {
      focusFirstProblem(form.current);
      return;
    }
    const saved = {
      ...flow,
      recordedAt: flow.recordedAt ?? nowIso(),
      localDate: flow.localDate ?? today(),
      step: 2,
    };
    await saveCheckin(asCheckin(saved));
    kept.set(saved);
  }

  async function setDown(event: Event): Promise<void> {
    event.preventDefault();
    await saveCheckin(asCheckin(flow));
    update({ step: 3 });
  }

  async function finish(event: Event): Promise<void> {
    event.preventDefault();
    if (flow.recordedAt !== null) await saveCheckin(asCheckin(flow));
    if (flow.tonight.trim()) await createCommitment({ title: flow.tonight, cadence: 'once', on_date: today() });
    const ended = await endShift();
    await kept.clear();
    setFinished({ endedShift: ended !== null });
  }

  if (finished) {
    return (
      <Page title="Leaving shift" heading="You've landed.">
        <p class="player-big" role="status" data-testid="leaving-done">
          Whatever happened today, you showed up for people. Go gently. Rest well.
        </p>
        {finished.endedShift && (
          <p data-testid="leaving-shift-ended">Your shift is ended, so reminders can reach you again.</p>
        )}
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

  const step = flow.step;
  return (
    <Page title="Leaving shift" heading="Leaving shift">
      <p class="muted" data-testid="leaving-step">
        Step {step + 1} of {STEPS.length}: {STEPS[step]}
      </p>
      {step === 0 && (
        <>
          <p>A minute of slower breathing, to let the shift start to leave your body.</p>
          <Player exercise={breathing} onFinish={() => update({ step: 1 })} />
          <p>
            <button type="button" class="quiet" onClick={() => update({ step: 1 })} data-testid="skip-breathing">
              Skip to check-in
            </button>
          </p>
        </>
      )}
      {step === 1 && (
        <form ref={form} noValidate onSubmit={(event) => void checkedIn(event)}>
          <CheckinForm
            draft={flow.checkin}
            onChange={(checkin) => {
              update({ checkin });
              setMissing((gaps) => gaps.filter((name) => checkin.scores[name] === undefined));
            }}
            missing={missing}
            showContext={false}
          />
          <div class="button-row">
            <button type="submit" data-testid="leaving-next">
              Next
            </button>
          </div>
        </form>
      )}
      {step === 2 && (
        <form onSubmit={(event) => void setDown(event)}>
          <p class="saved-note" role="status">
            Your check-in is saved.
          </p>
          <div class="field">
            <label for="setting-down">What I'm setting down</label>
            <span class="hint" id="setting-down-hint">
              One line: a worry, a moment, a thing that isn't yours to carry home.
            </span>
            <input
              id="setting-down"
              type="text"
              maxLength={MAX_LENGTH.CheckinWrite.setting_down}
              aria-describedby="setting-down-hint"
              value={flow.settingDown}
              onInput={(e) => update({ settingDown: e.currentTarget.value })}
            />
          </div>
          <div class="button-row">
            <button type="submit" data-testid="leaving-save">
              Set it down
            </button>
            <button type="button" class="quiet" onClick={() => update({ step: 1 })}>
              Back
            </button>
          </div>
        </form>
      )}
      {step === 3 && (
        <form onSubmit={(event) => void finish(event)}>
          <p>One small thing for your recovery tonight? (Optional.)</p>
          <div class="button-row">
            {TONIGHT.map((idea) => (
              <button
                key={idea}
                type="button"
                class="secondary"
                aria-pressed={flow.tonight === idea}
                onClick={() => update({ tonight: idea })}
              >
                {idea}
              </button>
            ))}
          </div>
          <div class="field">
            <label for="tonight">Tonight I'll…</label>
            <input
              id="tonight"
              type="text"
              maxLength={MAX_LENGTH.CommitmentWrite.title}
              value={flow.tonight}
              onInput={(e) => update({ tonight: e.currentTarget.value })}
            />
          </div>
          <div class="button-row">
            <button type="submit" data-testid="leaving-finish">
              {flow.tonight.trim() ? 'Commit and finish' : 'Finish'}
            </button>
          </div>
        </form>
      )}
    </Page>
  );
}
