/** What opening PostgreSQL events needs, in one module that is loaded only when they are used. */
export { createPostgresPool } from '../database/postgres-pool';
export { PostgresEventStore } from '../event-store/postgres/postgres-event-store';
export { migratePostgresEventStore } from '../event-store/postgres/postgres-schema';
