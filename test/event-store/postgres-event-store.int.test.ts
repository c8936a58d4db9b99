import { createPostgresPool } from '../../src/database/postgres-pool';
import { PostgresEventStore } from '../../src/event-store/postgres/postgres-event-store';
import { migratePostgresEventStore } from '../../src/event-store/postgres/postgres-schema';
import { eventStoreContract } from '../support/event-store-contract';
import { POSTGRES_AVAILABLE, postgresDatabase } from '../support/test-databases';

if (POSTGRES_AVAILABLE) {
  eventStoreContract('PostgreSQL', async () => {
    const database = await postgresDatabase.create();
    const pool = createPostgresPool(database.url);
    await migratePostgresEventStore(pool);
    const store = new PostgresEventStore(pool);
    return {
      store,
      editStoredData: async (position, dataText) => {
        await pool.query('UPDATE events SET data = $1 WHERE global_position = $2', [dataText, position]);
      },
      deleteStored: async (position) => {
        await pool.query('DELETE FROM events WHERE global_position = $1', [position]);
      },
      async close() {
        await store.close();
        await pool.end();
        await database.drop();
      },
    };
  });
} else {
  describe.skip('PostgreSQL event store: the EventStore contract (SKIPPED: PostgreSQL unreachable)', () => {
    it('runs when PostgreSQL is reachable', () => undefined);
  });
}
