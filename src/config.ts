import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { loadAddressProviderConfig, type AddressProviderConfig } from './addresses/address-provider.config';
import { loadImportConfig, type ImportConfig } from './import/import.config';

/** The server's configuration, from the environment (a `.env` file in the working directory is read too). */
export interface Config {
  readonly port: number;
  /** `sqlite:<path>` (events and read models in one file) or `postgres://…`. */
  readonly databaseUrl: string;
  /** Where events live when not in DATABASE_URL (e.g. `kurrentdb://…`). */
  readonly eventStoreUrl: string;
  /** HS256 secret for bearer tokens. */
  readonly jwtSecret: string;
  /** Base64 of the 32-byte master key that wraps every person's data key (crypto-shredding). */
  readonly dataKey: string;
  /** The first administrator, registered on first start with an empty database. */
  readonly adminEmail: string;
  readonly logLevel: string;
  /** The folder for generated secrets and the default database. */
  readonly dataDir: string;
  /** /readyz reports not ready while a read model is more than this many events behind. */
  readonly maxReadyLag: number;
  /** How long a mutation waits for the read models to include its change before answering PROJECTION_TIMEOUT. */
  readonly readYourWritesTimeoutMs: number;
  /** Where address suggestions come from: ADDRESS_PROVIDER and its settings. */
  readonly addresses: AddressProviderConfig;
  /** Public keys of an identity provider whose RS256/ES256 tokens are accepted too (a JWKS file or URL). */
  readonly jwks: { readonly file?: string; readonly url?: string; readonly issuer?: string; readonly audience?: string } | null;
  /** Requests a minute each user may make (0: no limit). */
  readonly rateLimitPerMinute: number;
  /** Whether the schema can be introspected (the IDE needs it). */
  readonly introspection: boolean;
  /** NODE_ENV=production: field suggestions are off in error messages. */
  readonly production: boolean;
  /** Where uploaded import files are kept (`<dataDir>/uploads`) and how large one may be (UPLOAD_MAX_BYTES); those defaults when left out. */
  readonly imports?: ImportConfig;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

const LOG_LEVELS = new Set(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']);

export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
  const envFile = join(cwd, '.env');
  if (env === process.env && existsSync(envFile)) process.loadEnvFile(envFile);
  const dataDir = resolve(cwd, env.DATA_DIR ?? 'data');
  const databaseUrl = env.DATABASE_URL ?? `sqlite:${join(dataDir, 'crm.db')}`;
  const port = Number(env.PORT ?? 4000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`PORT must be a port number, got "${env.PORT}"`);
  const logLevel = env.LOG_LEVEL ?? 'info';
  if (!LOG_LEVELS.has(logLevel)) throw new ConfigError(`LOG_LEVEL must be one of ${[...LOG_LEVELS].join(', ')}, got "${logLevel}"`);
  parseDatabaseUrl(databaseUrl);
  const eventStoreUrl = env.EVENT_STORE_URL ?? databaseUrl;
  if (!/^(kurrentdb|kurrentdb\+discover|esdb|esdb\+discover):\/\//iu.test(eventStoreUrl)) parseDatabaseUrl(eventStoreUrl);
  const maxReadyLag = Number(env.MAX_READY_LAG ?? 10_000);
  if (!Number.isInteger(maxReadyLag) || maxReadyLag < 0)
    throw new ConfigError(`MAX_READY_LAG must be a whole number, got "${env.MAX_READY_LAG}"`);
  const readYourWritesTimeoutMs = Number(env.READ_YOUR_WRITES_TIMEOUT_MS ?? 5000);
  if (!Number.isInteger(readYourWritesTimeoutMs) || readYourWritesTimeoutMs <= 0)
    throw new ConfigError(`READ_YOUR_WRITES_TIMEOUT_MS must be a positive whole number, got "${env.READ_YOUR_WRITES_TIMEOUT_MS}"`);
  const rateLimitPerMinute = Number(env.RATE_LIMIT_PER_MINUTE ?? 1200);
  if (!Number.isInteger(rateLimitPerMinute) || rateLimitPerMinute < 0) {
    throw new ConfigError(`RATE_LIMIT_PER_MINUTE must be a whole number (0 for no limit), got "${env.RATE_LIMIT_PER_MINUTE}"`);
  }
  const jwks =
    env.JWT_JWKS_FILE || env.JWT_JWKS_URL
      ? {
          ...(env.JWT_JWKS_FILE ? { file: resolve(cwd, env.JWT_JWKS_FILE) } : {}),
          ...(env.JWT_JWKS_URL ? { url: env.JWT_JWKS_URL } : {}),
          ...(env.JWT_ISSUER ? { issuer: env.JWT_ISSUER } : {}),
          ...(env.JWT_AUDIENCE ? { audience: env.JWT_AUDIENCE } : {}),
        }
      : null;
  return {
    port,
    databaseUrl,
    eventStoreUrl,
    jwtSecret: env.JWT_SECRET ?? generatedSecret(join(dataDir, 'jwt-secret'), () => randomBytes(48).toString('base64url')),
    dataKey: checkedDataKey(env.DATA_KEY ?? generatedSecret(join(dataDir, 'data-key'), () => randomBytes(32).toString('base64'))),
    adminEmail: env.ADMIN_EMAIL ?? 'admin@example.com',
    logLevel,
    dataDir,
    maxReadyLag,
    readYourWritesTimeoutMs,
    addresses: loadAddressProviderConfig(env),
    jwks,
    rateLimitPerMinute,
    introspection: (env.GRAPHQL_INTROSPECTION ?? 'true').toLowerCase() !== 'false',
    production: env.NODE_ENV === 'production',
    imports: loadImportConfig(env, dataDir),
  };
}

export type DatabaseLocation = { readonly kind: 'sqlite'; readonly path: string } | { readonly kind: 'postgres'; readonly url: string };

/** `sqlite:./data/crm.db`, `sqlite:/abs/path.db`, `sqlite::memory:` or `postgres://…`/`postgresql://…`. */
export function parseDatabaseUrl(url: string): DatabaseLocation {
  if (url.startsWith('sqlite:')) {
    const path = url.slice('sqlite:'.length).replace(/^\/\/(?=\/)/u, '');
    if (path.length === 0) throw new ConfigError('DATABASE_URL sqlite: needs a file path, e.g. sqlite:./data/crm.db');
    return { kind: 'sqlite', path: path === ':memory:' ? path : resolve(path) };
  }
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) return { kind: 'postgres', url };
  throw new ConfigError(`DATABASE_URL must start with sqlite: or postgres://, got "${url.split(':')[0]}:…"`);
}

/** DATA_KEY must be base64 of exactly 32 bytes. */
function checkedDataKey(text: string): string {
  if (Buffer.from(text.trim(), 'base64').length !== 32)
    throw new ConfigError('DATA_KEY must be base64 of 32 random bytes (e.g. `openssl rand -base64 32`)');
  return text.trim();
}

/** A secret kept in a file of its own (created with a random value, readable by the owner only). */
function generatedSecret(file: string, generate: () => string): string {
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dirname(file), { recursive: true });
  const secret = generate();
  try {
    writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    // Another process created it first: use theirs.
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return readFileSync(file, 'utf8').trim();
    throw error;
  }
  return secret;
}
