import { beforeAll, describe, expect, it } from 'vitest';

import type { Schemas } from '../../lib/api';
import { toBase64Url } from '../../lib/crypto/bytes';
import { inviteMac } from '../../lib/crypto/invite';
import { type Person, person } from '../../testing/people';
import { type RingView, type Roster, nextRoster } from './roster';

type Member = Schemas['MemberKeys'];

const SECRET = toBase64Url(new Uint8Array(32).fill(7));
const OTHER_SECRET = toBase64Url(new Uint8Array(32).fill(9));

let ana: Person;
let ben: Person;
let cat: Person;
let dan: Person;

beforeAll(async () => {
  [ana, ben, cat, dan] = await Promise.all([person(1, 'Ana'), person(2, 'Ben'), person(3, 'Cat'), person(4, 'Dan')]);
});

function rosterOf(...members: Person[]): Roster {
  return Object.fromEntries(members.map((m) => [String(m.id), m.print]));
}

function member(who: Person, invitedBy: number | null, keyMac: string | null = null): Member {
  return {
    member: who.id,
    name: who.name,
    invited_by: invitedBy,
    key_mac: keyMac,
    on_roster: false,
    signing_public: who.signingPublic,
    sealing_public: who.sealingPublic,
  };
}

/** Ana's keyring at epoch 1 (roster ``current``), with every member's keys as fetched. */
function anasRing(current: Roster, fetched: Person[]): RingView {
  return {
    me: ana.id,
    mine: { fingerprint: ana.print },
    rosters: new Map([[1, current]]),
    members: new Map(fetched.map((p) => [p.id, { fingerprint: p.print }])),
  };
}

describe("who the circle's next key is for", () => {
  it('is no one new when nobody came or left', async () => {
    const ring = anasRing(rosterOf(ana, ben), [ana, ben]);
    const members = [member(ana, null), member(ben, 1)];
    expect(await nextRoster({ epoch: 1, members }, ring, [])).toBeNull();
  });

  it('drops someone who left, whoever notices', async () => {
    const ring = { ...anasRing(rosterOf(ana, ben, cat), [ana, ben]), me: ben.id, mine: { fingerprint: ben.print } };
    const next = await nextRoster({ epoch: 1, members: [member(ana, null), member(ben, 1)] }, ring, []);
    expect(next).toEqual({ roster: rosterOf(ana, ben), waiting: [] });
  });

  it("lets in the newcomer I invited when their keys match my link's MAC", async () => {
    const mac = await inviteMac(SECRET, cat.print, ana.print);
    const ring = anasRing(rosterOf(ana, ben), [ana, ben, cat]);
    const members = [member(ana, null), member(ben, 1), member(cat, ana.id, mac)];
    const next = await nextRoster({ epoch: 1, members }, ring, [OTHER_SECRET, SECRET]);
    expect(next).toEqual({ roster: rosterOf(ana, ben, cat), waiting: [] });
    expect(ring.notice).toBeUndefined();
  });

  it("keeps out, and tells me about, a newcomer I invited whose keys don't match my link", async () => {
    const macForOtherKeys = await inviteMac(SECRET, dan.print, ana.print);
    const ring = anasRing(rosterOf(ana, ben), [ana, ben, cat]);
    const members = [member(ana, null), member(ben, 1), member(cat, ana.id, macForOtherKeys)];
    const next = await nextRoster({ epoch: 1, members }, ring, [SECRET]);
    expect(next).toBeNull();
    expect(ring.notice).toMatch(/^Cat's keys don't match your invite link/);
  });

  it('leaves a newcomer someone else invited waiting for them', async () => {
    const ring = anasRing(rosterOf(ana, ben), [ana, ben, cat]);
    const members = [member(ana, null), member(ben, 1), member(cat, ben.id)];
    expect(await nextRoster({ epoch: 1, members }, ring, [])).toBeNull();
    const withAnother = [...members, member(dan, ana.id)];
    ring.members.set(dan.id, { fingerprint: dan.print });
    expect(await nextRoster({ epoch: 1, members: withAnother }, ring, [])).toEqual({
      roster: rosterOf(ana, ben, dan),
      waiting: ['Cat'],
    });
  });

  it('lets in a newcomer whose inviter has left', async () => {
    const ring = anasRing(rosterOf(ana, ben), [ana, cat]);
    const next = await nextRoster({ epoch: 1, members: [member(ana, null), member(cat, ben.id)] }, ring, []);
    expect(next).toEqual({ roster: rosterOf(ana, cat), waiting: [] });
  });

  it('leaves waiting a newcomer who has no keys yet (and makes no key for them alone)', async () => {
    const ring = anasRing(rosterOf(ana), [ana]);
    const members = [member(ana, null), member(cat, ana.id)];
    expect(await nextRoster({ epoch: 1, members }, ring, [])).toBeNull();
    ring.members.set(dan.id, { fingerprint: dan.print });
    const next = await nextRoster({ epoch: 1, members: [...members, member(dan, ana.id)] }, ring, []);
    expect(next).toEqual({ roster: rosterOf(ana, dan), waiting: ['Cat'] });
  });

  it('makes the very first key for everyone whose keys are there', async () => {
    const ring = { ...anasRing({}, [ana, ben]), rosters: new Map() };
    const next = await nextRoster({ epoch: 0, members: [member(ana, null), member(ben, ana.id)] }, ring, []);
    expect(next).toEqual({ roster: rosterOf(ana, ben), waiting: [] });
  });

  it("refuses to make a key when a member's keys changed since the last one was sealed to them", async () => {
    const ring = anasRing(rosterOf(ana, ben), [ana]);
    ring.members.set(ben.id, { fingerprint: dan.print });
    await expect(nextRoster({ epoch: 1, members: [member(ana, null), member(ben, 1)] }, ring, [])).rejects.toThrow(
      /^Ben's keys changed since the circle's key was sealed to them/,
    );
  });
});
