/**
 * Crisis mode: large, calm and high-contrast, with the people and lines to call first.
 * Reachable in one tap from home and from the installed app's "Crisis toolkit" shortcut.
 */
import type { JSX } from 'preact';

import { Page } from '../../ui/page';
import { PersonActions } from './Contact';
import { useToolkit } from './data';
import { RegionLines } from './RegionLines';
import { regionFor, telHref } from './regions';

const LISTED = [
  { id: 'warning_signs', title: 'My warning signs' },
  { id: 'distractions', title: 'People and places that take my mind off things' },
  { id: 'safer_surroundings', title: 'Making my surroundings safer' },
  { id: 'what_matters', title: 'What matters to me' },
] as const;

export function Crisis(): JSX.Element {
  const toolkit = useToolkit();
  const doc = toolkit?.doc;
  const people = [...(doc?.sections.people ?? []), ...(doc?.sections.professionals ?? [])].filter((item) => item.phone);
  const lead = <p class="crisis-lead">Take one slow breath. You don't have to work anything out right now. Just pick one thing below.</p>;
  // The prerendered page holds only these calm words: the numbers depend on this phone's
  // region and plan, and appear below them (so nothing already shown moves).
  if (typeof navigator === 'undefined') {
    return (
      <Page title="Crisis toolkit" heading="You're not alone." className="crisis-mode">
        {lead}
      </Page>
    );
  }
  const region = regionFor(doc?.region ?? null);
  return (
    <Page title="Crisis toolkit" heading="You're not alone." className="crisis-mode">
      {lead}

      <section aria-labelledby="reach-heading" data-testid="crisis-calls">
        <h2 id="reach-heading">Reach someone now</h2>
        {people.map((person) => (
          <PersonActions key={person.id} name={person.text} phone={person.phone!} testid="person" />
        ))}
        <RegionLines region={doc?.region ?? null} note={false} />
        <a class="button emergency" href={telHref(region.emergency)} data-testid="emergency">
          In danger right now? Call {region.emergency}
        </a>
      </section>

      <section aria-labelledby="breathe-heading">
        <h2 id="breathe-heading">Things I can do on my own</h2>
        <a class="button" href="/ground/box-breathing?start=1" data-testid="breathe-now">
          Breathe with me
        </a>
        {(doc?.sections.on_my_own.length ?? 0) > 0 && (
          <ul class="list">
            {doc!.sections.on_my_own.map((item) => (
              <li key={item.id}>
                {item.exercise ? (
                  <a href={`/ground/${item.exercise}?start=1`} data-testid="coping-exercise">
                    {item.text}
                  </a>
                ) : (
                  item.text
                )}
              </li>
            ))}
          </ul>
        )}
      </section>

      {LISTED.map(({ id, title }) => {
        const items = doc?.sections[id] ?? [];
        return items.length ? (
          <section key={id} aria-labelledby={`crisis-${id}`}>
            <h2 id={`crisis-${id}`}>{title}</h2>
            <ul class="list">
              {items.map((item) => (
                <li key={item.id}>{item.text}</li>
              ))}
            </ul>
          </section>
        ) : null;
      })}

      <p class="no-print">
        <a href="/toolkit">Edit my toolkit</a>
      </p>
    </Page>
  );
}
