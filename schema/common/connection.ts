import { Field, FieldResolver, Int, ObjectType, Resolver, Root, type ClassType } from 'type-graphql';
import { PageInfo } from './page-info.type';

/** What a connection resolver returns: the page, and a count computed only when a client asks for it. */
export interface ConnectionSource<Node> {
  readonly edges: readonly { readonly cursor: string; readonly node: Node }[];
  readonly pageInfo: PageInfo;
  readonly count: () => Promise<number>;
}

/**
 * The Relay connection and edge types for a node type (`<Name>Connection`, `<Name>Edge`), and the resolver
 * that computes `totalCount` lazily.
 */
export function connectionOf<Node extends object>(name: string, nodeType: ClassType<Node>) {
  @ObjectType(`${name}Edge`, { simpleResolvers: true, description: `One ${name} in a list, with its cursor.` })
  class Edge {
    @Field(() => String, { description: 'Pass as `after` to continue after this edge.' })
    cursor!: string;

    @Field(() => nodeType)
    node!: Node;
  }

  @ObjectType(`${name}Connection`, { simpleResolvers: true, description: `A page of ${name} records.` })
  class Connection {
    @Field(() => [Edge])
    edges!: Edge[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;
  }

  @Resolver(() => Connection)
  class ConnectionResolver {
    @FieldResolver(() => Int, { description: 'How many records the whole list holds (all pages).' })
    totalCount(@Root() connection: ConnectionSource<Node>): Promise<number> {
      return connection.count();
    }
  }

  return { Connection, Edge, ConnectionResolver };
}

/** Builds a connection from a page of rows. */
export function toConnection<Row, Node>(
  page: { readonly rows: readonly Row[]; readonly hasNextPage: boolean },
  toNode: (row: Row) => Node,
  cursorOf: (row: Row) => string,
  count: () => Promise<number>,
): ConnectionSource<Node> {
  const edges = page.rows.map((row) => ({ cursor: cursorOf(row), node: toNode(row) }));
  return { edges, pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges[edges.length - 1]?.cursor ?? null }, count };
}
