/** Guided first-time setup: one part of the plan at a time, every step skippable. */
import type { JSX } from 'preact';
import { useLocation } from 'preact-iso';

import { Page } from '../../ui/page';
import { addItem, finishSetup, useToolkit } from './data';
import { RegionLines, RegionPicker } from './RegionLines';
import { SectionEditor } from './SectionEditor';
import { SECTIONS } from './sections';

export function Setup(): JSX.Element {
  const { query, route } = useLocation();
  const toolkit = useToolkit();
  const step = Math.min(Math.max(Number.parseInt(query.step ?? '1', 10) || 1, 1), SECTIONS.length);
  const section = SECTIONS[step - 1]!;
  const finish = async () => {
    await finishSetup();
    route('/toolkit');
  };
  if (!toolkit) return <Page title="Set up your safety plan">{null}</Page>;
  const items = toolkit.doc.sections[section.id];
  const unused = section.suggestions.filter((suggestion) => !items.some((item) => item.text === suggestion));
  return (
    <Page title="Set up your safety plan" heading={section.title}>
      <p class="muted" data-testid="setup-progress">
        Step {step} of {SECTIONS.length}
      </p>
      <p>{section.prompt}</p>
      {unused.length > 0 && (
        <div class="field">
          <p class="hint">Ideas — tap to add:</p>
          <div class="button-row">
            {unused.map((suggestion) => (
              <button
                key={suggestion}
                type="button"
                class="secondary"
                onClick={() => void addItem(section.id, { text: suggestion })}
              >
                + {suggestion}
              </button>
            ))}
          </div>
        </div>
      )}
      {section.id === 'professionals' && (
        <>
          <RegionPicker region={toolkit.doc.region} />
          <RegionLines region={toolkit.doc.region} />
        </>
      )}
      <SectionEditor section={section} items={items} />
      <div class="button-row">
        {step > 1 && (
          <a class="button secondary" href={`/toolkit/setup?step=${step - 1}`}>
            Back
          </a>
        )}
        {step < SECTIONS.length ? (
          <a class="button" href={`/toolkit/setup?step=${step + 1}`} data-testid="setup-next">
            {items.length ? 'Next' : 'Skip this step'}
          </a>
        ) : (
          <button type="button" onClick={() => void finish()} data-testid="setup-finish">
            Finish
          </button>
        )}
        <button type="button" class="quiet" onClick={() => void finish()} data-testid="setup-skip">
          Skip setup for now
        </button>
      </div>
    </Page>
  );
}
