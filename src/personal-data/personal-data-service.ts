import { streamIds, type JsonValue, type RecordedEvent, type Role } from '../../events';
import { PRIVILEGE_DESCRIPTIONS, allows } from '../domain/security/privileges';
import { accountsByIds } from '../../projections/account/account.queries';
import { addressFromColumns } from '../../projections/address-columns';
import { contactsByIds } from '../../projections/contact/contact.queries';
import { usersByIds, type UserRow } from '../../projections/user/user.queries';
import type { Crm } from '../app/open-crm';
import type { CommandContext, CommandOutcome } from '../commands/command-handler';
import type { EraseContactPersonalDataRequest, RecordResult } from '../commands/crm-commands';
import { ForbiddenError, NotFoundError } from '../domain/errors';
import { isUuid } from '../shared/ids';

/** The right of access: everything held about a person, as one JSON document. */
export type PersonalDataExport = { readonly [key: string]: JsonValue };

/** What a person's rights need besides commands: erasure down to the files, and the export. */
export class PersonalDataService {
  constructor(private readonly crm: Crm) {}

  /**
   * Erases a contact's personal data (administrators only): the erasure event and the destruction of the
   * person's data key commit together, the read models are blanked, and the database files are scrubbed.
   */
  async eraseContact(context: CommandContext, request: EraseContactPersonalDataRequest): Promise<CommandOutcome<RecordResult>> {
    const outcome = await this.crm.commands(context).eraseContactPersonalData(request);
    await this.crm.readYourWrites(outcome.checkpoint);
    // The command handler's cache folded the erasure already; drop the entry anyway so nothing personal stays in memory.
    this.crm.handler.cache.delete(streamIds.contact(outcome.result.id));
    this.crm.history.forget(streamIds.contact(outcome.result.id));
    await this.crm.scrub();
    return outcome;
  }

  /**
   * Everything held about a contact: the current fields, every change with its time and actor, the linked
   * account. For an erased contact: that it was erased, when, by whom and why — and no personal data.
   * Only administrators may export (the caller passes the viewer's roles).
   */
  async exportContact(contactId: string, viewerRoles: readonly Role[], now: Date): Promise<PersonalDataExport> {
    if (!allows(viewerRoles, 'erasePersonalData', '')) {
      throw new ForbiddenError(
        'erasePersonalData',
        `Your roles do not allow you to ${PRIVILEGE_DESCRIPTIONS.erasePersonalData} (privilege: erasePersonalData)`,
      );
    }
    if (!isUuid(contactId)) throw new NotFoundError('contact', contactId.slice(0, 100), 'contactId');
    const events = await this.crm.store.readStream(streamIds.contact(contactId));
    if (events.length === 0) throw new NotFoundError('contact', contactId, 'contactId');
    const [row] = await contactsByIds(this.crm.db, [contactId]);
    const actors = await this.usersById([...new Set([...events.map((event) => event.metadata.actorId), row?.owner_id ?? ''])]);
    const [account] = row?.account_id ? await accountsByIds(this.crm.db, [row.account_id]) : [];
    const erasure = events.find((event) => event.type === 'ContactPersonalDataErased');
    const person = (id: string | undefined) => {
      const user = id ? actors.get(id) : undefined;
      return user ? { id: user.id, name: user.name } : id ? { id, name: null } : null;
    };
    const record = {
      id: contactId,
      state: row?.state ?? null,
      account: account ? { id: account.id, name: account.name } : null,
      owner: person(row?.owner_id),
      createdAt: row?.created_at ?? events[0]!.recordedAt,
      modifiedAt: row?.modified_at ?? events[events.length - 1]!.recordedAt,
    };
    const header = { subject: { type: 'CONTACT', id: contactId }, exportedAt: now.toISOString() };
    if (erasure && erasure.type === 'ContactPersonalDataErased') {
      return {
        ...header,
        erased: true,
        erasedAt: erasure.recordedAt,
        erasedBy: person(erasure.metadata.actorId),
        reason: erasure.data.reason,
        contact: record,
        // The steps stay on record; their personal values are gone with the key.
        history: events.map((event) => ({
          at: event.recordedAt,
          version: event.streamVersion,
          event: event.type,
          actor: person(event.metadata.actorId),
        })),
      };
    }
    return {
      ...header,
      erased: false,
      contact: row
        ? {
            ...record,
            firstName: row.first_name,
            lastName: row.last_name,
            fullName: row.full_name,
            jobTitle: row.job_title,
            email: row.email,
            phone: row.phone,
            mobilePhone: row.mobile_phone,
            description: row.description,
            address: addressFromColumns(row) as JsonValue,
          }
        : record,
      history: events.map((event) => ({
        at: event.recordedAt,
        version: event.streamVersion,
        event: event.type,
        actor: person(event.metadata.actorId),
        source: event.metadata.source,
        data: dataWithoutIds(event),
      })),
      activities: await this.activitiesWith(contactId),
    };
  }

  /** The interactions recorded with the person: activities regarding them or in which they took part, oldest first. */
  private async activitiesWith(contactId: string): Promise<JsonValue[]> {
    const rows = await this.crm.db
      .selectFrom('activities')
      .select(['id', 'type', 'subject', 'description', 'direction', 'occurred_at', 'duration_minutes', 'regarding_contact_id'])
      .where((eb) =>
        eb.or([
          eb('regarding_contact_id', '=', contactId),
          eb('id', 'in', eb.selectFrom('activity_participants').select('activity_id').where('contact_id', '=', contactId)),
        ]),
      )
      .orderBy('occurred_at')
      .orderBy('id')
      .execute();
    return rows.map((row) => ({
      id: row.id,
      type: row.type,
      subject: row.subject,
      description: row.description,
      direction: row.direction,
      occurredAt: row.occurred_at,
      durationMinutes: row.duration_minutes,
      role: row.regarding_contact_id === contactId ? 'REGARDING' : 'PARTICIPANT',
    }));
  }

  private async usersById(ids: readonly string[]): Promise<Map<string, UserRow>> {
    const rows = await usersByIds(this.crm.db, ids.filter(isUuid));
    return new Map(rows.map((user) => [user.id, user]));
  }
}

/** An event's fields without the record's own id (the export is about that record already). */
function dataWithoutIds(event: RecordedEvent): JsonValue {
  const { contactId: _contactId, ...rest } = event.data as unknown as Record<string, JsonValue>;
  return rest;
}
