/** People with real keys (WebCrypto in Node) for the trust tests. */
import { toBase64Url } from '../lib/crypto/bytes';
import { type Identity, fingerprint, makeIdentity, publicIdentity } from '../lib/crypto/identity';

export interface Person {
  id: number;
  name: string;
  identity: Identity;
  signingPublic: string;
  sealingPublic: string;
  /** SHA-256 over both public keys, base64url: what links, pins and rosters carry. */
  print: string;
}

export async function person(id: number, name = `member ${id}`): Promise<Person> {
  const identity = await makeIdentity(false);
  const published = await publicIdentity(identity);
  return {
    id,
    name,
    identity,
    signingPublic: toBase64Url(published.signing),
    sealingPublic: toBase64Url(published.sealing),
    print: toBase64Url(await fingerprint(published)),
  };
}
