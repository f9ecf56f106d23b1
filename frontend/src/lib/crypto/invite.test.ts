import { beforeAll, describe, expect, it } from 'vitest';

import { type Person, person } from '../../testing/people';
import { toBase64Url } from './bytes';
import { inviteMac, inviterMatches, macVouches } from './invite';

const SECRET = toBase64Url(new Uint8Array(32).fill(5));
const ANOTHER = toBase64Url(new Uint8Array(32).fill(6));

let ana: Person;
let ben: Person;
let host: Person;

beforeAll(async () => {
  [ana, ben, host] = await Promise.all([person(1), person(2), person(3)]);
});

describe("the joiner's MAC", () => {
  it('vouches for the keys it was made for, under a secret the inviter kept', async () => {
    const mac = await inviteMac(SECRET, ben.print, ana.print);
    expect(await macVouches([ANOTHER, SECRET], mac, ben.print, ana.print)).toBe(true);
  });

  it('does not vouch for other keys, another inviter or a secret not kept', async () => {
    const mac = await inviteMac(SECRET, ben.print, ana.print);
    expect(await macVouches([SECRET], mac, host.print, ana.print)).toBe(false);
    expect(await macVouches([SECRET], mac, ben.print, host.print)).toBe(false);
    expect(await macVouches([ANOTHER], mac, ben.print, ana.print)).toBe(false);
    expect(await macVouches([], mac, ben.print, ana.print)).toBe(false);
  });
});

describe("the inviter's keys", () => {
  const fragmentFor = (who: Person) => ({ f: who.print, s: SECRET });

  it('match when the server gave the keys the link vouches for', async () => {
    const preview = { inviter_signing_public: ana.signingPublic, inviter_sealing_public: ana.sealingPublic };
    expect(await inviterMatches(preview, fragmentFor(ana))).toBe(true);
  });

  it("don't match when the server swapped in other keys, or gave none", async () => {
    const swapped = { inviter_signing_public: host.signingPublic, inviter_sealing_public: host.sealingPublic };
    expect(await inviterMatches(swapped, fragmentFor(ana))).toBe(false);
    const half = { inviter_signing_public: ana.signingPublic, inviter_sealing_public: host.sealingPublic };
    expect(await inviterMatches(half, fragmentFor(ana))).toBe(false);
    expect(await inviterMatches({ inviter_signing_public: null, inviter_sealing_public: null }, fragmentFor(ana))).toBe(
      false,
    );
  });
});
