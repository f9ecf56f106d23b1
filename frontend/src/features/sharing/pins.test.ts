import { describe, expect, it } from 'vitest';

import { toBase64Url } from '../../lib/crypto/bytes';
import { inviteMac } from '../../lib/crypto/invite';
import { invitePin, joinerPin, judgeKeys, keysChangedMessage, pinFor } from './pins';

const FIRST_MET = '2026-03-01T09:00:00.000Z';
const LATER = '2026-03-08T21:30:00.000Z';
const BEN = { name: 'Ben', fingerprint: 'ben-keys' };
const SWAPPED = { name: 'Ben', fingerprint: 'host-keys' };

describe("a peer's pin", () => {
  it('is made on first sight, unverified, for the keys seen', () => {
    const judged = judgeKeys(undefined, 'link-1', BEN, FIRST_MET);
    expect(judged).toEqual({
      first: true,
      state: 'unverified',
      pin: { key: 'link-1', name: 'Ben', fingerprint: 'ben-keys', verified: false, pinnedAt: FIRST_MET },
    });
  });

  it('stays as it was when the same keys come back', () => {
    const pin = pinFor('link-1', BEN, false, FIRST_MET);
    expect(judgeKeys(pin, 'link-1', BEN, LATER)).toEqual({ first: false, state: 'unverified', pin });
  });

  it('is verified once the two compared safety numbers', () => {
    const pin = pinFor('link-1', BEN, true, LATER);
    expect(judgeKeys(pin, 'link-1', BEN, LATER).state).toBe('verified');
  });

  it('flags keys that changed, even after a verification, and keeps the old pin', () => {
    for (const verified of [false, true]) {
      const pin = pinFor('link-1', BEN, verified, FIRST_MET);
      const judged = judgeKeys(pin, 'link-1', SWAPPED, LATER);
      expect(judged.state).toBe('changed');
      expect(judged.first).toBe(false);
      expect(judged.pin.fingerprint).toBe('ben-keys');
    }
  });

  it('says why nothing is sent once keys changed', () => {
    expect(keysChangedMessage('Ben')).toBe(
      "Ben's keys have changed since this phone first met them, so nothing is sent or opened for now. Compare safety numbers with Ben first.",
    );
  });
});

describe('pins from invite links', () => {
  const secret = toBase64Url(new Uint8Array(32).fill(4));

  it("verify the inviter's keys when the link's fragment matched", () => {
    expect(invitePin('link-2', 'Ana', { f: 'ana-keys', s: secret }, LATER)).toEqual({
      key: 'link-2',
      name: 'Ana',
      fingerprint: 'ana-keys',
      verified: true,
      pinnedAt: LATER,
    });
  });

  it("verify the joiner's keys when their MAC matches a kept secret, else only pin them", async () => {
    const mac = await inviteMac(secret, 'ben-keys', 'ana-keys');
    expect((await joinerPin('link-3', BEN, mac, [secret], 'ana-keys', LATER)).verified).toBe(true);
    const theirs = await joinerPin('link-3', SWAPPED, mac, [secret], 'ana-keys', LATER);
    expect(theirs).toEqual({ key: 'link-3', name: 'Ben', fingerprint: 'host-keys', verified: false, pinnedAt: LATER });
  });
});
