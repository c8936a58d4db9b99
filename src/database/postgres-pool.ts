import { Pool, types, type PoolConfig } from 'pg';

const INT8_OID = 20;

function parserFor(oid: number, format?: 'text' | 'binary'): (value: string) => unknown {
  if (oid === INT8_OID) return (value: string) => Number(value);
  return types.getTypeParser(oid, format) as (value: string) => unknown;
}

/**
 * A pg pool for the CRM: 64-bit integers (positions, counts) come back as numbers — they stay far below
 * 2^53 — instead of strings, for this pool only; the application name tells which process a session is.
 * An idle session that breaks (a server restart, a terminated backend) is reported, never a crash: the
 * pool opens a new one on the next query.
 */
export function createPostgresPool(
  connectionString: string,
  options: PoolConfig = {},
  onIdleError: (error: Error) => void = () => undefined,
): Pool {
  const pool = new Pool({
    connectionString,
    max: 10,
    application_name: `crm:${process.pid}`,
    ...options,
    types: { getTypeParser: parserFor as typeof types.getTypeParser },
  });
  pool.on('error', onIdleError);
  return pool;
}
