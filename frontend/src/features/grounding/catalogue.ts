/** The grounding exercises (content in exercises.json) and the timeline each one plays. */
import data from './exercises.json';

export type Phase = 'in' | 'hold' | 'out';

interface Timed {
  text: string;
  seconds: number;
  haptic?: number[];
}

interface BreathingExercise {
  id: string;
  title: string;
  summary: string;
  kind: 'breathing';
  lengths: number[];
  intro: Timed[];
  pattern: (Timed & { phase: Phase })[];
  outro: Timed[];
}

interface GuidedExercise {
  id: string;
  title: string;
  summary: string;
  kind: 'guided';
  lengths: number[];
  steps: { text: string; weight: number; haptic?: number[] }[];
}

export type Exercise = BreathingExercise | GuidedExercise;

/** One stretch of an exercise: a step to follow, or a breathing phase. */
export interface Segment {
  text: string;
  seconds: number;
  phase: Phase | null;
  haptic?: number[];
}

export const EXERCISES = data.exercises as Exercise[];

export function exerciseById(id: string): Exercise | undefined {
  return EXERCISES.find((exercise) => exercise.id === id);
}

/** The exercise laid out for ``minutes``: breathing cycles repeat, guided steps stretch. */
export function timeline(exercise: Exercise, minutes: number): Segment[] {
  const total = minutes * 60;
  if (exercise.kind === 'breathing') {
    const framing = [...exercise.intro, ...exercise.outro].reduce((sum, s) => sum + s.seconds, 0);
    const cycle = exercise.pattern.reduce((sum, s) => sum + s.seconds, 0);
    const cycles = Math.max(1, Math.round((total - framing) / cycle));
    const step = (s: Timed): Segment => ({ text: s.text, seconds: s.seconds, phase: null, haptic: s.haptic });
    const breaths = Array.from({ length: cycles }, () =>
      exercise.pattern.map((s): Segment => ({ text: s.text, seconds: s.seconds, phase: s.phase, haptic: s.haptic })),
    ).flat();
    return [...exercise.intro.map(step), ...breaths, ...exercise.outro.map(step)];
  }
  const weights = exercise.steps.reduce((sum, s) => sum + s.weight, 0);
  return exercise.steps.map((s) => ({
    text: s.text,
    seconds: Math.max(5, Math.round((total * s.weight) / weights)),
    phase: null,
    haptic: s.haptic,
  }));
}

export function totalSeconds(segments: Segment[]): number {
  return segments.reduce((sum, s) => sum + s.seconds, 0);
}
