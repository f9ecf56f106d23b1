import { describe, expect, it } from 'vitest';

import { utf8 } from './bytes';
import { newAccountKey, newRecoveryKey, parseRecoveryKey, recoveryWrappingKey, unwrapUnder, wrapUnder } from './wrap';

describe('recovery keys', () => {
  it('are eight groups of four characters with no look-alike letters', () => {
    const key = newRecoveryKey();
    expect(key).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){7}[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(parseRecoveryKey(key)).toHaveLength(20);
  });

  it('are read back however the person typed them', () => {
    const key = newRecoveryKey();
    const bytes = parseRecoveryKey(key);
    expect(parseRecoveryKey(key.toLowerCase())).toEqual(bytes);
    expect(parseRecoveryKey(key.replace(/-/g, ' '))).toEqual(bytes);
    expect(parseRecoveryKey(key.replace(/-/g, ''))).toEqual(bytes);
    const oneForI = '1111-0000-AAAA-BBBB-CCCC-DDDD-EEEE-FFFF';
    expect(parseRecoveryKey('IIII-OOOO-aaaa-bbbb-cccc-dddd-eeee-ffff')).toEqual(parseRecoveryKey(oneForI));
    expect(parseRecoveryKey('llll-0000-AAAA-BBBB-CCCC-DDDD-EEEE-FFFF')).toEqual(parseRecoveryKey(oneForI));
  });

  it('are refused when too short, too long or with letters not in the alphabet', () => {
    expect(parseRecoveryKey('ABCD-EFGH')).toBeNull();
    expect(parseRecoveryKey(`${newRecoveryKey()}-AAAA`)).toBeNull();
    expect(parseRecoveryKey('UUUU-0000-AAAA-BBBB-CCCC-DDDD-EEEE-FFFF')).toBeNull();
  });
});

describe('wrapping the account key', () => {
  const purpose = utf8('steady account key v1');

  it('opens under the recovery key it was wrapped with, only for that purpose', async () => {
    const account = newAccountKey();
    const recovery = parseRecoveryKey(newRecoveryKey())!;
    const wrapped = await wrapUnder(await recoveryWrappingKey(recovery), account, purpose);
    expect(await unwrapUnder(await recoveryWrappingKey(recovery), wrapped, purpose)).toEqual(account);
    await expect(
      unwrapUnder(await recoveryWrappingKey(recovery), wrapped, utf8('steady identity v1')),
    ).rejects.toThrow();
  });

  it('does not open under another recovery key', async () => {
    const wrapped = await wrapUnder(
      await recoveryWrappingKey(parseRecoveryKey(newRecoveryKey())!),
      newAccountKey(),
      purpose,
    );
    const other = await recoveryWrappingKey(parseRecoveryKey(newRecoveryKey())!);
    await expect(unwrapUnder(other, wrapped, purpose)).rejects.toThrow();
  });

  it('wraps with raw key bytes as well as a CryptoKey', async () => {
    const key = newAccountKey();
    const secret = utf8('identity secrets');
    expect(await unwrapUnder(key, await wrapUnder(key, secret, purpose), purpose)).toEqual(secret);
  });
});
