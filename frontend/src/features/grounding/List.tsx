/** The list of grounding exercises (part of the first download, like crisis mode). */
import type { JSX } from 'preact';

import { Page } from '../../ui/page';
import { EXERCISES } from './catalogue';
import { usePrefs } from './data';

export function Grounding(): JSX.Element {
  const [prefs] = usePrefs();
  return (
    <Page title="Grounding">
      <p class="muted">Short guided exercises to come back to the here and now. They all work without signal.</p>
      <ul class="entry-grid" data-testid="exercise-list">
        {EXERCISES.map((exercise) => (
          <li key={exercise.id}>
            <a class="entry" href={`/ground/${exercise.id}`} data-testid={`exercise-${exercise.id}`}>
              <strong>{exercise.title}</strong>
              <span>{exercise.summary}</span>
              <span>
                {exercise.lengths.join(', ')} min
                {prefs?.favourite === exercise.id ? ' · your Ground now' : ''}
              </span>
            </a>
          </li>
        ))}
      </ul>
    </Page>
  );
}
