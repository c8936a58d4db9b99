import {
  streamIds,
  type AccountProfile,
  type AddressData,
  type ContactProfile,
  type CrmEventType,
  type EventMetadata,
  type EventOfType,
  type Role,
} from '../../events';
import type { AppendRequest, ExpectedVersion, NewEvent, StreamAppend } from '../../src/event-store/event-store';
import {
  CITIES,
  COMPANY_STEMS,
  COMPANY_SUFFIXES,
  FIRST_NAMES,
  INDUSTRIES,
  JOB_TITLES,
  LAST_NAMES,
  STREETS,
} from '../../src/seed/demo-names';
import { foldForEmail } from '../../src/seed/email-local-part';
import { SeededRandom } from '../../src/seed/random';
import { SeededIds } from './seeded-ids';

/** How often each kind of command happens in the generated history (they add up to 1). */
const MIX = [
  ['createAccount', 0.09],
  ['updateAccount', 0.12],
  ['createContact', 0.22],
  ['associateContact', 0.05],
  ['updateContact', 0.16],
  ['assignAccountOwner', 0.015],
  ['deactivateAccount', 0.015],
  ['deactivateContact', 0.03],
  ['createOpportunity', 0.05],
  ['closeOpportunity', 0.02],
  ['createQuote', 0.02],
  ['createInvoice', 0.02],
  ['logActivity', 0.18],
] as const;
type Action = (typeof MIX)[number][0];

const USERS = 8;
const DAY_MS = 24 * 60 * 60 * 1000;
const ACTIVITY_MIX = ['EMAIL', 'EMAIL', 'EMAIL', 'PHONE_CALL', 'PHONE_CALL', 'APPOINTMENT', 'TASK'] as const;
/** A change being put together: any field, writable. */
type Draft<T> = { -readonly [K in keyof T]?: T[K] };
/** Share of new contacts created inside an account (two events: created and associated). */
const LINKED_ON_CREATE = 0.7;

function event<T extends CrmEventType>(type: T, data: EventOfType<T>['data']): NewEvent {
  return { type, schemaVersion: 1, data } as NewEvent;
}

/**
 * A realistic CRM history, one command's append at a time, as the command side would write it: users first,
 * then accounts and contacts created, updated, linked, re-owned and sometimes deactivated, each append naming
 * the streams it read with their versions (a linked contact keeps its account as a condition). Deterministic:
 * the same seed gives the same appends (ids, payloads and times).
 */
export class RealisticHistory {
  readonly userIds: string[] = [];
  /** Events returned so far. */
  eventCount = 0;
  private readonly random: SeededRandom;
  private readonly ids: SeededIds;
  private readonly versions = new Map<string, number>();
  private readonly activeAccounts: string[] = [];
  private readonly accountOwners = new Map<string, string>();
  private readonly activeContacts: string[] = [];
  private readonly unlinkedContacts: string[] = [];
  private readonly contacts = new Map<string, { active: boolean; accountId: string | null }>();
  private readonly openOpportunities: { id: string; accountId: string }[] = [];
  private readonly inactiveAccounts = new Set<string>();
  private readonly recentEmails: string[] = [];
  private quotesCreated = 0;
  private invoicesCreated = 0;
  private accountsCreated = 0;
  private contactsCreated = 0;
  private time: number;

  constructor(seed: number, start = Date.parse('2025-01-06T08:00:00.000Z')) {
    this.random = new SeededRandom(seed);
    this.ids = new SeededIds(seed + 1);
    this.time = start;
  }

  /** The next command's append, writing at most `room` (≥ 1) events. */
  next(room: number): AppendRequest {
    this.time += this.random.int(1, 120) * 1000;
    if (this.userIds.length < USERS) return this.registerUser();
    const action = this.pickAction();
    switch (action) {
      case 'createAccount':
        return this.createAccount();
      case 'updateAccount':
        return this.updateAccount();
      case 'createContact':
        return this.createContact(room);
      case 'associateContact':
        return this.associateContact() ?? this.createContact(1);
      case 'updateContact':
        return this.updateContact();
      case 'assignAccountOwner':
        return this.assignAccountOwner();
      case 'deactivateAccount':
        return this.deactivateAccount();
      case 'deactivateContact':
        return this.deactivateContact();
      case 'createOpportunity':
        return this.createOpportunity();
      case 'closeOpportunity':
        return this.closeOpportunity() ?? this.createOpportunity();
      case 'createQuote':
        return this.createQuote(room) ?? this.createOpportunity();
      case 'createInvoice':
        return this.createInvoice(room);
      case 'logActivity':
        return this.logActivity();
    }
  }

  private pickAction(): Action {
    if (this.activeAccounts.length < 5) return 'createAccount';
    let roll = this.random.next();
    for (const [action, share] of MIX) {
      if (roll < share) {
        const needsContact = action === 'updateContact' || action === 'deactivateContact';
        if (needsContact && this.activeContacts.length === 0) return 'createContact';
        return action;
      }
      roll -= share;
    }
    return 'updateAccount';
  }

  private registerUser(): AppendRequest {
    const userId = this.ids.next();
    const index = this.userIds.length;
    const first = this.random.pick(FIRST_NAMES);
    const last = this.random.pick(LAST_NAMES);
    const email = `${foldForEmail(first)}.${foldForEmail(last)}.${index}@example.com`;
    const roles: Role[] = index === 0 ? ['ADMINISTRATOR', 'SALES_MANAGER'] : index < 3 ? ['SALES_MANAGER'] : ['SALESPERSON'];
    const actorId = this.userIds[0] ?? 'system';
    this.userIds.push(userId);
    return this.append(actorId, [
      { streamId: streamIds.user(userId), events: [event('UserRegistered', { userId, email, name: `${first} ${last}`, roles })] },
      { streamId: streamIds.userEmail(email), events: [event('UserEmailClaimed', { email, userId })] },
    ]);
  }

  private createAccount(): AppendRequest {
    const accountId = this.ids.next();
    const ownerId = this.random.pick(this.userIds);
    const profile = this.accountProfile(this.accountsCreated);
    this.accountsCreated += 1;
    this.activeAccounts.push(accountId);
    this.accountOwners.set(accountId, ownerId);
    return this.append(ownerId, [
      { streamId: streamIds.account(accountId), events: [event('AccountCreated', { accountId, ownerId, ...profile })] },
    ]);
  }

  private updateAccount(): AppendRequest {
    const accountId = this.random.pick(this.activeAccounts);
    const changes: Draft<AccountProfile> = {};
    const fields = this.random.int(1, 3);
    for (let i = 0; i < fields; i += 1) {
      const roll = this.random.next();
      if (roll < 0.25) changes.phone = this.phone();
      else if (roll < 0.45) changes.numberOfEmployees = this.random.int(3, 5000);
      else if (roll < 0.6) changes.annualRevenue = `${this.random.int(1, 5000) * 10000}.00`;
      else if (roll < 0.75) changes.industry = this.random.pick(INDUSTRIES);
      else if (roll < 0.88)
        changes.description = `Reviewed on call ${this.random.int(1, 99_999)}: ${this.random.pick(JOB_TITLES)} interested.`;
      else if (roll < 0.95)
        changes.email = `kontakt${this.random.int(1, 999)}@${foldForEmail(this.random.pick(COMPANY_STEMS))}.example.com`;
      else changes.name = `${this.random.pick(COMPANY_STEMS)}${this.random.pick(COMPANY_SUFFIXES)} ${this.random.int(1, 99_999)}`;
    }
    return this.append(this.actor(), [
      { streamId: streamIds.account(accountId), events: [event('AccountUpdated', { accountId, ...changes })] },
    ]);
  }

  private createContact(room: number): AppendRequest {
    const contactId = this.ids.next();
    const ownerId = this.random.pick(this.userIds);
    const profile = this.contactProfile(this.contactsCreated);
    this.contactsCreated += 1;
    const created = event('ContactCreated', { contactId, ownerId, ...profile });
    this.activeContacts.push(contactId);
    const accountId = room >= 2 && this.random.chance(LINKED_ON_CREATE) ? this.random.pick(this.activeAccounts) : null;
    this.contacts.set(contactId, { active: true, accountId });
    const stream = streamIds.contact(contactId);
    if (accountId === null) {
      this.unlinkedContacts.push(contactId);
      return this.append(ownerId, [{ streamId: stream, events: [created] }]);
    }
    return this.append(ownerId, [
      { streamId: stream, events: [created, event('ContactAssociatedWithAccount', { contactId, accountId })] },
      { streamId: streamIds.account(accountId), events: [] },
    ]);
  }

  /** Links an unlinked active contact to an active account; null when there is none left. */
  private associateContact(): AppendRequest | null {
    while (this.unlinkedContacts.length > 0) {
      const contactId = takeRandom(this.unlinkedContacts, this.random);
      const contact = this.contacts.get(contactId)!;
      if (!contact.active || contact.accountId !== null) continue;
      const accountId = this.random.pick(this.activeAccounts);
      contact.accountId = accountId;
      return this.append(this.actor(), [
        { streamId: streamIds.contact(contactId), events: [event('ContactAssociatedWithAccount', { contactId, accountId })] },
        { streamId: streamIds.account(accountId), events: [] },
      ]);
    }
    return null;
  }

  private updateContact(): AppendRequest {
    const contactId = this.random.pick(this.activeContacts);
    const changes: Draft<ContactProfile> = {};
    const roll = this.random.next();
    if (roll < 0.35) changes.jobTitle = this.random.pick(JOB_TITLES);
    else if (roll < 0.6) changes.phone = this.phone();
    else if (roll < 0.8) changes.mobilePhone = this.phone();
    else if (roll < 0.95) changes.email = `${foldForEmail(this.random.pick(FIRST_NAMES))}.${this.random.int(1, 99_999)}@example.com`;
    else changes.lastName = this.random.pick(LAST_NAMES);
    return this.append(this.actor(), [
      { streamId: streamIds.contact(contactId), events: [event('ContactUpdated', { contactId, ...changes })] },
    ]);
  }

  private assignAccountOwner(): AppendRequest {
    const accountId = this.random.pick(this.activeAccounts);
    const previousOwnerId = this.accountOwners.get(accountId)!;
    const others = this.userIds.filter((id) => id !== previousOwnerId);
    const ownerId = this.random.pick(others);
    this.accountOwners.set(accountId, ownerId);
    return this.append(this.actor(), [
      { streamId: streamIds.account(accountId), events: [event('AccountOwnerAssigned', { accountId, ownerId, previousOwnerId })] },
    ]);
  }

  private deactivateAccount(): AppendRequest {
    const accountId = takeRandom(this.activeAccounts, this.random);
    this.inactiveAccounts.add(accountId);
    return this.append(this.actor(), [{ streamId: streamIds.account(accountId), events: [event('AccountDeactivated', { accountId })] }]);
  }

  private deactivateContact(): AppendRequest {
    const contactId = takeRandom(this.activeContacts, this.random);
    this.contacts.get(contactId)!.active = false;
    return this.append(this.actor(), [{ streamId: streamIds.contact(contactId), events: [event('ContactDeactivated', { contactId })] }]);
  }

  private createOpportunity(): AppendRequest {
    const opportunityId = this.ids.next();
    const accountId = this.random.pick(this.activeAccounts);
    const ownerId = this.accountOwners.get(accountId)!;
    this.openOpportunities.push({ id: opportunityId, accountId });
    const data = {
      opportunityId,
      ownerId,
      topic: `${this.random.pick(INDUSTRIES)} rollout ${this.random.int(1, 9999)}`,
      accountId,
      contactId: null,
      estimatedRevenue: `${this.random.int(5, 900) * 1000}.00`,
      estimatedCloseDate: new Date(this.time + this.random.int(10, 120) * DAY_MS).toISOString(),
      probability: this.random.int(1, 9) * 10,
    };
    return this.append(ownerId, [
      { streamId: streamIds.opportunity(opportunityId), events: [event('OpportunityCreated', data)] },
      { streamId: streamIds.account(accountId), events: [] },
    ]);
  }

  private closeOpportunity(): AppendRequest | null {
    if (this.openOpportunities.length === 0) return null;
    const { id } = takeRandom(this.openOpportunities, this.random);
    const status = this.random.chance(0.45) ? 'WON' : 'LOST';
    return this.append(this.actor(), [
      { streamId: streamIds.opportunity(id), events: [event('OpportunityClosed', { opportunityId: id, status })] },
    ]);
  }

  /** A quote from an open opportunity: the quote and its number, in one append (two events). */
  private createQuote(room: number): AppendRequest | null {
    if (room < 2 || this.openOpportunities.length === 0) return null;
    const { id: opportunityId, accountId } = this.random.pick(this.openOpportunities);
    // The rules refuse a quote for a deactivated account.
    if (this.inactiveAccounts.has(accountId)) return null;
    const quoteId = this.ids.next();
    this.quotesCreated += 1;
    const quoteNumber = `QUO-${String(this.quotesCreated).padStart(5, '0')}`;
    const totalAmount = `${this.random.int(100, 90_000)}.${String(this.random.int(0, 99)).padStart(2, '0')}`;
    return this.append(this.actor(), [
      {
        streamId: streamIds.quoteNumbers(),
        events: [event('QuoteNumberAllocated', { number: this.quotesCreated, quoteNumber, quoteId })],
      },
      {
        streamId: streamIds.quote(quoteId),
        events: [event('QuoteCreated', { quoteId, quoteNumber, name: `Offer ${quoteNumber}`, opportunityId, accountId, totalAmount })],
      },
      { streamId: streamIds.opportunity(opportunityId), events: [] },
      { streamId: streamIds.account(accountId), events: [] },
    ]);
  }

  private createInvoice(room: number): AppendRequest {
    if (room < 2) return this.logActivity();
    const accountId = this.random.pick(this.activeAccounts);
    const invoiceId = this.ids.next();
    this.invoicesCreated += 1;
    const invoiceNumber = `INV-${String(this.invoicesCreated).padStart(5, '0')}`;
    const data = {
      invoiceId,
      invoiceNumber,
      name: `Licences ${this.random.int(2024, 2026)}`,
      accountId,
      contactId: null,
      opportunityId: null,
      quoteId: null,
      totalAmount: `${this.random.int(100, 50_000)}.${String(this.random.int(0, 99)).padStart(2, '0')}`,
      dueDate: new Date(this.time + 30 * DAY_MS).toISOString(),
    };
    return this.append(this.actor(), [
      {
        streamId: streamIds.invoiceNumbers(),
        events: [event('InvoiceNumberAllocated', { number: this.invoicesCreated, invoiceNumber, invoiceId })],
      },
      { streamId: streamIds.invoice(invoiceId), events: [event('InvoiceCreated', data)] },
      { streamId: streamIds.account(accountId), events: [] },
    ]);
  }

  /** An e-mail (some answering a recent one), a call, a meeting or a task regarding an account or one of its people. */
  private logActivity(): AppendRequest {
    const activityId = this.ids.next();
    const ownerId = this.actor();
    const type = this.random.pick(ACTIVITY_MIX);
    const accountId = this.random.pick(this.activeAccounts);
    const contactId = this.activeContacts.length > 0 && this.random.chance(0.6) ? this.random.pick(this.activeContacts) : null;
    const inReplyTo =
      type === 'EMAIL' && this.recentEmails.length > 0 && this.random.chance(0.3) ? this.random.pick(this.recentEmails) : null;
    if (type === 'EMAIL') {
      this.recentEmails.push(activityId);
      if (this.recentEmails.length > 200) this.recentEmails.shift();
    }
    const participants = [{ userId: ownerId, contactId: null }, ...(contactId ? [{ userId: null, contactId }] : [])];
    const data = {
      activityId,
      ownerId,
      type,
      subject: `${type === 'EMAIL' ? 'Re: offer' : type === 'PHONE_CALL' ? 'Call about' : type === 'TASK' ? 'Follow up on' : 'Meeting on'} ${this.random.int(1, 99_999)}`,
      description: null,
      direction: type === 'TASK' ? null : this.random.chance(0.55) ? 'OUTGOING' : 'INCOMING',
      occurredAt: new Date(this.time).toISOString(),
      durationMinutes: type === 'PHONE_CALL' ? this.random.int(2, 40) : type === 'APPOINTMENT' ? this.random.int(2, 8) * 15 : null,
      regardingAccountId: contactId ? null : accountId,
      regardingContactId: contactId,
      regardingOpportunityId: null,
      participants,
      inReplyToActivityId: inReplyTo,
    } as const;
    return this.append(ownerId, [
      { streamId: streamIds.activity(activityId), events: [event('ActivityLogged', data)] },
      { streamId: contactId ? streamIds.contact(contactId) : streamIds.account(accountId), events: [] },
    ]);
  }

  /** Names every stream at the version this history has it at, and moves the versions on. */
  private append(actorId: string, streams: { streamId: string; events: NewEvent[] }[]): AppendRequest {
    const commandId = this.ids.next();
    const metadata: EventMetadata = {
      actorId,
      commandId,
      correlationId: commandId,
      causationId: null,
      source: this.random.chance(0.1) ? 'import' : 'api',
    };
    const appends: StreamAppend[] = streams.map(({ streamId, events }) => {
      const version = this.versions.get(streamId) ?? 0;
      const expectedVersion: ExpectedVersion = version === 0 ? 'no-stream' : version;
      if (events.length > 0) this.versions.set(streamId, version + events.length);
      this.eventCount += events.length;
      return { streamId, expectedVersion, events };
    });
    return { streams: appends, metadata, recordedAt: new Date(this.time) };
  }

  private actor(): string {
    return this.random.pick(this.userIds);
  }

  private phone(): string {
    return `+48 ${this.random.int(12, 91)} ${this.random.int(100, 999)} ${this.random.int(10, 99)} ${this.random.int(10, 99)}`;
  }

  private accountProfile(index: number): AccountProfile {
    const stem = this.random.pick(COMPANY_STEMS);
    const domain = `${foldForEmail(stem)}${index}.example.com`;
    const parent = this.random.chance(0.05) ? this.random.pick(this.activeAccounts) : null;
    return {
      name: `${stem}${this.random.pick(COMPANY_SUFFIXES)} ${index + 1}`,
      accountNumber: `ACC-${String(100000 + index)}`,
      phone: this.phone(),
      email: `biuro@${domain}`,
      website: `https://www.${domain}`,
      industry: this.random.pick(INDUSTRIES),
      annualRevenue: `${this.random.int(1, 5000) * 10000}.00`,
      numberOfEmployees: this.random.int(3, 5000),
      description: this.random.chance(0.3) ? `Customer since ${this.random.int(1995, 2024)}; ${this.random.pick(INDUSTRIES)} focus.` : null,
      address: this.address(),
      parentAccountId: parent,
      primaryContactId: null,
    };
  }

  private contactProfile(index: number): ContactProfile {
    const firstName = this.random.pick(FIRST_NAMES);
    const lastName = this.random.pick(LAST_NAMES);
    return {
      firstName,
      lastName,
      jobTitle: this.random.pick(JOB_TITLES),
      email: `${foldForEmail(firstName)}.${foldForEmail(lastName)}${index}@example.com`,
      phone: this.phone(),
      mobilePhone: this.random.chance(0.5) ? this.phone() : null,
      description: null,
      address: this.random.chance(0.2) ? this.address() : null,
    };
  }

  private address(): AddressData {
    const place = this.random.pick(CITIES);
    return {
      line1: `ul. ${this.random.pick(STREETS)} ${this.random.int(1, 180)}`,
      line2: null,
      line3: null,
      city: place.city,
      stateOrProvince: place.region,
      postalCode: `${place.postal}${String(this.random.int(0, 999)).padStart(3, '0')}`,
      country: place.country,
      latitude: place.lat,
      longitude: place.lon,
    };
  }
}

/** Removes and returns a random element (swap with the last: O(1), order does not matter). */
function takeRandom<T>(items: T[], random: SeededRandom): T {
  const index = Math.floor(random.next() * items.length);
  const item = items[index]!;
  items[index] = items[items.length - 1]!;
  items.pop();
  return item;
}
