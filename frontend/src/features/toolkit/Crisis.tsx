/**
 * Help now: the screen for a crisis, large, calm and high-contrast. The first screen of the
 * smallest phone holds a call to the emergency number and to the first crisis line, and the
 * person's own reasons (what matters to them), with the way into their safety plan; then
 * their people, the other lines, something to do on their own, and the rest of the plan.
 * Reachable in one tap from Home and from the installed app's "Help now" shortcut.
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
] as const;
const REASONS_FIRST = 3;

export function Crisis(): JSX.Element {
  const toolkit = useToolkit();
  const doc = toolkit?.doc;
  const lead = <p class="crisis-lead">You're not alone. One slow breath, then pick one thing.</p>;
  // The prerendered page holds only these calm words: the numbers depend on this phone's
  // region and plan, and appear below them (so nothing already shown moves).
  if (typeof navigator === 'undefined') {
    return (
      <Page title="Help now" className="crisis-mode">
        {lead}
      </Page>
    );
  }
  const region = regionFor(doc?.region ?? null);
  const firstLine = region.lines.find((line) => line.call);
  const reasons = doc?.sections.what_matters ?? [];
  const people = [...(doc?.sections.people ?? []), ...(doc?.sections.professionals ?? [])].filter((item) => item.phone);
  return (
    <Page title="Help now" className="crisis-mode">
      {lead}
      <div class="crisis-calls" data-testid="crisis-calls">
        <a class="button emergency" href={telHref(region.emergency)} data-testid="emergency">
          In danger now? Call {region.emergency}
        </a>
        {firstLine && (
          <a class="button crisis-line" href={telHref(firstLine.call!)} data-testid="first-line">
            Call {firstLine.call} — {firstLine.name}
          </a>
        )}
      </div>

      <section aria-labelledby="reasons-heading" class="reasons" data-testid="reasons">
        <h2 id="reasons-heading">What matters to me</h2>
        {reasons.length > 0 ? (
          <ul class="list">
            {reasons.slice(0, REASONS_FIRST).map((item) => (
              <li key={item.id} data-testid="reason">
                {item.text}
              </li>
            ))}
          </ul>
        ) : (
          <p>
            <a href="/toolkit#what_matters-heading">Add the people and things that matter to you</a>
          </p>
        )}
        <p>
          <a href="/toolkit" data-testid="open-plan">
            Open my safety plan
          </a>
        </p>
      </section>

      {reasons.length > REASONS_FIRST && (
        <ul class="list">
          {reasons.slice(REASONS_FIRST).map((item) => (
            <li key={item.id}>{item.text}</li>
          ))}
        </ul>
      )}

      <section aria-labelledby="reach-heading">
        <h2 id="reach-heading">Reach someone now</h2>
        {people.map((person) => (
          <PersonActions key={person.id} name={person.text} phone={person.phone!} testid="person" />
        ))}
        <RegionLines region={doc?.region ?? null} note={false} />
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
        <a href="/toolkit">Edit my safety plan</a>
      </p>
    </Page>
  );
}
