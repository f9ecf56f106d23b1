/**
 * Safety numbers, as Signal makes them: each person's fingerprint hashed 5,200 times with
 * their account id, the first 30 bytes read as six five-digit groups, the two halves in a
 * fixed order so both phones show the same 60 digits. Compared in person, they prove that
 * no one — the host included — put their own keys between the two.
 */
import { concat, utf8 } from './bytes';

const ITERATIONS = 5200;

async function half(fingerprint: Uint8Array<ArrayBuffer>, accountId: string): Promise<string> {
  let digest = new Uint8Array(
    await crypto.subtle.digest('SHA-512', concat(new Uint8Array([0, 0]), fingerprint, utf8(accountId))),
  );
  for (let i = 0; i < ITERATIONS; i += 1)
    digest = new Uint8Array(await crypto.subtle.digest('SHA-512', concat(digest, fingerprint)));
  let digits = '';
  for (let chunk = 0; chunk < 6; chunk += 1) {
    let value = 0;
    for (let byte = 0; byte < 5; byte += 1) value = value * 256 + digest[chunk * 5 + byte];
    digits += String(value % 100000).padStart(5, '0');
  }
  return digits;
}

/** Twelve groups of five digits, the same on both phones. */
export async function safetyNumber(
  mine: { fingerprint: Uint8Array<ArrayBuffer>; accountId: string },
  theirs: { fingerprint: Uint8Array<ArrayBuffer>; accountId: string },
): Promise<string[]> {
  const halves = [
    await half(mine.fingerprint, mine.accountId),
    await half(theirs.fingerprint, theirs.accountId),
  ].sort();
  return (halves.join('').match(/.{5}/g) ?? []) as string[];
}
