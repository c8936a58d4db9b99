import type { ActivityEvent, OpportunityEvent, OpportunityProfile, QuoteEvent } from '../../events';
import type { AccountState } from '../../src/domain/account/account.state';
import type { ContactState } from '../../src/domain/contact/contact.state';
import type { OpportunityState } from '../../src/domain/opportunity/opportunity.state';
import { NO_PARENTS, type ParentStates } from '../../src/domain/parent-records';
import type { QuoteState } from '../../src/domain/quote/quote.state';
import { ACCOUNT, CONTACT, OWNER, activeAccount, contactState } from './event-builders';

export const OPPORTUNITY = '01900000-0000-7000-8000-0000000000e1';
export const OTHER_OPPORTUNITY = '01900000-0000-7000-8000-0000000000e2';
export const QUOTE = '01900000-0000-7000-8000-0000000000f1';
export const INVOICE = '01900000-0000-7000-8000-0000000000f2';
export const ACTIVITY = '01900000-0000-7000-8000-0000000000f3';
export const OTHER_ACTIVITY = '01900000-0000-7000-8000-0000000000f4';

export const opportunityProfile: OpportunityProfile = {
  topic: 'CRM rollout',
  accountId: ACCOUNT,
  contactId: null,
  estimatedRevenue: null,
  estimatedCloseDate: null,
  probability: null,
};

export function opportunityCreated(overrides: Partial<OpportunityProfile> = {}, opportunityId = OPPORTUNITY): OpportunityEvent {
  return { type: 'OpportunityCreated', schemaVersion: 1, data: { opportunityId, ownerId: OWNER, ...opportunityProfile, ...overrides } };
}

export function openOpportunity(overrides: Partial<OpportunityProfile> = {}, status: 'OPEN' | 'WON' | 'LOST' = 'OPEN'): OpportunityState {
  return { exists: true, id: OPPORTUNITY, profile: { ...opportunityProfile, ...overrides }, ownerId: OWNER, status };
}

export function quoteCreated(overrides: Partial<Extract<QuoteEvent, { type: 'QuoteCreated' }>['data']> = {}): QuoteEvent {
  return {
    type: 'QuoteCreated',
    schemaVersion: 1,
    data: {
      quoteId: QUOTE,
      quoteNumber: 'QUO-00001',
      name: 'CRM rollout',
      opportunityId: OPPORTUNITY,
      accountId: ACCOUNT,
      totalAmount: '100.00',
      ...overrides,
    },
  };
}

export function existingQuote(overrides: Partial<Extract<QuoteState, { exists: true }>> = {}): QuoteState {
  return {
    exists: true,
    id: QUOTE,
    quoteNumber: 'QUO-00001',
    name: 'CRM rollout',
    opportunityId: OPPORTUNITY,
    accountId: ACCOUNT,
    totalAmount: '100.00',
    status: 'DRAFT',
    ...overrides,
  };
}

export function activityLogged(
  overrides: Partial<Extract<ActivityEvent, { type: 'ActivityLogged' }>['data']> = {},
  activityId = ACTIVITY,
): ActivityEvent {
  return {
    type: 'ActivityLogged',
    schemaVersion: 1,
    data: {
      activityId,
      ownerId: OWNER,
      type: 'EMAIL',
      subject: 'Hello',
      description: null,
      direction: null,
      occurredAt: '2026-03-01T09:30:00.000Z',
      durationMinutes: null,
      regardingAccountId: null,
      regardingContactId: null,
      regardingOpportunityId: null,
      participants: [],
      inReplyToActivityId: null,
      ...overrides,
    },
  };
}

/** The parent states a command would load: the given accounts and contacts, by id. */
export function parents(accounts: readonly AccountState[] = [], contacts: readonly ContactState[] = []): ParentStates {
  if (accounts.length === 0 && contacts.length === 0) return NO_PARENTS;
  return {
    accounts: new Map(accounts.flatMap((state) => (state.exists ? [[state.id, state] as const] : []))),
    contacts: new Map(contacts.flatMap((state) => (state.exists ? [[state.id, state] as const] : []))),
  };
}

/** The default account and contact, both active. */
export const ACTIVE_PARENTS = parents([activeAccount()], [contactState()]);
export { ACCOUNT, CONTACT };
