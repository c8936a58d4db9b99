import { DomainError } from '../errors';

/** No import job has this id (the client sees NOT_FOUND). */
export class ImportJobNotFoundError extends DomainError {
  readonly code = 'NOT_FOUND';
  constructor(id: string, field = 'id') {
    super(`No import job with id ${id}`, field, { recordType: 'IMPORT_JOB', id });
  }
}
