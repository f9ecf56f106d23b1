/**
 * An envelope: a document encrypted once under a fresh content key, that key sealed to
 * each recipient (the sender included, so their other devices can read what they sent),
 * and the whole signed by the sender. The context — what this is and where it belongs
 * (kind and ids) — is the associated data of the content and the `info` of every sealed
 * key, so an envelope copied to another summary or post opens nowhere.
 */
import { concat, fromBase64Url, fromUtf8, toBase64Url, utf8 } from './bytes';
import { decryptContent, encryptContent, newContentKey } from './content';
import { openSealed, sealTo } from './hpke';
import { sign, verify } from './identity';

export interface Envelope {
  v: 1;
  /** `nonce ‖ ciphertext` of the padded JSON document, base64url. */
  box: string;
  /** The content key sealed to each recipient, by recipient id. */
  keys: Record<string, string>;
  /** The sender's ECDSA signature over context ‖ box. */
  sig: string;
}

export interface Recipient {
  id: string;
  sealing: CryptoKey;
}

/** Refused: the signature, the seal or the context does not match. */
export class NotAuthentic extends Error {}

/** What an envelope belongs to, unambiguously encoded (a JSON array). */
export function context(kind: string, ...ids: (string | number)[]): Uint8Array<ArrayBuffer> {
  return utf8(JSON.stringify(['steady', kind, ...ids.map(String)]));
}

export async function sealEnvelope(
  document: unknown,
  recipients: Recipient[],
  signer: CryptoKey,
  where: Uint8Array<ArrayBuffer>,
): Promise<Envelope> {
  const key = await newContentKey();
  const box = await encryptContent(key, utf8(JSON.stringify(document)), where);
  const keys: Record<string, string> = {};
  for (const recipient of recipients) keys[recipient.id] = toBase64Url(await sealTo(recipient.sealing, key, where));
  const sig = await sign(signer, concat(where, box));
  return { v: 1, box: toBase64Url(box), keys, sig: toBase64Url(sig) };
}

/** The document, if `sender` signed it for this place and it was sealed to `me`. */
export async function openEnvelope(
  envelope: Envelope,
  me: { id: string; sealing: CryptoKeyPair },
  sender: CryptoKey,
  where: Uint8Array<ArrayBuffer>,
): Promise<unknown> {
  try {
    const box = fromBase64Url(envelope.box);
    if (!(await verify(sender, fromBase64Url(envelope.sig), concat(where, box)))) throw new NotAuthentic('signature');
    const sealed = envelope.keys[me.id];
    if (!sealed) throw new NotAuthentic('not sealed to this person');
    const key = await openSealed(me.sealing, fromBase64Url(sealed), where);
    return JSON.parse(fromUtf8(await decryptContent(key, box, where)));
  } catch (error) {
    throw error instanceof NotAuthentic ? error : new NotAuthentic(String(error));
  }
}
