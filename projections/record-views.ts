import { sql, type RawBuilder, type SqlBool } from 'kysely';

/** Which records a list shows: the viewer's active ones, all active, inactive, or all. */
export type RecordViewName = 'MY_ACTIVE' | 'ACTIVE' | 'INACTIVE' | 'ALL';

/** The condition a view adds, for a table with `state` and `owner_id` columns. */
export function viewCondition(view: RecordViewName, viewerId: string, table: string): RawBuilder<SqlBool> {
  const state = sql.ref(`${table}.state`);
  switch (view) {
    case 'MY_ACTIVE':
      return sql<SqlBool>`(${state} = 'ACTIVE' and ${sql.ref(`${table}.owner_id`)} = ${viewerId})`;
    case 'ACTIVE':
      return sql<SqlBool>`${state} = 'ACTIVE'`;
    case 'INACTIVE':
      return sql<SqlBool>`${state} = 'INACTIVE'`;
    case 'ALL':
      return sql<SqlBool>`1 = 1`;
  }
}
