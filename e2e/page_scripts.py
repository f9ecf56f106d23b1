"""What the page objects ask the page, as JavaScript: IndexedDB reads the app offers no
other way to see (e2e/pages.py)."""

OUTBOX_EMPTY = """
indexedDB.databases().then(all => all.some(d => d.name === 'steady') ? new Promise(done => {
  const open = indexedDB.open('steady');
  open.onerror = () => done(false);
  open.onsuccess = () => {
    const db = open.result;
    if (!db.objectStoreNames.contains('outbox')) { db.close(); done(true); return; }
    const count = db.transaction('outbox').objectStore('outbox').count();
    count.onsuccess = () => { db.close(); done(count.result === 0); };
    count.onerror = () => { db.close(); done(false); };
  };
}) : true)
"""

DRAFT_KEPT = """
new Promise(done => {
  const open = indexedDB.open('steady');
  open.onerror = () => done(false);
  open.onsuccess = () => {
    const db = open.result;
    const all = db.transaction('drafts').objectStore('drafts').getAll();
    all.onsuccess = () => {
      db.close();
      const kept = d => String(d.key).startsWith(%r) && JSON.stringify(d.value).includes(%r);
      done(all.result.some(kept));
    };
    all.onerror = () => { db.close(); done(false); };
  };
})
"""


KEYS_STORE_MADE = """
indexedDB.databases().then(all => all.some(d => d.name === 'steady') && new Promise(done => {
  const open = indexedDB.open('steady');
  open.onerror = () => done(false);
  open.onsuccess = () => {
    done(open.result.objectStoreNames.contains('keys'));
    open.result.close();
  };
}))
"""
