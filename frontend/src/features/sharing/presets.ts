/** The ready-made replies, in the words the person reads (the server's `PRESETS` match). */
import type { Schemas } from '../../lib/api';

export type Preset = NonNullable<Schemas['ReplyWrite']['preset']>;

export const PRESETS: [Preset, string][] = [
  ['thinking', 'Thinking of you'],
  ['call', 'That sounds hard. Call after shift?'],
  ['proud', 'Proud of you for keeping your commitments'],
];

/** A reply as read: the preset's words, then the person's own. */
export function replyWords(preset: Preset | null, text: string): string {
  const chosen = PRESETS.find(([id]) => id === preset)?.[1] ?? '';
  return [chosen, text].filter(Boolean).join(' ');
}
