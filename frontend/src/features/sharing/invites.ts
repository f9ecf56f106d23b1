/**
 * Invites this phone made: their link and code are kept here (the server stores only
 * hashes) so they stay on screen until the invite is used, revoked or expires.
 */
import type { Schemas } from '../../lib/api';
import { getMeta, setMeta } from '../../lib/store';

const KEPT = 'invites-made';

export type MadeInvite = Schemas['InviteCreated'];

export function inviteLink(invite: MadeInvite): string {
  return `${location.origin}/join?t=${invite.token}`;
}

export async function madeInvites(): Promise<MadeInvite[]> {
  const kept = (await getMeta<MadeInvite[]>(KEPT)) ?? [];
  const now = Date.now();
  return kept.filter((invite) => Date.parse(invite.expires_at) > now);
}

export async function rememberInvite(invite: MadeInvite): Promise<void> {
  await setMeta(KEPT, [...(await madeInvites()), invite]);
}

/** Keep only the invites the server still has open (the rest were used, revoked or expired). */
export async function keepOpenInvites(open: number[]): Promise<MadeInvite[]> {
  const still = (await madeInvites()).filter((invite) => open.includes(invite.id));
  await setMeta(KEPT, still);
  return still;
}
