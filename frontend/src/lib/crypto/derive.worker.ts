/// <reference lib="webworker" />
/** Argon2id off the main thread, so the sign-in screen stays responsive while it runs. */
import { stretch } from './derive';

self.onmessage = async (event: MessageEvent<{ passphrase: string; salt: Uint8Array<ArrayBuffer> }>) => {
  try {
    const stretched = await stretch(event.data.passphrase, event.data.salt);
    (self as unknown as DedicatedWorkerGlobalScope).postMessage({ stretched }, [stretched.buffer]);
  } catch (error) {
    (self as unknown as DedicatedWorkerGlobalScope).postMessage({ error: String(error) });
  }
};
