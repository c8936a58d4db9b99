import { readFileSync } from 'node:fs';
import { relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The parts of a V8 .cpuprofile (written by `node --cpu-prof`) this summary reads. */
interface CpuProfile {
  readonly nodes: readonly {
    readonly id: number;
    readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
    readonly children?: readonly number[];
  }[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

const ROOT = relative(process.cwd(), `${__dirname}${sep}..${sep}..`) || '.';
const OUR_FOLDERS = ['src/', 'projections/', 'events/', 'schema/', 'bench/'];

/** Where a frame's code lives: our file (path from the repository root), a package, or a V8/Node category. */
function placeOf(url: string): string {
  if (!url) return '(native)';
  const path = url.startsWith('file:') ? fileURLToPath(url) : url;
  if (path.startsWith('node:')) return path;
  const fromRoot = relative(ROOT, path).split(sep).join('/');
  const packageAt = fromRoot.lastIndexOf('node_modules/');
  if (packageAt >= 0) {
    const [scope, name] = fromRoot.slice(packageAt + 'node_modules/'.length).split('/');
    return `npm:${scope?.startsWith('@') ? `${scope}/${name}` : scope}`;
  }
  return fromRoot;
}

function isOurs(place: string): boolean {
  return OUR_FOLDERS.some((folder) => place.startsWith(folder));
}

/**
 * Summarizes a CPU profile: self time by function and by file or package, inclusive time of our own
 * functions (each counted once per stack, so recursion does not double it). Prints Markdown tables.
 */
export function summarizeProfile(profile: CpuProfile, top = 25): string {
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, index) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0)));
  const total = [...selfUs.values()].reduce((sum, value) => sum + value, 0);
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const keyOf = (id: number) => {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    const place = placeOf(url);
    return { key: `${place}:${functionName || '(anonymous)'}:${lineNumber + 1}`, place };
  };
  const selfByFunction = new Map<string, number>();
  const selfByPlace = new Map<string, number>();
  for (const [id, us] of selfUs) {
    const { key, place } = keyOf(id);
    selfByFunction.set(key, (selfByFunction.get(key) ?? 0) + us);
    selfByPlace.set(place, (selfByPlace.get(place) ?? 0) + us);
  }
  const inclusive = new Map<string, number>();
  const childrenOf = new Set(profile.nodes.flatMap((node) => node.children ?? []));
  const roots = profile.nodes.filter((node) => !childrenOf.has(node.id));
  const subtotal = new Map<number, number>();
  const walk = (id: number, onStack: Map<string, number>) => {
    const { key, place } = keyOf(id);
    const counted = isOurs(place);
    if (counted) onStack.set(key, (onStack.get(key) ?? 0) + 1);
    let sum = selfUs.get(id) ?? 0;
    for (const child of byId.get(id)!.children ?? []) sum += walk(child, onStack);
    subtotal.set(id, sum);
    if (counted) {
      const depth = onStack.get(key)! - 1;
      if (depth === 0) {
        inclusive.set(key, (inclusive.get(key) ?? 0) + sum);
        onStack.delete(key);
      } else onStack.set(key, depth);
    }
    return sum;
  };
  for (const root of roots) walk(root.id, new Map());
  const percent = (us: number) => `${((100 * us) / Math.max(1, total)).toFixed(1)}%`;
  const table = (title: string, entries: Map<string, number>, filter: (key: string) => boolean = () => true) => [
    `#### ${title}`,
    '',
    '| share | ms | where |',
    '| ---: | ---: | --- |',
    ...[...entries]
      .filter(([key]) => filter(key))
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([key, us]) => `| ${percent(us)} | ${(us / 1000).toFixed(0)} | \`${key}\` |`),
    '',
  ];
  return [
    `Total sampled: ${(total / 1e6).toFixed(1)} s`,
    '',
    ...table('Self time by file or package', selfByPlace),
    ...table('Self time by function', selfByFunction),
    ...table('Self time by function, our code only', selfByFunction, (key) => isOurs(key)),
    ...table('Inclusive time of our functions', inclusive),
  ].join('\n');
}

if (require.main === module) {
  const [file, top] = process.argv.slice(2);
  if (!file) {
    console.error('Usage: npm run bench:profile-summary -- <file.cpuprofile> [top N]');
    process.exitCode = 2;
  } else {
    console.log(summarizeProfile(JSON.parse(readFileSync(file, 'utf8')) as CpuProfile, Number(top ?? 25)));
  }
}
