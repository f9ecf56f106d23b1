/**
 * How many shared summaries and replies are waiting to be read, for the badge on Home.
 * Asked of the server when signed in and online; the last answer is kept on the phone so
 * the badge shows offline too (and nothing at all is fetched while signed out).
 */
import { useEffect, useState } from 'preact/hooks';

import type { Schemas } from '../../lib/api';
import { useSession } from '../../lib/session';
import { getMeta, setMeta } from '../../lib/store';

type Unread = Schemas['Unread'];
const KEPT = 'unread';

export function useUnread(): Unread | null {
  const session = useSession();
  const [unread, setUnread] = useState<Unread | null>(null);
  useEffect(() => {
    if (session.status !== 'signed_in') {
      setUnread(null);
      return undefined;
    }
    let live = true;
    const ask = async () => {
      const known = await getMeta<Unread>(KEPT).catch(() => undefined);
      if (live && known) setUnread(known);
      try {
        // The typed client loads here, after the first paint, not with Home itself.
        const { api } = await import('../../lib/api');
        const { data } = await api.GET('/api/sharing/unread');
        if (data && live) {
          setUnread(data);
          await setMeta(KEPT, data);
        }
      } catch {
        /* offline: the kept answer stands */
      }
    };
    void ask();
    const again = () => document.visibilityState === 'visible' && void ask();
    document.addEventListener('visibilitychange', again);
    window.addEventListener('online', again);
    return () => {
      live = false;
      document.removeEventListener('visibilitychange', again);
      window.removeEventListener('online', again);
    };
  }, [session.status]);
  return unread;
}
