import { beforeAll, describe, expect, it } from 'vitest';

import { person } from '../../testing/people';
import { fromBase64Url, toBase64Url } from './bytes';
import { fingerprint } from './identity';
import { safetyNumber } from './safety';

describe('fingerprints', () => {
  it('change when either public key is swapped', async () => {
    const [ana, eve] = await Promise.all([person(1), person(2)]);
    const ana2 = { signing: fromBase64Url(ana.signingPublic), sealing: fromBase64Url(ana.sealingPublic) };
    expect(toBase64Url(await fingerprint(ana2))).toBe(ana.print);
    const swappedSealing = { ...ana2, sealing: fromBase64Url(eve.sealingPublic) };
    const swappedSigning = { ...ana2, signing: fromBase64Url(eve.signingPublic) };
    expect(toBase64Url(await fingerprint(swappedSealing))).not.toBe(ana.print);
    expect(toBase64Url(await fingerprint(swappedSigning))).not.toBe(ana.print);
  });
});

describe('safety numbers', () => {
  const ana = { fingerprint: new Uint8Array(32).fill(1), accountId: 'ana' };
  const ben = { fingerprint: new Uint8Array(32).fill(2), accountId: 'ben' };
  const host = { fingerprint: new Uint8Array(32).fill(3), accountId: 'ben' };
  // 5,200 rounds of SHA-512 a side: computed once, together.
  let onAnas: string[];
  let onBens: string[];
  let withHost: string[];

  beforeAll(async () => {
    [onAnas, onBens, withHost] = await Promise.all([
      safetyNumber(ana, ben),
      safetyNumber(ben, ana),
      safetyNumber(ana, host),
    ]);
  });

  it('are twelve groups of five digits, the same on both phones', () => {
    expect(onAnas).toHaveLength(12);
    for (const group of onAnas) expect(group).toMatch(/^\d{5}$/);
    expect(onBens).toEqual(onAnas);
  });

  it('differ when someone put other keys between the two under the same name', () => {
    expect(withHost).not.toEqual(onAnas);
  });
});
