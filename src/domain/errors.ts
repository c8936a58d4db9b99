/** The codes a client sees in `extensions.code` for a refused command. */
export type DomainErrorCode =
  'BAD_USER_INPUT' | 'NOT_FOUND' | 'CONFLICT' | 'RECORD_INACTIVE' | 'CONTACT_ALREADY_ASSOCIATED' | 'FORBIDDEN' | 'FEATURE_DISABLED';

export type RecordKind = 'account' | 'contact' | 'user' | 'opportunity' | 'quote' | 'invoice' | 'activity';

/** A refusal the client caused and can act on. `details` lands in the error's extensions. */
export abstract class DomainError extends Error {
  abstract readonly code: DomainErrorCode;
  /** The input field the refusal is about, as a path (`name`, `address.city`, `contactIds[2]`). */
  readonly field: string | undefined;
  readonly details: Readonly<Record<string, unknown>>;
  constructor(message: string, field?: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = new.target.name;
    this.field = field;
    this.details = details;
  }
}

export interface FieldIssue {
  readonly field: string;
  readonly message: string;
}

/** One or more input fields are invalid; every problem found is listed, the first one is `field`. */
export class ValidationError extends DomainError {
  readonly code = 'BAD_USER_INPUT';
  constructor(readonly issues: readonly FieldIssue[]) {
    super(issues.map((issue) => `${issue.field}: ${issue.message}`).join('; '), issues[0]?.field, { errors: issues });
  }
  static of(field: string, message: string): ValidationError {
    return new ValidationError([{ field, message }]);
  }
}

export class NotFoundError extends DomainError {
  readonly code = 'NOT_FOUND';
  constructor(kind: RecordKind, id: string, field?: string) {
    super(`No ${kind} with id ${id}`, field, { recordType: kind.toUpperCase(), id });
  }
}

/** The record is deactivated: read-only until activated, and nothing new may be created from it. */
export class RecordInactiveError extends DomainError {
  readonly code = 'RECORD_INACTIVE';
  constructor(kind: RecordKind, id: string, reason?: string, field?: string) {
    super(reason ?? `The ${kind} ${id} is inactive: activate it before changing it`, field, { recordType: kind.toUpperCase(), id });
  }
}

/** The acting user's roles do not grant the privilege the command needs; nothing was changed. */
export class ForbiddenError extends DomainError {
  readonly code = 'FORBIDDEN';
  constructor(privilege: string, reason?: string) {
    super(reason ?? `You do not have the privilege to ${privilege}`, undefined, { privilege });
  }
}

/** The client's `expectedVersion` is not the record's version: someone else changed it first. */
export class VersionConflictError extends DomainError {
  readonly code = 'CONFLICT';
  constructor(kind: RecordKind, id: string, expected: number, actual: number) {
    super(`The ${kind} ${id} is at version ${actual}, not ${expected}: reload it and try again`, 'expectedVersion', {
      recordType: kind.toUpperCase(),
      id,
      expectedVersion: expected,
      actualVersion: actual,
    });
  }
}

export interface AssociationConflict {
  readonly contactId: string;
  readonly contactName: string;
  readonly accountId: string;
  readonly accountName: string;
}

/** A contact belongs to at most one account; linking one that belongs to another account changes nothing. */
export class ContactAlreadyAssociatedError extends DomainError {
  readonly code = 'CONTACT_ALREADY_ASSOCIATED';
  constructor(
    readonly conflicts: readonly AssociationConflict[],
    field?: string,
  ) {
    const first = conflicts[0]!;
    const more = conflicts.length > 1 ? ` (and ${conflicts.length - 1} more)` : '';
    super(
      `Contact "${first.contactName}" (${first.contactId}) is already associated with account "${first.accountName}" (${first.accountId})${more}; disassociate it first`,
      field,
      { contactId: first.contactId, accountId: first.accountId, accountName: first.accountName, conflicts },
    );
  }
}
