/** What other features may use of sharing (boundaries.test.ts holds them to this file). */
export { SignedOut } from './SignedOut';
export { useUnread } from './unread';
