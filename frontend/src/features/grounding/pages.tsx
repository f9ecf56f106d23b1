/** Grounding pages that play: one exercise, and "Ground now". */
import type { JSX } from 'preact';
import { useRoute } from 'preact-iso';

import { Page } from '../../ui/page';
import { EXERCISES, type Exercise, exerciseById } from './catalogue';
import { type GroundingPrefs, usePrefs } from './data';
import { Player } from './Player';

export function ExercisePage(): JSX.Element {
  const { params, query } = useRoute();
  const exercise = exerciseById(params.id ?? '');
  if (!exercise) {
    return (
      <Page title="Exercise not found">
        <p>
          That exercise isn't here. <a href="/ground">See all exercises</a>.
        </p>
      </Page>
    );
  }
  return (
    <Page title={exercise.title}>
      <Player key={exercise.id} exercise={exercise} autostart={query.start === '1'} />
    </Page>
  );
}

/** The favourite exercise, or the first one: what "Ground now" starts. */
function groundNowExercise(prefs: GroundingPrefs): Exercise {
  return (prefs.favourite ? exerciseById(prefs.favourite) : undefined) ?? EXERCISES[0]!;
}

/** One tap from home or the app shortcut: the favourite (or first) exercise, already going. */
export function GroundNow(): JSX.Element | null {
  const [prefs] = usePrefs();
  if (prefs === null) return null;
  const exercise = groundNowExercise(prefs);
  return (
    <Page title={exercise.title}>
      <Player exercise={exercise} autostart />
      <p>
        <a href="/ground">Choose a different exercise</a>
      </p>
    </Page>
  );
}
