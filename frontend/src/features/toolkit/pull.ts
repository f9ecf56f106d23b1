/** Pulling the plan saved on another device. */
import { api } from '../../lib/api';
import { pendingKeys } from '../../lib/outbox';
import { TOOLKIT_KEY, adoptServerToolkit } from './store';

/** Bring this phone's plan up to date with one saved on another device. */
export async function pullToolkit(): Promise<void> {
  const { data, error } = await api.GET('/api/toolkit');
  if (error || !data) throw new Error('toolkit pull failed');
  const waiting = (await pendingKeys('toolkit')).has(TOOLKIT_KEY);
  await adoptServerToolkit(data, waiting);
}
