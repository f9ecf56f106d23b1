/**
 * The seven parts of the safety plan, in Steady's own words (the structure follows the
 * Stanley-Brown safety plan; its published wording is not used).
 */
import type { SectionId } from '../../lib/store';

export interface SectionInfo {
  id: SectionId;
  title: string;
  /** A plain sentence about what goes here. */
  prompt: string;
  /** Ideas the person can tap to add during setup. */
  suggestions: string[];
  /** People and services carry a phone number (one tap to call or text). */
  hasPhone?: boolean;
  /** Things to do alone can open a grounding exercise. */
  hasExercise?: boolean;
  placeholder: string;
}

export const SECTIONS: SectionInfo[] = [
  {
    id: 'warning_signs',
    title: 'My warning signs',
    prompt: 'How do I know a hard time is building? Thoughts, feelings, things I start or stop doing.',
    suggestions: ['Not sleeping after shifts', 'Snapping at people I love', 'Feeling numb', 'Dreading going in'],
    placeholder: 'e.g. Replaying a shift over and over',
  },
  {
    id: 'on_my_own',
    title: 'Things I can do on my own',
    prompt: 'Small things that help me ride it out without anyone else. Some can open a grounding exercise.',
    suggestions: ['Box breathing', 'A hot shower', 'Walk round the block', 'Music with headphones on'],
    hasExercise: true,
    placeholder: 'e.g. Cold water on my face',
  },
  {
    id: 'distractions',
    title: 'People and places that take my mind off things',
    prompt: 'Where I can go, or who I can be around, without having to talk about it.',
    suggestions: ['The park near home', 'Coffee with a friend', 'The gym', 'Calling my sister about anything else'],
    hasPhone: true,
    placeholder: 'e.g. The café on the corner',
  },
  {
    id: 'people',
    title: 'People I can ask for help',
    prompt: 'People I trust to tell how I am really doing. One tap calls or texts them.',
    suggestions: [],
    hasPhone: true,
    placeholder: 'Name',
  },
  {
    id: 'professionals',
    title: 'Professionals and crisis lines',
    prompt:
      'Lines for where I am are listed already. Add my own: GP, therapist, employee assistance, occupational health.',
    suggestions: [],
    hasPhone: true,
    placeholder: 'e.g. Employee assistance programme',
  },
  {
    id: 'safer_surroundings',
    title: 'Making my surroundings safer',
    prompt: 'Steps that put time and distance between me and anything I could use to hurt myself.',
    suggestions: [
      'Ask someone to keep my medicines',
      'Stay somewhere with others tonight',
      'Leave the car keys with a friend',
    ],
    placeholder: 'e.g. Give my spare keys to Sam',
  },
  {
    id: 'what_matters',
    title: 'What matters to me',
    prompt: 'The people, plans and reasons that are worth holding on for.',
    suggestions: ['My kids', 'My dog', 'The patients I will meet next year', 'Seeing the sea again'],
    placeholder: 'e.g. My niece’s wedding in June',
  },
];
