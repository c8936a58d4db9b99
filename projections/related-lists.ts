import type { Kysely, Selectable, SelectType } from 'kysely';
import { afterCursor, decodeCursor, toPage, type Ordering, type Page } from './pagination';
import type { ReadModels } from './read-models';
import { countsByParent, pagesByParent } from './related-pages';

type TableName = Extract<keyof ReadModels, string>;
type Column<Table extends TableName> = Extract<keyof ReadModels[Table], string>;

/**
 * A list of one table's records that belong to a parent (an account's opportunities, a contact's activities…):
 * the table, its ordering (the last column unique), and the column the list may be filtered on, or null.
 */
export interface RelatedListDefinition<Table extends TableName, FilterColumn extends Column<Table> | null> {
  readonly table: Table;
  readonly ordering: Ordering<Column<Table>>;
  readonly filterColumn: FilterColumn;
}

/** The three query shapes of a related list, each one statement however many parents it serves. */
interface RelatedListQueries<DB, Row, Parent extends string, Filter> {
  /** The first page of each parent's records: a window function numbers each parent's records in list order. */
  firstPages(
    db: Kysely<DB>,
    parent: Parent,
    parentIds: readonly string[],
    request: { readonly first: number; readonly filter: Filter },
  ): Promise<Map<string, Page<Row>>>;
  /** How many records each parent has (matching the filter, if given); parents without any count 0. */
  counts(db: Kysely<DB>, parent: Parent, parentIds: readonly string[], filter: Filter): Promise<Map<string, number>>;
  /** A later page of one parent's records, after a cursor of the list's ordering. */
  pageAfter(
    db: Kysely<DB>,
    parent: Parent,
    parentId: string,
    request: { readonly first: number; readonly after: string; readonly filter: Filter },
  ): Promise<Page<Row>>;
}

/** A related list of `Table` through the `Parent` columns; its filter is a value of `FilterColumn` (or null: all). */
export type RelatedList<
  Table extends TableName,
  Parent extends Column<Table>,
  FilterColumn extends Column<Table> | null,
> = RelatedListQueries<
  ReadModels,
  Selectable<ReadModels[Table]>,
  Parent,
  FilterColumn extends Column<Table> ? SelectType<ReadModels[Table][FilterColumn]> | null : null
>;

/** The queries of a related list, from its declaration: `relatedList<'quotes', QuoteParent, null>({ table: 'quotes', … })`. */
export function relatedList<Table extends TableName, Parent extends Column<Table>, FilterColumn extends Column<Table> | null>(
  definition: RelatedListDefinition<Table, FilterColumn>,
): RelatedList<Table, Parent, FilterColumn> {
  // Kysely cannot check a table and columns named by type parameters, so the queries are written against
  // untyped tables; the types above are what keeps callers to real tables, columns and values.
  return untypedRelatedList(definition) as unknown as RelatedList<Table, Parent, FilterColumn>;
}

type UntypedValue = string | number | null;
type UntypedTables = Record<string, Record<string, UntypedValue>>;

/** Parent columns hold ids (text) or nothing. */
function parentIdOf(value: UntypedValue | undefined): string | null {
  return typeof value === 'string' ? value : null;
}

function untypedRelatedList({
  table,
  ordering,
  filterColumn,
}: {
  readonly table: string;
  readonly ordering: Ordering;
  readonly filterColumn: string | null;
}): RelatedListQueries<UntypedTables, Record<string, UntypedValue>, string, UntypedValue> {
  return {
    async firstPages(db, parent, parentIds, { first, filter }) {
      if (parentIds.length === 0) return new Map();
      let ranked = db
        .selectFrom(table)
        .selectAll()
        .select((eb) =>
          eb.fn
            .agg<number>('row_number', [])
            .over((over) =>
              ordering.columns.reduce((window, column) => window.orderBy(column, ordering.direction), over.partitionBy(parent)),
            )
            .as('rank'),
        )
        .where(parent, 'in', parentIds);
      if (filterColumn && filter) ranked = ranked.where(filterColumn, '=', filter);
      const rows = await db
        .selectFrom(ranked.as('ranked'))
        .selectAll()
        .where('rank', '<=', first + 1)
        .orderBy(parent)
        .orderBy('rank')
        .execute();
      const plain = rows.map(({ rank: _rank, ...row }) => row);
      return pagesByParent(parentIds, plain, (row) => parentIdOf(row[parent]), first);
    },

    async counts(db, parent, parentIds, filter) {
      if (parentIds.length === 0) return new Map();
      let query = db
        .selectFrom(table)
        .select((eb) => [eb.ref(parent).as('parent'), eb.fn.countAll<number | string>().as('count')])
        .where(parent, 'in', parentIds)
        .groupBy(parent);
      if (filterColumn && filter) query = query.where(filterColumn, '=', filter);
      const rows = await query.execute();
      return countsByParent(
        parentIds,
        rows.map((row) => ({ parent: parentIdOf(row.parent), count: row.count })),
      );
    },

    async pageAfter(db, parent, parentId, { first, after, filter }) {
      let query = db
        .selectFrom(table)
        .selectAll()
        .where(parent, '=', parentId)
        .where(afterCursor(ordering, decodeCursor(ordering, after)));
      if (filterColumn && filter) query = query.where(filterColumn, '=', filter);
      const rows = await ordering.columns
        .reduce((ordered, column) => ordered.orderBy(column, ordering.direction), query)
        .limit(first + 1)
        .execute();
      return toPage(rows, first);
    },
  };
}
