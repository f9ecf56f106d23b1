/** Pulling commitments and ticks made or deleted on other devices. */
import { api } from '../../lib/api';
import { pullFeed } from '../../lib/records';
import { COMMITMENTS_PATH, COMPLETIONS_PATH } from './writes';

export async function pullCommitments(): Promise<void> {
  await pullFeed(
    'commitments',
    async (since) => (await api.GET(COMMITMENTS_PATH, { params: { query: { since, limit: 200 } } })).data,
  );
  await pullFeed(
    'completions',
    async (since) => (await api.GET(COMPLETIONS_PATH, { params: { query: { since, limit: 200 } } })).data,
  );
}
