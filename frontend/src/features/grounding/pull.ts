/** Pulling grounding sessions recorded on other devices. */
import { api } from '../../lib/api';
import { pullFeed } from '../../lib/records';
import { SESSIONS_PATH } from './data';

export async function pullGroundingSessions(): Promise<void> {
  await pullFeed(
    'grounding_sessions',
    async (since) => (await api.GET(SESSIONS_PATH, { params: { query: { since, limit: 200 } } })).data,
  );
}
