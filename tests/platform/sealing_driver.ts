/**
 * The PWA's sealing (and summary composing) code driven from pytest (bundled by tests/node_bundle.py): one JSON
 * command on stdin, its result on stdout. Python checks the results against RFC 9180's
 * vectors and against its own `cryptography`, so both sides are held to the same bytes.
 */
import { readFileSync } from 'node:fs';

import { fromBase64Url, fromHex, toBase64Url, toHex, utf8 } from '../../frontend/src/lib/crypto/bytes';
import { context, openEnvelope, sealEnvelope } from '../../frontend/src/lib/crypto/envelope';
import { saltFor, splitKeys, stretch } from '../../frontend/src/lib/crypto/derive';
import { openSealed, sealTo, suite } from '../../frontend/src/lib/crypto/hpke';
import { fingerprint, importPublic, makeIdentity, publicIdentity, sign } from '../../frontend/src/lib/crypto/identity';
import { safetyNumber } from '../../frontend/src/lib/crypto/safety';
import { sealPost, sealSummary } from '../../frontend/src/features/circles/sealing';
import { CantCompose, composeCard } from '../../frontend/src/features/sharing/compose';
import type { CircleKeyring } from '../../frontend/src/features/circles/keys';
import {
  newRecoveryKey,
  parseRecoveryKey,
  recoveryWrappingKey,
  unwrapUnder,
  wrapUnder,
} from '../../frontend/src/lib/crypto/wrap';

type Json = Record<string, any>;
const P256 = { name: 'ECDH', namedCurve: 'P-256' };

async function fails(action: () => Promise<unknown>): Promise<boolean> {
  try {
    await action();
    return false;
  } catch {
    return true;
  }
}

async function vector(v: Json): Promise<Json> {
  const recipientPublicKey = await crypto.subtle.importKey('raw', fromHex(v.pkRm), P256, true, []);
  const sender = await suite.createSenderContext({ recipientPublicKey, info: fromHex(v.info), ekm: fromHex(v.ikmE) });
  const recipientKey = await suite.kem.deriveKeyPair(fromHex(v.ikmR).buffer);
  const recipient = await suite.createRecipientContext({ recipientKey, enc: sender.enc, info: fromHex(v.info) });
  const sealed: string[] = [];
  const opened: string[] = [];
  const wanted = new Set<number>(v.encryptions.map((e: Json) => e.seq));
  const last = Math.max(...wanted);
  for (let seq = 0; seq <= last; seq += 1) {
    const encryption = v.encryptions.find((e: Json) => e.seq === seq) ?? v.encryptions[0];
    const ct = new Uint8Array(await sender.seal(fromHex(encryption.pt), fromHex(encryption.aad)));
    const pt = new Uint8Array(await recipient.open(ct, fromHex(encryption.aad)));
    if (wanted.has(seq)) {
      sealed.push(toHex(ct));
      opened.push(toHex(pt));
    }
  }
  const exports: string[] = [];
  for (const e of v.exports) exports.push(toHex(new Uint8Array(await sender.export(fromHex(e.exporter_context), e.L))));
  const pkRm = new Uint8Array(await crypto.subtle.exportKey('raw', recipientKey.publicKey));
  return { enc: toHex(new Uint8Array(sender.enc)), sealed, opened, exports, pkRm: toHex(pkRm) };
}

async function command(input: Json): Promise<Json> {
  switch (input.command) {
    case 'vector':
      return vector(input.vector);
    case 'seal': {
      const recipient = await crypto.subtle.importKey('raw', fromHex(input.public_key), P256, true, []);
      return { sealed: toHex(await sealTo(recipient, fromHex(input.plaintext), fromHex(input.info))) };
    }
    case 'open': {
      const privateKey = await crypto.subtle.importKey('pkcs8', fromHex(input.private_key), P256, false, [
        'deriveBits',
      ]);
      const publicKey = await crypto.subtle.importKey('raw', fromHex(input.public_key), P256, true, []);
      const pair = { privateKey, publicKey };
      const plaintext = await openSealed(pair, fromHex(input.sealed), fromHex(input.info));
      return {
        plaintext: toHex(plaintext),
        wrong_info_fails: await fails(() => openSealed(pair, fromHex(input.sealed), utf8('elsewhere'))),
      };
    }
    case 'sign': {
      const me = await makeIdentity(false);
      const signature = await sign(me.signing.privateKey, fromHex(input.message));
      const published = await publicIdentity(me);
      return {
        public_key: toHex(published.signing),
        signature: toHex(signature),
        extractable: me.signing.privateKey.extractable || me.sealing.privateKey.extractable,
      };
    }
    case 'derive': {
      const salt = await saltFor(input.username, input.seed);
      const stretched = await stretch(input.passphrase, salt);
      const keys = await splitKeys(stretched);
      const wrapped = await wrapUnder(keys.masterKey, utf8('account key'), utf8('steady account key v1'));
      return {
        salt: toHex(salt),
        stretched: toHex(stretched),
        login_key: keys.loginKey,
        master_extractable: keys.masterKey.extractable,
        unwrapped: toHex(await unwrapUnder(keys.masterKey, wrapped, utf8('steady account key v1'))),
      };
    }
    case 'envelope':
      return envelope(input);
    case 'recovery': {
      const text = newRecoveryKey();
      const bytes = parseRecoveryKey(text)!;
      const typed = parseRecoveryKey(text.toLowerCase().replace(/-/g, ' ').replace(/0/g, 'o').replace(/1/g, 'l'))!;
      const key = await recoveryWrappingKey(bytes);
      const wrapped = await wrapUnder(key, utf8('account key'), utf8('steady account key v1'));
      const other = await recoveryWrappingKey(parseRecoveryKey(newRecoveryKey())!);
      return {
        text,
        same_when_retyped: toHex(typed) === toHex(bytes),
        unwraps: toHex(await unwrapUnder(key, wrapped, utf8('steady account key v1'))) === toHex(utf8('account key')),
        other_key_fails: await fails(() => unwrapUnder(other, wrapped, utf8('steady account key v1'))),
        garbage_refused: parseRecoveryKey('not a key') === null,
      };
    }
    case 'safety': {
      const [alex, sam, mallory] = await Promise.all([makeIdentity(false), makeIdentity(false), makeIdentity(false)]);
      const print = async (identity: typeof alex, accountId: string) => ({
        fingerprint: await fingerprint(await publicIdentity(identity)),
        accountId,
      });
      const a = await print(alex, '1');
      const s = await print(sam, '2');
      const m = await print(mallory, '2');
      const onAlex = await safetyNumber(a, s);
      const onSam = await safetyNumber(s, a);
      const alexFooled = await safetyNumber(a, m);
      return { on_alex: onAlex, on_sam: onSam, with_swapped_key: alexFooled };
    }
    case 'circle-posts':
      return circlePosts(input);
    case 'compose': {
      const { draft, records, zone, now } = input.case;
      try {
        return composeCard(draft, records, zone, Date.parse(now), input.sharer_name) as unknown as Json;
      } catch (error) {
        if (error instanceof CantCompose) return { error: error.field };
        throw error;
      }
    }
    default:
      throw new Error(`unknown command ${input.command}`);
  }
}

/** An envelope to two people, opened as each would, and the ways it must refuse. */
async function envelope(input: Json): Promise<Json> {
  const [alex, sam, kim] = await Promise.all([makeIdentity(true), makeIdentity(false), makeIdentity(false)]);
  const alexKeys = await importPublic(await publicIdentity(alex));
  const samKeys = await importPublic(await publicIdentity(sam));
  const where = context('summary', input.summary_id, input.link_id);
  const document = input.document;
  const sealed = await sealEnvelope(
    document,
    [
      { id: 'sam', sealing: samKeys.sealing },
      { id: 'alex', sealing: alexKeys.sealing },
    ],
    alex.signing.privateKey,
    where,
  );
  const samOpens = await openEnvelope(sealed, { id: 'sam', sealing: sam.sealing }, alexKeys.verifying, where);
  const alexOpens = await openEnvelope(sealed, { id: 'alex', sealing: alex.sealing }, alexKeys.verifying, where);
  const short = await sealEnvelope(
    { note: 'ok' },
    [{ id: 'sam', sealing: samKeys.sealing }],
    alex.signing.privateKey,
    where,
  );
  const forged = await sealEnvelope(
    { note: 'forged' },
    [{ id: 'sam', sealing: samKeys.sealing }],
    kim.signing.privateKey,
    where,
  );
  const tampered = {
    ...sealed,
    box: toBase64Url(fromBase64Url(sealed.box).map((byte, i) => (i === 20 ? byte ^ 1 : byte))),
  };
  const alexPrivate = new Uint8Array(await crypto.subtle.exportKey('pkcs8', alex.sealing.privateKey));
  return {
    envelope: sealed,
    context: toHex(where),
    alex_sealing_private: toHex(alexPrivate),
    alex_sealing_public: toHex((await publicIdentity(alex)).sealing),
    sam_opens: samOpens,
    alex_opens: alexOpens,
    box_sizes: [fromBase64Url(sealed.box).length, fromBase64Url(short.box).length],
    moved_fails: await fails(() =>
      openEnvelope(
        sealed,
        { id: 'sam', sealing: sam.sealing },
        alexKeys.verifying,
        context('summary', 'another', input.link_id),
      ),
    ),
    forged_fails: await fails(() =>
      openEnvelope(forged, { id: 'sam', sealing: sam.sealing }, alexKeys.verifying, where),
    ),
    tampered_fails: await fails(() =>
      openEnvelope(tampered, { id: 'sam', sealing: sam.sealing }, alexKeys.verifying, where),
    ),
    outsider_fails: await fails(() =>
      openEnvelope(sealed, { id: 'sam', sealing: kim.sealing }, alexKeys.verifying, where),
    ),
  };
}

/** Circle posts (and a summary) sealed as a member's phone seals them, under one test
 * circle key, which is returned so the test can open what the server stored. */
async function circlePosts(input: Json): Promise<Json> {
  const key = new Uint8Array(crypto.getRandomValues(new Uint8Array(32)));
  const author = await makeIdentity(false);
  const ring = {
    circleId: input.circle_id,
    epoch: input.epoch,
    me: 1,
    mine: { signing: author.signing },
    keys: new Map([[input.epoch, key]]),
  } as unknown as CircleKeyring;
  const posts: Json[] = [];
  for (const post of input.posts) {
    const sealed = await sealPost(ring, input.round_id, post.id, post.kind, post.fields);
    posts.push({
      id: post.id,
      sealed,
      context: toHex(context('circle-post', input.circle_id, input.epoch, input.round_id, post.id, post.kind)),
    });
  }
  const summary = await sealSummary(ring, input.round_id, input.summary);
  return {
    key: toHex(key),
    posts,
    summary,
    summary_context: toHex(context('circle-summary', input.circle_id, input.epoch, input.round_id)),
  };
}

const input = JSON.parse(readFileSync(0, 'utf8')) as Json;
process.stdout.write(JSON.stringify(await command(input)));
