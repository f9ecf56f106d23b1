/** Days a shift ended, as this phone knows them: after-shift check-ins (and, once
 * recorded, shift ends). After-shift commitments are due on these days. */
import { db } from '../../lib/store';

export async function shiftDays(): Promise<Set<string>> {
  const checkins = await (await db()).getAll('checkins');
  return new Set(checkins.filter((c) => c.context === 'after_shift').map((c) => c.local_date));
}
