/**
 * Whose data this device holds. Data made while signed out belongs to nobody yet and is
 * uploaded on the first sign-in; data of another account is cleared before a new one loads.
 */
import { announce } from '../../lib/events';
import { pendingCount } from '../../lib/outbox';
import { db, getMeta } from '../../lib/store';

/** The account whose data is on this device, or null if it was made signed out. */
export async function deviceOwner(): Promise<string | null> {
  return (await getMeta<string>('owner')) ?? null;
}

/** Unsent changes that belong to an account other than ``username``. */
export async function unsentChangesOfAnotherAccount(username: string): Promise<number> {
  const owner = await deviceOwner();
  if (owner === null || owner === username.toLowerCase()) return 0;
  return pendingCount();
}

/** Remove every Steady record from this device (not from the server). */
export async function clearDevice(): Promise<void> {
  const database = await db();
  const names = Array.from(database.objectStoreNames);
  const tx = database.transaction(names, 'readwrite');
  await Promise.all(names.map((name) => tx.objectStore(name).clear()));
  await tx.done;
  for (const name of names) announce(name);
  announce('outbox');
}

/** Before adopting a signed-in account: drop another account's copy from this device. */
export async function prepareDeviceFor(username: string): Promise<void> {
  const owner = await deviceOwner();
  if (owner !== null && owner !== username.toLowerCase()) await clearDevice();
}
