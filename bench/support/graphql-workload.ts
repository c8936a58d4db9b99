import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, execute, parse, type DocumentNode, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { buildCrmSchema } from '../../schema/build-schema';
import type { GraphQLContext } from '../../schema/context';
import { graphQLContextFor } from '../../src/server/graphql-context';
import { usersByIds } from '../../projections/user/user.queries';
import type { Crm } from '../../src/app/open-crm';
import { nowMs, summarizeLatencies, type LatencySummary } from './timing';

/** The operation the query benchmarks send: bench/operations/accounts-page.graphql. */
export const ACCOUNTS_PAGE: string = readFileSync(join(__dirname, '..', 'operations', 'accounts-page.graphql'), 'utf8');
const OPERATION_NAME = 'AccountsPage';

/** Contacts asked for per account on the page. */
export const CONTACTS_PER_ACCOUNT = 10;

export interface PageVariables {
  readonly first: number;
  readonly contactsFirst: number;
}

export function pageOf(first: number): PageVariables {
  return { first, contactsFirst: CONTACTS_PER_ACCOUNT };
}

/** The request body both servers receive. */
export function requestBody(variables: PageVariables): string {
  return JSON.stringify({ query: ACCOUNTS_PAGE, operationName: OPERATION_NAME, variables });
}

export type Executor = (variables: PageVariables) => Promise<ExecutionResult>;

/**
 * Executes the operation against the CRM schema in process, with a fresh context per request as the server
 * builds it (loaders included), minus HTTP and token checks.
 */
export async function crmExecutor(crm: Crm, viewerId: string): Promise<Executor> {
  const [user] = await usersByIds(crm.db, [viewerId]);
  if (!user) throw new Error(`no user ${viewerId} in the read model`);
  const schema = buildCrmSchema();
  const document = parse(ACCOUNTS_PAGE);
  let request = 0;
  return async (variables) => {
    request += 1;
    const contextValue: GraphQLContext = graphQLContextFor(crm, user, `bench-${request}`);
    return expectData(await execute({ schema, document, variableValues: { ...variables }, contextValue }));
  };
}

/** The response shape of the operation, as a bare schema (no database, no middleware). */
export const BARE_TYPE_DEFS = `
  type Query { accounts(first: Int): AccountConnection! }
  type AccountConnection { totalCount: Int! edges: [AccountEdge!]! }
  type AccountEdge { node: Account! }
  type Account {
    id: ID!
    name: String!
    owner: User!
    primaryContact: Contact
    parentAccount: Account
    contacts(first: Int): ContactConnection!
    opportunities(first: Int, status: OpportunityStatus): OpportunityConnection!
    invoices(first: Int): InvoiceConnection!
    relationship: RelationshipInsights!
  }
  type RelationshipInsights {
    healthScore: Int
    healthLevel: String
    trend: String
    emailsSent: Int!
    emailsReceived: Int!
    lastContactedByUs: String
    lastContactedByThem: String
  }
  enum OpportunityStatus { OPEN WON LOST }
  type OpportunityConnection { totalCount: Int! edges: [OpportunityEdge!]! }
  type OpportunityEdge { node: Opportunity! }
  type Opportunity { id: ID! topic: String! estimatedRevenue: String probability: Int }
  type InvoiceConnection { totalCount: Int! edges: [InvoiceEdge!]! }
  type InvoiceEdge { node: Invoice! }
  type Invoice { id: ID! invoiceNumber: String! totalAmount: String! status: String! }
  type User { id: ID! name: String! }
  type ContactConnection { totalCount: Int! pageInfo: PageInfo! edges: [ContactEdge!]! }
  type PageInfo { hasNextPage: Boolean! }
  type ContactEdge { node: Contact! }
  type Contact { id: ID! fullName: String! owner: User! account: Account }
`;

/** What our server answered for the largest page: the bare server serves slices of it from memory. */
export interface PrecomputedPage {
  readonly accounts: { readonly totalCount: number; readonly edges: readonly unknown[] };
}

/** Resolves `accounts(first)` from the precomputed page; everything below it is plain property reads. */
export function bareAccounts(page: PrecomputedPage) {
  return (first: number | null | undefined) => ({ totalCount: page.accounts.totalCount, edges: page.accounts.edges.slice(0, first ?? 50) });
}

/** The same operation against the bare schema, in process. */
export function bareExecutor(page: PrecomputedPage): Executor {
  const schema: GraphQLSchema = buildSchema(BARE_TYPE_DEFS);
  const document: DocumentNode = parse(ACCOUNTS_PAGE);
  const accounts = bareAccounts(page);
  const rootValue = { accounts: (args: { first?: number | null }) => accounts(args.first) };
  return async (variables) => expectData(await execute({ schema, document, rootValue, variableValues: { ...variables } }));
}

export function expectData(result: ExecutionResult): ExecutionResult {
  if (result.errors?.length || !result.data) throw new Error(`the operation failed: ${JSON.stringify(result.errors)}`);
  return result;
}

/** Runs `iterations` requests one after another (after `warmup` unmeasured ones) and summarizes their latencies. */
export async function sequentialLatencies(
  executor: Executor,
  variables: PageVariables,
  iterations: number,
  warmup: number,
): Promise<LatencySummary & { readonly perSecond: number }> {
  for (let i = 0; i < warmup; i += 1) await executor(variables);
  const samples: number[] = [];
  const started = nowMs();
  for (let i = 0; i < iterations; i += 1) {
    const before = nowMs();
    await executor(variables);
    samples.push(nowMs() - before);
  }
  const elapsed = nowMs() - started;
  return { ...summarizeLatencies(samples), perSecond: (iterations * 1000) / elapsed };
}
