import Database from 'better-sqlite3';
import { openSqlite } from '../../src/database/sqlite-connections';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite-event-store';
import { eventStoreContract } from '../support/event-store-contract';
import { temporaryDir } from '../support/test-databases';

eventStoreContract('SQLite', () => {
  const dir = temporaryDir();
  const path = `${dir.path}/events.db`;
  const connections = openSqlite(path);
  const store = new SqliteEventStore(connections.writer, connections.reader);
  const tamper = (work: (db: Database.Database) => void) => {
    const db = new Database(path);
    try {
      work(db);
    } finally {
      db.close();
    }
    return Promise.resolve();
  };
  return Promise.resolve({
    store,
    editStoredData: (position, dataText) =>
      tamper((db) => db.prepare('UPDATE events SET data = ? WHERE global_position = ?').run(dataText, position)),
    deleteStored: (position) => tamper((db) => db.prepare('DELETE FROM events WHERE global_position = ?').run(position)),
    async close() {
      await store.close();
      connections.close();
      dir.remove();
    },
  });
});

describe('the SQLite event store’s temporary data', () => {
  it('keeps group commits’ savepoint journals in memory, and work run alone (rebuilds) on files', async () => {
    const dir = temporaryDir();
    const connections = openSqlite(`${dir.path}/events.db`);
    const store = new SqliteEventStore(connections.writer, connections.reader);
    const tempStore = () => connections.writer.pragma('temp_store', { simple: true }) as number;
    const FILE = 1;
    const MEMORY = 2;
    try {
      expect(tempStore()).toBe(MEMORY);
      await expect(store.runExclusive(() => Promise.resolve(tempStore()))).resolves.toBe(FILE);
      expect(tempStore()).toBe(MEMORY);
      await expect(store.runExclusive(() => Promise.reject(new Error('refused')))).rejects.toThrow('refused');
      expect(tempStore()).toBe(MEMORY);
    } finally {
      await store.close();
      connections.close();
      dir.remove();
    }
  });
});
