import { createHash } from 'node:crypto';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');

/**
 * A require hook for child processes run from the sources: like ts-node's transpile-only mode, but each
 * file's JavaScript is cached on disk by the hash of its text, so the crash tests' restarts start in about
 * a second instead of re-transpiling every file (about eight seconds on a busy machine).
 */
const HOOK = String.raw`
const fs = require('node:fs');
const path = require('node:path');
const crypto = require('node:crypto');
const ts = require(${JSON.stringify(require.resolve('typescript'))});
const cacheDir = process.env.CRM_TS_CACHE_DIR;
const configPath = ${JSON.stringify(join(ROOT, 'tsconfig.json'))};
const { config } = ts.readConfigFile(configPath, ts.sys.readFile);
const { options } = ts.convertCompilerOptionsFromJson(config.compilerOptions, path.dirname(configPath));
Object.assign(options, {
  module: ts.ModuleKind.CommonJS,
  moduleResolution: ts.ModuleResolutionKind.Node10,
  sourceMap: false,
  inlineSourceMap: true,
  inlineSources: false,
  declaration: false,
});
const salt = ts.version + JSON.stringify(options);
require.extensions['.ts'] = (module, filename) => {
  const source = fs.readFileSync(filename, 'utf8');
  const digest = crypto.createHash('sha1').update(salt).update(filename).update(source).digest('hex');
  const cached = path.join(cacheDir, digest + '.js');
  let code;
  try {
    code = fs.readFileSync(cached, 'utf8');
  } catch {
    code = ts.transpileModule(source, { compilerOptions: options, fileName: filename }).outputText;
    const partial = cached + '.' + process.pid;
    fs.writeFileSync(partial, code);
    fs.renameSync(partial, cached);
  }
  module._compile(code, filename);
};
`;

let hookFile: string | null = null;

/** Node's arguments and environment for running a TypeScript entry point of this repository in a child. */
export function typescriptChild(): { execArgv: string[]; env: Record<string, string> } {
  const cacheDir = join(tmpdir(), 'crm-reliability-ts-cache');
  if (hookFile === null) {
    mkdirSync(cacheDir, { recursive: true });
    hookFile = join(cacheDir, `register-${createHash('sha1').update(HOOK).digest('hex')}.js`);
    writeFileSync(`${hookFile}.${process.pid}`, HOOK);
    renameSync(`${hookFile}.${process.pid}`, hookFile);
  }
  return { execArgv: ['-r', hookFile], env: { CRM_TS_CACHE_DIR: cacheDir } };
}

export const REPOSITORY_ROOT = ROOT;
