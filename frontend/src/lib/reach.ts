/** API calls for pages that read only from the server (sharing, circles: nothing there is
 * kept on the phone) that answer "no network" instead of throwing, so the page can say so. */
export const NO_NETWORK = { data: undefined, error: undefined, response: undefined } as const;

export async function reach<T>(call: Promise<T>): Promise<T | typeof NO_NETWORK> {
  try {
    return await call;
  } catch {
    return NO_NETWORK;
  }
}
