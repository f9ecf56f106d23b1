/** API calls for the sharing pages that answer "no network" instead of throwing, so each
 * page can say so (sharing needs a connection; nothing shared is kept on the phone). */
export const NO_NETWORK = { data: undefined, error: undefined, response: undefined } as const;

export async function reach<T>(call: Promise<T>): Promise<T | typeof NO_NETWORK> {
  try {
    return await call;
  } catch {
    return NO_NETWORK;
  }
}
