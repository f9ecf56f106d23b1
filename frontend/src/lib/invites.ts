/**
 * Invites this phone made (to a peer, or into a circle): their link and code are kept here
 * (the server stores only hashes) so they stay on screen until the invite is used, revoked
 * or expires.
 */
import type { Schemas } from './api';
import { getMeta, setMeta } from './store';
import { now } from './clock';

/** An invite as made here; a peer invite also carries, for its link's fragment (never sent
 * to the server), this person's key fingerprint and a one-time secret. */
export type MadeInvite = Schemas['InviteCreated'] & { fingerprint?: string; secret?: string };

export interface InviteKeeper {
  /** The link to send: the page that opens the invite, with its token. */
  link: (invite: MadeInvite) => string;
  made: () => Promise<MadeInvite[]>;
  remember: (invite: MadeInvite) => Promise<void>;
  /** Keep only the invites the server still has open (the rest were used, revoked or expired). */
  keepOpen: (open: number[]) => Promise<MadeInvite[]>;
}

function keeper(key: string, page: string): InviteKeeper {
  const made = async () => {
    const kept = (await getMeta<MadeInvite[]>(key)) ?? [];
    const at = now();
    return kept.filter((invite) => Date.parse(invite.expires_at) > at);
  };
  return {
    link: (invite) =>
      `${location.origin}${page}?t=${invite.token}${invite.fingerprint && invite.secret ? `#f=${invite.fingerprint}&s=${invite.secret}` : ''}`,
    made,
    remember: async (invite) => setMeta(key, [...(await made()), invite]),
    keepOpen: async (open) => {
      const still = (await made()).filter((invite) => open.includes(invite.id));
      await setMeta(key, still);
      return still;
    },
  };
}

/** Invites to share one-to-one with a peer. */
export const peerInvites = keeper('invites-made', '/join');

/** Invites into one circle. */
export function circleInvites(circleId: string): InviteKeeper {
  return keeper(`circle-invites-made:${circleId}`, '/circles/join');
}

const SECRETS = 'invite-secrets';
/** How long a secret is kept for checking whoever joined with it (the invite lasts 72 h). */
const SECRET_DAYS = 7;

interface KeptSecret {
  secret: string;
  until: string;
}

/** Keep an invite's secret (for checking the joiner's MAC after the invite is used up). */
async function keptSecrets(): Promise<KeptSecret[]> {
  const kept = (await getMeta<KeptSecret[]>(SECRETS)) ?? [];
  return kept.filter((item) => typeof item === 'object' && Date.parse(item.until) > now());
}

export async function keepInviteSecret(secret: string): Promise<void> {
  const until = new Date(now() + SECRET_DAYS * 86_400_000).toISOString();
  await setMeta(SECRETS, [...(await keptSecrets()), { secret, until }]);
}

export async function inviteSecrets(): Promise<string[]> {
  return (await keptSecrets()).map((item) => item.secret);
}

/** An invite link's fragment (the inviter's key fingerprint and a one-time secret), kept
 * for this tab while the person signs up or in on the way (a redirect would drop it). */
export function inviteFragment(token: string): { f: string; s: string } | null {
  if (!token) return null;
  const key = `invite-fragment:${token}`;
  const hash = new URLSearchParams(location.hash.slice(1));
  const f = hash.get('f');
  const s = hash.get('s');
  if (f && s) sessionStorage.setItem(key, JSON.stringify({ f, s }));
  const kept = sessionStorage.getItem(key);
  return kept ? (JSON.parse(kept) as { f: string; s: string }) : null;
}
