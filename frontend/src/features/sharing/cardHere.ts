/** A summary's card composed from what this phone holds (the records it keeps in step
 * with the server), in the person's time zone, now. */
import { personTimeZone } from '../../lib/dates';
import { sessionNow } from '../../lib/session';
import { db } from '../../lib/store';
import { type Card, type ComposeDraft, composeCard } from './compose';
import { now } from '../../lib/clock';

export async function cardFromThisPhone(draft: ComposeDraft): Promise<Card> {
  const store = await db();
  const records = {
    checkins: await store.getAll('checkins'),
    commitments: await store.getAll('commitments'),
    completions: await store.getAll('completions'),
    grounding: await store.getAll('grounding_sessions'),
    shifts: await store.getAll('shifts'),
  };
  return composeCard(draft, records, personTimeZone(), now(), sessionNow().account?.username ?? '');
}
