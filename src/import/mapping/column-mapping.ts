import type { ImportColumnMappingData, ImportEntityName } from '../../../events/import.events';
import { importFieldsOf } from '../../domain/import/import-fields';
import { ImportFileError } from '../import-file.error';
import { headerAliases } from './header-aliases';
import { headerKey } from './header-key';

/** A column that fills a field, and how much it is preferred (0 best); address parts belong to one address group. */
export interface FieldSource {
  readonly column: string;
  readonly priority: number;
  readonly group: string | null;
}

/** How a file's columns fill an entity's fields. */
export interface ColumnMapping {
  /** For each field that some column fills, those columns, preferred first. */
  readonly sources: ReadonlyMap<string, readonly FieldSource[]>;
  /** Every column that fills a field, in file order. */
  readonly mapped: readonly ImportColumnMappingData[];
  /** Columns whose values are not imported (no field recognized, or ignored on request), in file order. */
  readonly unmapped: readonly string[];
}

/**
 * Maps a file's columns (in file order) to an entity's fields: a column named in `requested` goes where it says
 * (a null field ignores it), and a field given a column that way takes no other; every other column goes
 * where its header points (see `headerAliases`). Refuses a requested column the file does not have, and a
 * mapping that leaves a required field without a column.
 */
export function resolveColumnMapping(
  entity: ImportEntityName,
  columns: readonly string[],
  requested: readonly ImportColumnMappingData[],
): ColumnMapping {
  const present = new Set(columns);
  const missing = requested.filter((entry) => !present.has(entry.column)).map((entry) => `"${entry.column}"`);
  if (missing.length > 0)
    throw new ImportFileError(
      `The mapping names column${missing.length > 1 ? 's' : ''} ${missing.join(', ')} that the file does not have; its columns are: ${columns
        .slice(0, 50)
        .map((column) => `"${column}"`)
        .join(', ')}`,
    );
  const explicit = new Map(requested.map((entry) => [entry.column, entry.field]));
  const explicitFields = new Set(requested.flatMap((entry) => (entry.field === null ? [] : [entry.field])));
  const aliases = headerAliases(entity);
  const sources = new Map<string, FieldSource[]>();
  const mapped: ImportColumnMappingData[] = [];
  const unmapped: string[] = [];
  for (const column of columns) {
    let source: { field: string; priority: number; group: string | null } | null = null;
    if (explicit.has(column)) {
      const field = explicit.get(column) ?? null;
      if (field !== null) source = { field, priority: -1, group: field.startsWith('address.') ? 'requested' : null };
    } else {
      const alias = aliases.get(headerKey(column));
      if (alias && !explicitFields.has(alias.field)) source = { field: alias.field, priority: alias.priority, group: alias.group ?? null };
    }
    if (source === null) {
      unmapped.push(column);
      continue;
    }
    mapped.push({ column, field: source.field });
    const list = sources.get(source.field) ?? [];
    list.push({ column, priority: source.priority, group: source.group });
    sources.set(source.field, list);
  }
  for (const list of sources.values()) list.sort((a, b) => a.priority - b.priority);
  requireFields(entity, sources);
  return { sources, mapped, unmapped };
}

/** Without a column for a required field every row would fail: the file is refused up front, saying how to map one. */
function requireFields(entity: ImportEntityName, sources: ReadonlyMap<string, unknown>): void {
  const label = (name: string) => importFieldsOf(entity).find((field) => field.name === name)?.label ?? name;
  const hint = (field: string) => `map one with mapping: [{ column: "<your column>", field: "${field}" }]`;
  if (entity === 'ACCOUNT' && !sources.has('name'))
    throw new ImportFileError(`No column holds the account's name (e.g. "${label('name')}"): ${hint('name')}`);
  if (entity === 'CONTACT' && !sources.has('fullName')) {
    for (const field of ['firstName', 'lastName'])
      if (!sources.has(field)) throw new ImportFileError(`No column holds the contact's ${label(field)}: ${hint(field)}`);
  }
}
