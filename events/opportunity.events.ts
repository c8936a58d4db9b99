import type { EventOf } from './event';

/** Where an opportunity stands: OPEN until it is closed as WON or LOST (closed is for good). */
export const OPPORTUNITY_STATUSES = ['OPEN', 'WON', 'LOST'] as const;
export type OpportunityStatus = (typeof OPPORTUNITY_STATUSES)[number];
/** How an opportunity can be closed. */
export type OpportunityOutcome = Exclude<OpportunityStatus, 'OPEN'>;

/** The descriptive fields of an opportunity; the topic is never null, and it has an account, a contact or both. */
export interface OpportunityProfile {
  readonly topic: string;
  /** The potential customer: an account, a contact, or both. */
  readonly accountId: string | null;
  readonly contactId: string | null;
  /** An exact decimal as a string with two decimals, e.g. "125000.00". */
  readonly estimatedRevenue: string | null;
  /** ISO-8601 instant in UTC. */
  readonly estimatedCloseDate: string | null;
  /** The chance of winning, in percent (0–100). */
  readonly probability: number | null;
}

/** A sales opportunity was opened for a potential customer; it starts OPEN. */
export type OpportunityCreated = EventOf<
  'OpportunityCreated',
  { readonly opportunityId: string; readonly ownerId: string } & OpportunityProfile
>;
/** The opportunity was won or lost; from now on it is read-only. */
export type OpportunityClosed = EventOf<'OpportunityClosed', { readonly opportunityId: string; readonly status: OpportunityOutcome }>;
export type OpportunityOwnerAssigned = EventOf<
  'OpportunityOwnerAssigned',
  { readonly opportunityId: string; readonly ownerId: string; readonly previousOwnerId: string }
>;

export type OpportunityEvent = OpportunityCreated | OpportunityClosed | OpportunityOwnerAssigned;

export const OPPORTUNITY_EVENT_TYPES = [
  'OpportunityCreated',
  'OpportunityClosed',
  'OpportunityOwnerAssigned',
] as const satisfies readonly OpportunityEvent['type'][];
