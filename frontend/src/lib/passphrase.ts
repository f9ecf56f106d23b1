/**
 * A passphrase turned into the login key and master key for one username: the salt from
 * the server, Argon2id in a Worker (64 MiB: a second or so on a phone, without freezing
 * the page), then HKDF on the page.
 */
import { api, describeError } from './api';
import { fromBase64Url } from './crypto/bytes';
import { type PassphraseKeys, splitKeys } from './crypto/derive';

export interface UnlockedPassphrase extends PassphraseKeys {
  salt: string;
}

function stretchInWorker(passphrase: string, salt: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> {
  const worker = new Worker(new URL('./crypto/derive.worker.ts', import.meta.url), { type: 'module' });
  return new Promise((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<{ stretched?: Uint8Array<ArrayBuffer>; error?: string }>) => {
      worker.terminate();
      if (event.data.stretched) resolve(event.data.stretched);
      else reject(new Error(event.data.error ?? 'key derivation failed'));
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message));
    };
    worker.postMessage({ passphrase, salt });
  });
}

/** The keys `passphrase` gives for `username` on this server. Throws when offline. */
export async function unlockPassphrase(username: string, passphrase: string): Promise<UnlockedPassphrase> {
  const { data, error } = await api.GET('/api/keys/params', { params: { query: { username } } });
  if (!data) throw new Error(describeError(error));
  const stretched = await stretchInWorker(passphrase, fromBase64Url(data.salt));
  return { ...(await splitKeys(stretched)), salt: data.salt };
}
