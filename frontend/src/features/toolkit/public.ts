/** What other features may use of the toolkit (boundaries.test.ts holds them to this file). */
export { emptySections } from './shape';
export { loadToolkit, saveToolkit } from './store';
