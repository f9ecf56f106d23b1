/**
 * What an invite link vouches for. Its fragment (never sent to the server) carries the
 * inviter's key fingerprint and a one-time secret: the joiner checks the inviter's keys
 * against the fingerprint, and proves with a MAC under the secret which keys they joined
 * with, so the inviter can check them in turn.
 */
import { fromBase64Url, toBase64Url, utf8 } from './bytes';
import { fingerprint } from './identity';

/** What an invite link's fragment carries: the inviter's fingerprint and a secret. */
export interface InviteFragment {
  f: string;
  s: string;
}

/** HMAC over the joiner's and inviter's fingerprints, keyed (through HKDF) by the link's
 * secret: only someone who had the link can make it, and only for these keys. */
export async function inviteMac(secret: string, joiner: string, inviter: string): Promise<string> {
  const base = await crypto.subtle.importKey('raw', fromBase64Url(secret), 'HKDF', false, ['deriveKey']);
  const key = await crypto.subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(), info: utf8('steady invite mac v1') },
    base,
    { name: 'HMAC', hash: 'SHA-256', length: 256 },
    false,
    ['sign'],
  );
  return toBase64Url(new Uint8Array(await crypto.subtle.sign('HMAC', key, utf8(`${joiner}|${inviter}`))));
}

/** Whether ``mac`` was made under one of ``secrets`` (links this phone made) for exactly these keys. */
export async function macVouches(secrets: string[], mac: string, joiner: string, inviter: string): Promise<boolean> {
  let vouched = false;
  for (const secret of secrets) if ((await inviteMac(secret, joiner, inviter)) === mac) vouched = true;
  return vouched;
}

/** Whether the keys the server gave for the inviter are the ones the link vouches for. */
export async function inviterMatches(
  preview: { inviter_signing_public?: string | null; inviter_sealing_public?: string | null },
  fragment: InviteFragment,
): Promise<boolean> {
  if (!preview.inviter_signing_public || !preview.inviter_sealing_public) return false;
  const computed = await fingerprint({
    signing: fromBase64Url(preview.inviter_signing_public),
    sealing: fromBase64Url(preview.inviter_sealing_public),
  });
  return toBase64Url(computed) === fragment.f;
}
