import { describe, expect, it } from 'vitest';

import { utf8 } from './bytes';
import { decryptContent, encryptContent, newContentKey, pad, unpad } from './content';
import { context } from './envelope';

describe('padding', () => {
  it('makes a one-word reply and a short note the same size', () => {
    expect(pad(utf8('ok')).length).toBe(256);
    expect(pad(new Uint8Array(255)).length).toBe(256);
    expect(pad(new Uint8Array(256)).length).toBe(512);
    expect(pad(new Uint8Array(0)).length).toBe(256);
  });

  it('gives back exactly what was padded, trailing zero bytes included', () => {
    for (const text of [new Uint8Array(0), utf8('hello'), new Uint8Array([1, 0, 0]), new Uint8Array(300).fill(0x80)]) {
      expect(unpad(pad(text))).toEqual(new Uint8Array(text));
    }
  });

  it('refuses what was not padded this way', () => {
    expect(() => unpad(new Uint8Array(256))).toThrow('bad padding');
    expect(() => unpad(new Uint8Array([1, 2, 3]))).toThrow('bad padding');
  });
});

describe('content under a one-time key', () => {
  const here = context('summary', 'link-1', 'summary-1');

  it('opens with the key, in the place it was sealed for', async () => {
    const key = await newContentKey();
    const box = await encryptContent(key, utf8('slept badly, feeling better'), here);
    expect(await decryptContent(key, box, here)).toEqual(utf8('slept badly, feeling better'));
    expect(box.length).toBe(12 + 256 + 16);
  });

  it('does not open when moved to another place or changed', async () => {
    const key = await newContentKey();
    const box = await encryptContent(key, utf8('private'), here);
    await expect(decryptContent(key, box, context('summary', 'link-1', 'summary-2'))).rejects.toThrow();
    const flipped = box.slice();
    flipped[20] = (flipped[20] ?? 0) ^ 1;
    await expect(decryptContent(key, flipped, here)).rejects.toThrow();
    await expect(decryptContent(await newContentKey(), box, here)).rejects.toThrow();
  });

  it('never seals the same content to the same bytes twice', async () => {
    const key = await newContentKey();
    const [a, b] = await Promise.all([
      encryptContent(key, utf8('same'), here),
      encryptContent(key, utf8('same'), here),
    ]);
    expect(a).not.toEqual(b);
  });
});
