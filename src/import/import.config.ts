import { join } from 'node:path';
import { ConfigError } from '../config';

/** Where uploads are kept and how large one may be. */
export interface ImportConfig {
  readonly uploadsDir: string;
  /** UPLOAD_MAX_BYTES: the largest file POST /uploads (and `crm import`) accepts. */
  readonly uploadMaxBytes: number;
}

/** 256 MiB: about two million contact rows of CSV. */
export const DEFAULT_UPLOAD_MAX_BYTES = 256 * 1024 * 1024;

const UNITS: Readonly<Record<string, number>> = { '': 1, k: 1024, kb: 1024, m: 1024 ** 2, mb: 1024 ** 2, g: 1024 ** 3, gb: 1024 ** 3 };

/** The import settings from the environment: UPLOAD_MAX_BYTES (bytes, or with k/m/g: `512m`); uploads live in `<dataDir>/uploads`. */
export function loadImportConfig(env: NodeJS.ProcessEnv, dataDir: string): ImportConfig {
  const text = env.UPLOAD_MAX_BYTES?.trim();
  if (text === undefined || text === '') return { uploadsDir: join(dataDir, 'uploads'), uploadMaxBytes: DEFAULT_UPLOAD_MAX_BYTES };
  const match = /^(\d+)\s*([a-z]*)$/iu.exec(text);
  const unit = match ? UNITS[match[2]!.toLowerCase()] : undefined;
  const bytes = match && unit ? Number(match[1]) * unit : NaN;
  if (!Number.isSafeInteger(bytes) || bytes <= 0)
    throw new ConfigError(`UPLOAD_MAX_BYTES must be a number of bytes such as 268435456 or 256m, got "${text}"`);
  return { uploadsDir: join(dataDir, 'uploads'), uploadMaxBytes: bytes };
}
