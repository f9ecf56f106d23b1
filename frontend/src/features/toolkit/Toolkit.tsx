/** The safety plan: every part, editable, printable, all on this phone ("Help now" is the
 * screen to open in a crisis). */
import type { JSX } from 'preact';

import { Page } from '../../ui/page';
import { useToolkit } from './data';
import { RegionLines, RegionPicker } from './RegionLines';
import { SectionEditor } from './SectionEditor';
import { SECTIONS } from './sections';

export function Toolkit(): JSX.Element {
  const toolkit = useToolkit();
  if (!toolkit) return <Page title="Safety plan">{null}</Page>;
  const { doc } = toolkit;
  const empty = Object.values(doc.sections).every((items) => items.length === 0);
  return (
    <Page title="Safety plan" className="toolkit">
      <p class="muted">Your plan for hard moments, kept on this phone. Fill in what helps; leave the rest.</p>
      <div class="button-row no-print">
        <a class="button" href="/crisis" data-testid="open-crisis">
          Help now
        </a>
        <button type="button" class="secondary" onClick={() => window.print()}>
          Print my plan
        </button>
      </div>
      {!doc.setup_done && empty && (
        <div class="card no-print" data-testid="setup-invite">
          <h2>Set it up in a few minutes</h2>
          <p>We'll go through each part one at a time. You can skip any of it and come back later.</p>
          <a class="button" href="/toolkit/setup" data-testid="start-setup">
            Start setup
          </a>
        </div>
      )}
      {SECTIONS.map((section) => (
        <section key={section.id} class="card plan-section" aria-labelledby={`${section.id}-heading`}>
          <h2 id={`${section.id}-heading`}>{section.title}</h2>
          <p class="hint">{section.prompt}</p>
          {section.id === 'professionals' && (
            <>
              <RegionPicker region={doc.region} />
              <RegionLines region={doc.region} />
            </>
          )}
          <SectionEditor section={section} items={doc.sections[section.id]} />
        </section>
      ))}
    </Page>
  );
}
