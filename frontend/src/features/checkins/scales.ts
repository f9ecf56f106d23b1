/** Words for each point of each scale: a number alone says little on a hard day. */
export type ScaleName = 'mood' | 'energy' | 'stress' | 'connected';

export const SCALES: { name: ScaleName; question: string; words: [string, string, string, string, string] }[] = [
  { name: 'mood', question: 'Mood', words: ['Very low', 'Low', 'Okay', 'Good', 'Very good'] },
  { name: 'energy', question: 'Energy', words: ['Drained', 'Tired', 'Steady', 'Lively', 'Full of energy'] },
  { name: 'stress', question: 'Stress', words: ['Calm', 'A little tense', 'Stretched', 'Stressed', 'Overwhelmed'] },
  {
    name: 'connected',
    question: 'Feeling connected',
    words: ['Alone', 'A bit distant', 'Somewhat', 'Connected', 'Well supported'],
  },
];

export const CONTEXTS = [
  { value: 'before_shift', label: 'Before shift' },
  { value: 'on_shift', label: 'On shift' },
  { value: 'after_shift', label: 'After shift' },
  { value: 'day_off', label: 'Day off' },
] as const;

export function scaleWord(name: ScaleName, value: number): string {
  return SCALES.find((scale) => scale.name === name)?.words[value - 1] ?? String(value);
}

/** A check-in's scales as one readable line: "Mood low · energy tired · feeling stressed". */
export function scalesInWords(checkin: { mood: number; energy: number; stress: number; connected?: number }): string {
  const parts = [
    `Mood ${scaleWord('mood', checkin.mood).toLowerCase()}`,
    `energy ${scaleWord('energy', checkin.energy).toLowerCase()}`,
    `feeling ${scaleWord('stress', checkin.stress).toLowerCase()}`,
  ];
  if (checkin.connected !== undefined)
    parts.push(`connection: ${scaleWord('connected', checkin.connected).toLowerCase()}`);
  return parts.join(' · ');
}

export interface MarkOption {
  key: string;
  label: string;
}

export const BODY_SIGNALS: MarkOption[] = [
  { key: 'tight_shoulders', label: 'Tight shoulders or jaw' },
  { key: 'headache', label: 'Headache' },
  { key: 'poor_sleep', label: 'Poor sleep' },
  { key: 'stomach', label: 'Upset stomach' },
  { key: 'racing_heart', label: 'Racing heart' },
  { key: 'exhausted', label: 'Exhausted' },
];

export const HARD_EVENTS: MarkOption[] = [
  { key: 'patient_death', label: 'Someone in my care died' },
  { key: 'violence', label: 'Violence or a threat' },
  { key: 'complaint', label: 'A complaint' },
  { key: 'near_miss', label: 'A near miss' },
  { key: 'heavy_caseload', label: 'A heavy caseload' },
];

/** A mark as words: a listed key's label, or the person's own words as they wrote them. */
export function markLabel(value: string): string {
  return [...BODY_SIGNALS, ...HARD_EVENTS].find((option) => option.key === value)?.label ?? value;
}
