/** Days a shift ended, as this phone knows them: shifts tapped Start and End here (or on
 * another phone, once pulled) and after-shift check-ins. After-shift commitments are due
 * on these days. */
import { dayIn } from '../../lib/dates';
import { db } from '../../lib/store';

export async function shiftDays(): Promise<Set<string>> {
  const database = await db();
  const checkins = await database.getAll('checkins');
  const shifts = await database.getAll('shifts');
  return new Set([
    ...checkins.filter((c) => c.context === 'after_shift').map((c) => c.local_date),
    ...shifts.filter((s) => s.ended_at !== null).map((s) => dayIn(new Date(s.ended_at!))),
  ]);
}
