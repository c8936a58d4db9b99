import { encodeCursor, type Ordering, type Page } from '../../projections/pagination';
import { toConnection, type ConnectionSource } from './connection';
import { pageSize } from './paging-args';

/** Where a related list's pages and count come from. */
export interface RelatedList<Row, Node> {
  readonly first: number | null | undefined;
  readonly after: string | null | undefined;
  /** The first page, through a per-request loader (one statement for every parent in the response). */
  readonly firstPage: (first: number) => Promise<Page<Row>>;
  /** A later page of this one parent, after a cursor (a client paging through one list). */
  readonly laterPage: (first: number, after: string) => Promise<Page<Row>>;
  /** The whole list's size, through a per-request loader; asked only when a client selects `totalCount`. */
  readonly count: () => Promise<number>;
  readonly ordering: Ordering;
  readonly toNode: (row: Row) => Node;
}

/** A related list as a connection: the first page batched across parents, later pages per parent. */
export async function relatedConnection<Row extends Readonly<Record<string, unknown>>, Node>(
  list: RelatedList<Row, Node>,
): Promise<ConnectionSource<Node>> {
  const size = pageSize(list.first);
  const page = list.after ? await list.laterPage(size, list.after) : await list.firstPage(size);
  return toConnection(page, list.toNode, (row) => encodeCursor(list.ordering, row), list.count);
}
