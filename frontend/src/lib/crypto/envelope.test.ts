import { beforeAll, describe, expect, it } from 'vitest';

import { type Person, person } from '../../testing/people';
import { NotAuthentic, context, openEnvelope, sealEnvelope } from './envelope';
import { importPublic } from './identity';
import { fromBase64Url } from './bytes';

let ana: Person;
let ben: Person;
let eve: Person;

beforeAll(async () => {
  [ana, ben, eve] = await Promise.all([person(1, 'Ana'), person(2, 'Ben'), person(3, 'Eve')]);
});

const publicOf = async (who: Person) =>
  importPublic({ signing: fromBase64Url(who.signingPublic), sealing: fromBase64Url(who.sealingPublic) });
const me = (who: Person) => ({ id: String(who.id), sealing: who.identity.sealing });

describe('an envelope', () => {
  const here = context('summary', 'link-1', 'summary-7');
  const card = { sleep: 'poor', mood: 3, note: 'a hard week' };

  async function sealedByAna(where = here) {
    const recipients = [
      { id: '1', sealing: ana.identity.sealing.publicKey },
      { id: '2', sealing: (await publicOf(ben)).sealing },
    ];
    return sealEnvelope(card, recipients, ana.identity.signing.privateKey, where);
  }

  it('opens for each recipient, the sender included', async () => {
    const envelope = await sealedByAna();
    const { verifying } = await publicOf(ana);
    expect(await openEnvelope(envelope, me(ben), verifying, here)).toEqual(card);
    expect(await openEnvelope(envelope, me(ana), verifying, here)).toEqual(card);
  });

  it('does not open for someone it was not sealed to', async () => {
    const envelope = await sealedByAna();
    await expect(openEnvelope(envelope, me(eve), (await publicOf(ana)).verifying, here)).rejects.toThrow(
      'not sealed to this person',
    );
  });

  it('is refused when it claims a sender who did not sign it', async () => {
    const envelope = await sealedByAna();
    await expect(openEnvelope(envelope, me(ben), (await publicOf(eve)).verifying, here)).rejects.toBeInstanceOf(
      NotAuthentic,
    );
  });

  it('is refused when copied to another summary', async () => {
    const envelope = await sealedByAna();
    const elsewhere = context('summary', 'link-1', 'summary-8');
    await expect(openEnvelope(envelope, me(ben), (await publicOf(ana)).verifying, elsewhere)).rejects.toBeInstanceOf(
      NotAuthentic,
    );
  });

  it('is refused when a key sealed to one recipient is handed to another', async () => {
    const envelope = await sealedByAna();
    const swapped = { ...envelope, keys: { ...envelope.keys, '3': envelope.keys['2']! } };
    await expect(openEnvelope(swapped, me(eve), (await publicOf(ana)).verifying, here)).rejects.toBeInstanceOf(
      NotAuthentic,
    );
  });
});

describe('context', () => {
  it('encodes kind and ids unambiguously', () => {
    expect(new TextDecoder().decode(context('circle-key', 'c-1', 3))).toBe('["steady","circle-key","c-1","3"]');
    expect(context('a', 'b-c')).not.toEqual(context('a-b', 'c'));
  });
});
