import type { ImportRowProblem } from '../../../events/import.events';
import {
  ContactAlreadyAssociatedError,
  type DomainError,
  ForbiddenError,
  NotFoundError,
  RecordInactiveError,
  ValidationError,
  VersionConflictError,
} from '../../domain/errors';

/** Where a field's value came from in the file. */
export type ColumnOf = (field: string) => string | null;

/**
 * A command's refusal as the problems of an imported row: each with the column the field came from and what is
 * wrong. A person's data is never quoted: validation messages that quote the value lose the quote, other
 * refusals are described in words of our own (never their message, which may name a contact), and any
 * message that still contains one of the row's values is replaced by a generic one.
 */
export function problemsOf(error: DomainError, columnOf: ColumnOf, rowValues: readonly string[]): ImportRowProblem[] {
  if (error instanceof ValidationError) {
    return error.issues.map((issue) => {
      const field = topField(issue.field);
      return {
        column: columnOf(issue.field) ?? columnOf(field),
        field: issue.field,
        message: `${issue.field}: ${withoutValue(issue.message, rowValues)}`,
      };
    });
  }
  const field = error.field ?? null;
  const column = field === null ? null : columnOf(field);
  const problem = (message: string): ImportRowProblem[] => [{ column, field, message: field === null ? message : `${field}: ${message}` }];
  if (error instanceof RecordInactiveError) return problem(`the ${recordTypeOf(error)} is inactive: activate it in the CRM first`);
  if (error instanceof NotFoundError) return problem(`the ${recordTypeOf(error)} does not exist`);
  if (error instanceof ContactAlreadyAssociatedError) return problem('the contact belongs to another account');
  if (error instanceof ForbiddenError) return problem('you do not have the privilege to make this change');
  if (error instanceof VersionConflictError) return problem('the record changed while it was being imported; import the row again');
  return problem(`refused (${error.code})`);
}

/** `address.city` → `address`: the input a nested field belongs to. */
function topField(field: string): string {
  const dot = field.indexOf('.');
  return dot < 0 ? field : field.slice(0, dot);
}

function recordTypeOf(error: DomainError): string {
  const type = error.details.recordType;
  return typeof type === 'string' ? type.toLowerCase().replace('_', ' ') : 'record';
}

/**
 * A validation message without the value it quotes (`"x@" is not a valid e-mail address` → `is not a valid
 * e-mail address`); a message that still holds one of the row's values becomes "has a value that is not valid".
 */
export function withoutValue(message: string, rowValues: readonly string[]): string {
  const unquoted = /^"[\s\S]*" (is not [\s\S]*)$/u.exec(message)?.[1] ?? message;
  const leaks = rowValues.some((value) => value.trim().length >= 3 && unquoted.includes(value.trim().slice(0, 40)));
  return leaks ? 'has a value that is not valid' : unquoted;
}
