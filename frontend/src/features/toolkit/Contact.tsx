/** One-tap call, text and chat links for a person or a crisis line. */
import type { JSX } from 'preact';

import { Icon } from '../../ui/icons';
import { type CrisisLine, smsHref, telHref } from './regions';

export function PersonActions({ name, phone, testid }: { name: string; phone: string; testid?: string }): JSX.Element {
  return (
    <div class="contact" data-testid={testid}>
      <span class="contact-name">{name}</span>
      <span class="contact-actions">
        <a class="button" href={telHref(phone)} data-testid="call">
          <Icon name="phone" /> Call <span class="visually-hidden">{name}</span>
        </a>
        <a class="button secondary" href={smsHref(phone)} data-testid="text">
          <Icon name="message" /> Text <span class="visually-hidden">{name}</span>
        </a>
      </span>
    </div>
  );
}

export function LineActions({ line }: { line: CrisisLine }): JSX.Element {
  return (
    <div class="contact" data-testid="crisis-line">
      <span class="contact-name">
        {line.name}
        {line.hours && <span class="hint">{line.hours}</span>}
      </span>
      <span class="contact-actions">
        {line.call && (
          <a class="button" href={telHref(line.call)} data-testid="call">
            <Icon name="phone" /> Call {line.call}
          </a>
        )}
        {line.text && (
          <a class="button secondary" href={smsHref(line.text, line.text_body)} data-testid="text">
            <Icon name="message" /> Text {line.text_body ? `${line.text_body} to ` : ''}
            {line.text}
          </a>
        )}
        {line.chat && (
          <a class="button secondary" href={line.chat} rel="noreferrer" target="_blank" data-testid="chat">
            Chat online<span class="visually-hidden"> (opens the service's website)</span>
          </a>
        )}
      </span>
    </div>
  );
}
