import {
  IdentifierNode,
  OperationNodeTransformer,
  sql,
  type CreateIndexNode,
  type Kysely,
  type KyselyPlugin,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryId,
  type QueryResult,
  type RootOperationNode,
  type TableNode,
  type UnknownRow,
} from 'kysely';
import type { ReadModels } from '../../projections/read-models';
import type { SqlDialectName } from '../../projections/column-types';

/** The suffix of the tables (and indexes) a rebuild fills while the live ones keep serving. */
export const SHADOW_SUFFIX = '__rebuild';

/** Renames the given tables, and every index created, to their shadow names. */
class ShadowTransformer extends OperationNodeTransformer {
  constructor(private readonly tables: ReadonlySet<string>) {
    super();
  }

  protected override transformTable(node: TableNode, queryId?: QueryId): TableNode {
    const transformed = super.transformTable(node, queryId);
    const name = transformed.table.identifier.name;
    if (!this.tables.has(name)) return transformed;
    return { ...transformed, table: { ...transformed.table, identifier: IdentifierNode.create(`${name}${SHADOW_SUFFIX}`) } };
  }

  protected override transformCreateIndex(node: CreateIndexNode, queryId?: QueryId): CreateIndexNode {
    const transformed = super.transformCreateIndex(node, queryId);
    return { ...transformed, name: IdentifierNode.create(`${transformed.name.name}${SHADOW_SUFFIX}`) };
  }
}

/**
 * A view of the read-model database in which a projection's tables are its shadow tables: the projection's
 * own code (tables, indexes, handlers) fills them unchanged while the live tables keep serving queries.
 * `swap` then replaces the live tables in the caller's transaction.
 */
export class ShadowTables implements KyselyPlugin {
  private readonly transformer: ShadowTransformer;

  constructor(
    readonly tables: readonly string[],
    private readonly dialect: SqlDialectName,
  ) {
    this.transformer = new ShadowTransformer(new Set(tables));
  }

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return this.transformer.transformNode(args.node, args.queryId);
  }

  transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return Promise.resolve(args.result);
  }

  /** The database as the rebuild sees it. */
  on(db: Kysely<ReadModels>): Kysely<ReadModels> {
    return db.withPlugin(this);
  }

  /** Drops what an interrupted rebuild left behind. */
  async dropAll(db: Kysely<ReadModels>): Promise<void> {
    for (const table of this.tables) await db.schema.dropTable(`${table}${SHADOW_SUFFIX}`).ifExists().execute();
  }

  /**
   * Whether indexes are built on the shadow tables before the swap. PostgreSQL renames them in the swap
   * (cheap); SQLite cannot rename an index, so there they are built on the swapped-in tables, in the swap's
   * transaction (readers still see the old tables until it commits).
   */
  get indexesBeforeSwap(): boolean {
    return this.dialect === 'postgres';
  }

  /** Replaces each live table with its shadow (in the caller's transaction) and gives the indexes their names. */
  async swap(db: Kysely<ReadModels>): Promise<void> {
    for (const table of this.tables) {
      const shadow = `${table}${SHADOW_SUFFIX}`;
      await db.schema.dropTable(table).ifExists().execute();
      await db.schema.alterTable(shadow).renameTo(table).execute();
      if (this.dialect !== 'postgres') continue;
      const indexes = await sql<{ indexname: string }>`
        select indexname from pg_indexes where schemaname = current_schema() and tablename = ${table}`.execute(db);
      for (const { indexname } of indexes.rows) {
        if (!indexname.includes(SHADOW_SUFFIX)) continue;
        await sql`alter index ${sql.id(indexname)} rename to ${sql.id(indexname.replace(SHADOW_SUFFIX, ''))}`.execute(db);
      }
    }
  }
}
