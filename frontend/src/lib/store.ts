/**
 * The device's copy of everything: IndexedDB through idb. Shared by the page and the
 * service worker, so it must not touch window or document.
 */
import { type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames, openDB } from 'idb';

export type HttpMethod = 'PUT' | 'DELETE' | 'POST';

/** Stores holding the person's own records (everything the outbox can change). */
export type RecordStore = 'checkins' | 'toolkit' | 'grounding_sessions' | 'commitments' | 'completions' | 'shifts';

/** One change waiting to reach the server. Removed only after the server answers. */
export interface OutboxOp {
  seq?: number;
  opId: string;
  method: HttpMethod;
  path: string;
  body?: unknown;
  /** Store and key the change belongs to, so a pull does not overwrite it meanwhile
   * ('requests': a request that changes nothing stored on the phone). */
  store: RecordStore | 'requests';
  key: string;
  queuedAt: string;
  attempts: number;
  lastError?: string;
}

/** A change the server refused for good (a 4xx): kept, never silently dropped. */
export interface RejectedOp extends OutboxOp {
  status: number;
  reason: string;
  rejectedAt: string;
}

export type CheckinContext = 'before_shift' | 'on_shift' | 'after_shift' | 'day_off';

export interface LocalCheckin {
  id: string;
  recorded_at: string;
  /** The day it counts for, in the person's time zone. */
  local_date: string;
  mood: number;
  energy: number;
  stress: number;
  connected: number;
  context: CheckinContext | null;
  body_signals: string[];
  tags: string[];
  note: string;
  setting_down: string;
}

export type Cadence = 'daily' | 'weekdays' | 'after_shift' | 'once';

export interface LocalCommitment {
  id: string;
  title: string;
  why: string;
  cadence: Cadence;
  /** ISO weekdays, 1 is Monday. */
  weekdays: number[];
  on_date: string | null;
  reminder_time: string | null;
  active: boolean;
  starts_on: string;
}

export interface LocalCompletion {
  id: string;
  commitment_id: string;
  local_date: string;
  completed_at: string;
}

export type SectionId =
  | 'warning_signs'
  | 'on_my_own'
  | 'distractions'
  | 'people'
  | 'professionals'
  | 'safer_surroundings'
  | 'what_matters';

export interface ToolkitItem {
  id: string;
  text: string;
  phone?: string | null;
  exercise?: string | null;
}

/** The safety plan as the person sees it. */
export interface ToolkitDoc {
  sections: Record<SectionId, ToolkitItem[]>;
  region: string | null;
  setup_done: boolean;
}

/** The plan on this device, with the server version (and content) it was last in step with. */
export interface LocalToolkit {
  key: 'mine';
  doc: ToolkitDoc;
  version: number;
  base: ToolkitDoc | null;
}

export interface LocalGroundingSession {
  id: string;
  exercise_id: string;
  duration_seconds: number;
  completed: boolean;
  started_at: string;
  ended_at: string;
}

/** A shift as this phone saw it: Start and (once tapped) End, in the phone's own time. */
export interface LocalShift {
  id: string;
  started_at: string;
  ended_at: string | null;
}

/** What someone was in the middle of writing (a form, a flow), kept until it is done. */
export interface Draft {
  key: string;
  value: unknown;
  savedAt: string;
}

/** This device's copy of its person's identity: private keys imported non-extractable,
 * so script on the page can use them but never read them out. */
export interface DeviceKeys {
  /** Always 'mine': one person's keys per device. */
  key: string;
  username: string;
  signing: CryptoKeyPair;
  sealing: CryptoKeyPair;
  /** base64url of the public keys and fingerprint, as the server publishes them. */
  signingPublic: string;
  sealingPublic: string;
  fingerprint: string;
}

/** A peer's fingerprint as this device first saw it (trust on first use), and whether
 * the two people compared safety numbers in person. Keyed by connection id. */
export interface PeerPin {
  key: string;
  name: string;
  fingerprint: string;
  verified: boolean;
  pinnedAt: string;
}

export interface SteadySchema extends DBSchema {
  meta: { key: string; value: unknown };
  outbox: { key: number; value: OutboxOp; indexes: { byKey: [string, string] } };
  rejected: { key: number; value: RejectedOp };
  checkins: { key: string; value: LocalCheckin; indexes: { byRecordedAt: string } };
  toolkit: { key: string; value: LocalToolkit };
  grounding_sessions: { key: string; value: LocalGroundingSession; indexes: { byEndedAt: string } };
  commitments: { key: string; value: LocalCommitment };
  completions: { key: string; value: LocalCompletion; indexes: { byDate: string; byCommitment: string } };
  shifts: { key: string; value: LocalShift; indexes: { byStart: string } };
  drafts: { key: string; value: Draft };
  keys: { key: string; value: DeviceKeys };
  pins: { key: string; value: PeerPin };
}

export type SteadyStore = StoreNames<SteadySchema>;
export type SteadyDB = IDBPDatabase<SteadySchema>;

export const DB_NAME = 'steady';
export const DB_VERSION = 6;

let opening: Promise<SteadyDB> | null = null;

/** Version 3 added days, marks and "setting down" to check-ins: fill them in for older ones. */
async function giveCheckinsTheirDays(
  transaction: IDBPTransaction<SteadySchema, SteadyStore[], 'versionchange'>,
): Promise<void> {
  const upgrade = (body: Partial<LocalCheckin> & { recorded_at: string }) => ({
    body_signals: [],
    tags: [],
    setting_down: '',
    ...body,
    local_date: body.local_date ?? body.recorded_at.slice(0, 10),
  });
  let cursor = await transaction.objectStore('checkins').openCursor();
  while (cursor) {
    await cursor.update(upgrade(cursor.value) as LocalCheckin);
    cursor = await cursor.continue();
  }
  let queued = await transaction.objectStore('outbox').openCursor();
  while (queued) {
    const op = queued.value;
    if (op.store === 'checkins' && op.method === 'PUT' && op.body) {
      await queued.update({ ...op, body: upgrade(op.body as LocalCheckin) });
    }
    queued = await queued.continue();
  }
}

/** The open database, created or upgraded on first use. */
export function db(): Promise<SteadyDB> {
  opening ??= openDB<SteadySchema>(DB_NAME, DB_VERSION, {
    upgrade(database, oldVersion, _newVersion, transaction) {
      if (oldVersion < 1) {
        database.createObjectStore('meta');
        const outbox = database.createObjectStore('outbox', { keyPath: 'seq', autoIncrement: true });
        outbox.createIndex('byKey', ['store', 'key']);
        database.createObjectStore('rejected', { keyPath: 'seq' });
        const checkins = database.createObjectStore('checkins', { keyPath: 'id' });
        checkins.createIndex('byRecordedAt', 'recorded_at');
      }
      if (oldVersion < 2) {
        database.createObjectStore('toolkit', { keyPath: 'key' });
        const sessions = database.createObjectStore('grounding_sessions', { keyPath: 'id' });
        sessions.createIndex('byEndedAt', 'ended_at');
      }
      if (oldVersion < 3) {
        database.createObjectStore('commitments', { keyPath: 'id' });
        const completions = database.createObjectStore('completions', { keyPath: 'id' });
        completions.createIndex('byDate', 'local_date');
        completions.createIndex('byCommitment', 'commitment_id');
        if (oldVersion >= 1) void giveCheckinsTheirDays(transaction);
      }
      if (oldVersion < 4) {
        database.createObjectStore('shifts', { keyPath: 'id' }).createIndex('byStart', 'started_at');
        database.createObjectStore('drafts', { keyPath: 'key' });
      }
      if (oldVersion < 5) database.createObjectStore('keys', { keyPath: 'key' });
      if (oldVersion < 6) database.createObjectStore('pins', { keyPath: 'key' });
    },
    blocking() {
      // A newer version of the app wants to upgrade the database: let it.
      void opening?.then((open) => open.close());
      opening = null;
    },
  });
  return opening;
}

export async function getMeta<T>(key: string): Promise<T | undefined> {
  return (await (await db()).get('meta', key)) as T | undefined;
}

export async function setMeta(key: string, value: unknown): Promise<void> {
  await (await db()).put('meta', value, key);
}
