import { beforeAll, describe, expect, it } from 'vitest';

import type { Schemas } from '../../lib/api';
import { toBase64Url } from '../../lib/crypto/bytes';
import { NotAuthentic } from '../../lib/crypto/envelope';
import { sign } from '../../lib/crypto/identity';
import { type Person, person } from '../../testing/people';
import {
  REPLAYED,
  ROLLED_BACK,
  type Roster,
  type RosterPin,
  TAMPERED,
  followRosters,
  refuseRollback,
  rosterText,
  signedPart,
} from './roster';

type Epoch = Schemas['EpochView'];

const CIRCLE = '0b6f7c1e-3a52-4d7e-9b0c-2f1e5d8a9c41';

let ana: Person;
let ben: Person;
let cat: Person;
let host: Person;

beforeAll(async () => {
  [ana, ben, cat, host] = await Promise.all([person(1, 'Ana'), person(2, 'Ben'), person(3, 'Cat'), person(99, 'Host')]);
});

function rosterOf(...members: Person[]): Roster {
  return Object.fromEntries(members.map((m) => [String(m.id), m.print]));
}

/** An epoch as the server hands it out: the roster ``members`` signed by ``signer``. */
async function epochBy(
  signer: Person,
  epoch: number,
  roster: Roster,
  { circle = CIRCLE, claims = epoch, signAs = signer }: { circle?: string; claims?: number; signAs?: Person } = {},
): Promise<Epoch> {
  const text = rosterText(circle, claims, roster);
  const keys = Object.fromEntries(Object.keys(roster).map((id) => [id, `sealed-circle-key-for-${id}`]));
  const signature = await sign(signAs.identity.signing.privateKey, signedPart(CIRCLE, epoch, text, keys));
  return {
    epoch,
    keys,
    made_at: '2026-03-01T12:00:00Z',
    roster: text,
    signature: toBase64Url(signature),
    signer: signer.id,
    signer_signing_public: signer.signingPublic,
    signer_sealing_public: signer.sealingPublic,
  };
}

/** Follow ``epochs`` as ``me`` would, from ``pin``; what was believed, or the words of the refusal. */
async function follow(me: Person, epochs: Epoch[], { pin = { rosters: {} } as RosterPin, inviter = '' } = {}) {
  const believed = new Map<number, Roster>();
  const believer = { me: me.id, myFingerprint: me.print, ...(inviter ? { inviter } : {}) };
  try {
    const last = await followRosters(CIRCLE, epochs, pin, believed, believer);
    return { last, believed, pin };
  } catch (error) {
    if (error instanceof NotAuthentic) return { refused: error.message, believed, pin };
    throw error;
  }
}

describe('the first roster this phone sees', () => {
  it('is believed from the inviter the link vouched for', async () => {
    const first = await epochBy(ana, 1, rosterOf(ana, ben));
    const seen = await follow(ben, [first], { inviter: ana.print });
    expect(seen.refused).toBeUndefined();
    expect(seen.last).toBe(1);
    expect(seen.believed.get(1)).toEqual(rosterOf(ana, ben));
  });

  it('is refused when someone other than the inviter signed it, even with ben on it', async () => {
    const first = await epochBy(host, 1, rosterOf(host, ben));
    expect((await follow(ben, [first], { inviter: ana.print })).refused).toBe(TAMPERED);
  });

  it('joined by code, is believed when it holds my place with my own keys', async () => {
    const first = await epochBy(ana, 1, rosterOf(ana, ben));
    expect((await follow(ben, [first])).last).toBe(1);
  });

  it('joined by code, is refused when my place carries keys that are not mine', async () => {
    const impostor = { ...ben, print: host.print };
    const first = await epochBy(ana, 1, rosterOf(ana, impostor));
    expect((await follow(ben, [first])).refused).toBe(TAMPERED);
  });
});

describe('each next roster', () => {
  it('is believed when a member of the previous roster with the keys pinned there signed it', async () => {
    const epochs = [
      await epochBy(ana, 1, rosterOf(ana, ben)),
      await epochBy(ben, 2, rosterOf(ana, ben, cat)),
      await epochBy(cat, 3, rosterOf(ben, cat)),
    ];
    const seen = await follow(ben, epochs, { inviter: ana.print });
    expect(seen.last).toBe(3);
    expect(seen.believed.get(3)).toEqual(rosterOf(ben, cat));
    expect(Object.keys(seen.pin.rosters)).toEqual(['1', '2', '3']);
  });

  it('refuses an addition signed by someone not on the previous roster (the host adding itself)', async () => {
    const epochs = [await epochBy(ana, 1, rosterOf(ana, ben)), await epochBy(host, 2, rosterOf(ana, ben, host))];
    const seen = await follow(ben, epochs, { inviter: ana.print });
    expect(seen.refused).toBe(TAMPERED);
    expect(seen.believed.has(2)).toBe(false);
  });

  it("refuses a roster signed in a member's name with keys other than the ones pinned for them", async () => {
    const forged = { ...host, id: ana.id };
    const epochs = [await epochBy(ana, 1, rosterOf(ana, ben)), await epochBy(forged, 2, rosterOf(ana, ben, host))];
    expect((await follow(ben, epochs, { inviter: ana.print })).refused).toBe(TAMPERED);
  });

  it('refuses a member added to the roster after it was signed', async () => {
    const signed = await epochBy(ana, 2, rosterOf(ana, ben));
    const added = { ...signed, roster: rosterText(CIRCLE, 2, rosterOf(ana, ben, host)) };
    const epochs = [await epochBy(ana, 1, rosterOf(ana, ben)), added];
    expect((await follow(ben, epochs, { inviter: ana.print })).refused).toBe(TAMPERED);
  });

  it('refuses a key sealed to someone the signed roster left out', async () => {
    const signed = await epochBy(ana, 2, rosterOf(ana, ben));
    const slipped = { ...signed, keys: { ...signed.keys, [String(host.id)]: 'sealed-circle-key-for-99' } };
    const epochs = [await epochBy(ana, 1, rosterOf(ana, ben)), slipped];
    expect((await follow(ben, epochs, { inviter: ana.print })).refused).toBe(TAMPERED);
  });

  it('refuses a roster that skips an epoch', async () => {
    const pin = (await follow(ben, [await epochBy(ana, 1, rosterOf(ana, ben))], { inviter: ana.print })).pin;
    const skipping = await epochBy(ana, 3, rosterOf(ana, ben, cat));
    expect((await follow(ben, [skipping], { pin })).refused).toBe(TAMPERED);
  });
});

describe('replays and rollbacks', () => {
  it('refuses an old roster handed out again as a newer epoch', async () => {
    const replayed = await epochBy(ana, 2, rosterOf(ana, ben), { claims: 1 });
    const epochs = [await epochBy(ana, 1, rosterOf(ana, ben)), replayed];
    expect((await follow(ben, epochs, { inviter: ana.print })).refused).toBe(REPLAYED);
  });

  it("refuses another circle's roster", async () => {
    const elsewhere = await epochBy(ana, 1, rosterOf(ana, ben), { circle: 'another-circle' });
    expect((await follow(ben, [elsewhere], { inviter: ana.print })).refused).toBe(REPLAYED);
  });

  it('refuses a believed epoch served again with different content', async () => {
    const { pin } = await follow(ben, [await epochBy(ana, 1, rosterOf(ana, ben))], { inviter: ana.print });
    const rewritten = await epochBy(ana, 1, rosterOf(ana, ben, cat));
    expect((await follow(ben, [rewritten], { pin })).refused).toBe(TAMPERED);
  });

  it('takes a believed epoch served again unchanged, and goes on from there', async () => {
    const first = await epochBy(ana, 1, rosterOf(ana, ben));
    const { pin } = await follow(ben, [first], { inviter: ana.print });
    const seen = await follow(ben, [first, await epochBy(ana, 2, rosterOf(ana, ben, cat))], { pin });
    expect(seen.last).toBe(2);
  });

  it('refuses an unseen epoch older than the last one believed', async () => {
    const { pin } = await follow(ben, [await epochBy(ana, 1, rosterOf(ana, ben))], { inviter: ana.print });
    delete pin.rosters['1'];
    pin.rosters['2'] = { members: rosterOf(ana, ben), digest: 'x' };
    expect((await follow(ben, [await epochBy(ana, 1, rosterOf(ana, ben))], { pin })).refused).toBe(TAMPERED);
  });

  it('refuses a current epoch older than the last roster believed', () => {
    expect(() => refuseRollback(1, 2)).toThrow(ROLLED_BACK);
    expect(() => refuseRollback(2, 2)).not.toThrow();
    expect(() => refuseRollback(3, 2)).not.toThrow();
  });
});
