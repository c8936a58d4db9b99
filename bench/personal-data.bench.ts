import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { SYSTEM_ACTOR_ID } from '../events';
import { openCrm } from '../src/app/open-crm';
import type { CrmCommands } from '../src/commands/crm-commands';
import { bySize, type Benchmark } from './support/benchmark';
import { IN_FLIGHT, freeContactsNeeded, issueCommand, prepareFixture } from './support/command-workload';
import { removeDatabase } from './support/crm-dataset';
import { ratioAtLeast, type ResultRow } from './support/result-table';
import { perSecond, runPool } from './support/timing';

/** The master key the benchmarks encrypt people's data with (any 32 bytes will do). */
export const BENCH_DATA_KEY = Buffer.alloc(32, 42).toString('base64');

/**
 * How many times each side runs. The order alternates, and each side's figure is its median round: on a shared
 * machine a single round is often far off in either direction, and the best round picks those outliers.
 */
const ROUNDS = 6;

/**
 * The write-path cost of crypto-shredding: the same contact commands through the facade (inline projections,
 * 64 in flight, durable commits) with people's data encrypted per person and without.
 */
export const benchmark: Benchmark = {
  name: 'personal-data',
  description: 'createContact / updateContact with personal data encrypted per person (DATA_KEY) vs stored as is',
  async measure(options) {
    const count = bySize(options, { tiny: 100, full: 5_000 });
    const scratch = join(options.dataDir, 'scratch');
    mkdirSync(scratch, { recursive: true });
    const rounds = {
      encrypted: { create: [] as number[], update: [] as number[], mixed: [] as number[] },
      plain: { create: [] as number[], update: [] as number[], mixed: [] as number[] },
    };
    for (let round = 0; round < ROUNDS; round += 1) {
      // Alternating which side goes first, so neither always runs on a warmer (or a more fragmented) disk.
      const sides = round % 2 === 0 ? (['plain', 'encrypted'] as const) : (['encrypted', 'plain'] as const);
      for (const side of sides) {
        const path = join(scratch, `personal-data-${side}-${process.pid}.db`);
        removeDatabase(path);
        const crm = await openCrm({ databaseUrl: `sqlite:${path}`, ...(side === 'encrypted' ? { dataKey: BENCH_DATA_KEY } : {}) });
        try {
          const { result: actor } = await crm
            .commands({ actorId: SYSTEM_ACTOR_ID, source: 'system' })
            .registerUser({ email: 'bench@example.com', name: 'Bench User', roles: ['SALES_MANAGER'] });
          const commands = crm.commands({ actorId: actor.id, source: 'api' });
          const ids: string[] = [];
          const createMs = await runPool(count, 64, async (index) => {
            ids[index] = (await commands.createContact(person(index))).result.id;
          });
          const updateMs = await runPool(count, 64, (index) => update(commands, ids[index]!, index));
          // The commands benchmark's mix (createContact, updateAccount, associateContacts in turn).
          const fixture = await prepareFixture(crm, actor.id, {
            newAccounts: 200,
            freeContacts: freeContactsNeeded('mixed', count),
            seed: options.seed,
          });
          const mixedMs = await runPool(count, IN_FLIGHT, (index) => issueCommand(fixture, 'mixed', index, options.seed));
          rounds[side].create.push(perSecond(count, createMs));
          rounds[side].update.push(perSecond(count, updateMs));
          rounds[side].mixed.push(perSecond(count, mixedMs));
          options.log(
            `personal-data: round ${round + 1} ${side}: create ${Math.round(perSecond(count, createMs))}/s, update ${Math.round(perSecond(count, updateMs))}/s, mix ${Math.round(perSecond(count, mixedMs))}/s`,
          );
        } finally {
          await crm.close();
          removeDatabase(path);
        }
      }
    }
    const rows: ResultRow[] = [
      {
        workload: `the commands benchmark's mix ×${count.toLocaleString('en-US')}, encrypted`,
        ours: { value: median(rounds.encrypted.mixed), unit: 'cmd/s' },
        baseline: { value: median(rounds.plain.mixed), unit: 'cmd/s' },
        target: [ratioAtLeast(0.9, 'cost < 10% (ratio ≥ 0.9)')],
      },
      ...(['create', 'update'] as const).map((kind) => ({
        workload: `${kind === 'create' ? 'createContact' : 'updateContact'} only ×${count.toLocaleString('en-US')}, encrypted (worst case)`,
        ours: { value: median(rounds.encrypted[kind]), unit: 'cmd/s' },
        baseline: { value: median(rounds.plain[kind]), unit: 'cmd/s' },
        target: [],
      })),
    ];
    return {
      title: `personal-data — ${this.description}`,
      baseline: 'the same commands on a CRM opened without DATA_KEY (personal data stored as is), in the same run',
      rows,
      notes: [
        `Median of ${ROUNDS} rounds per side, alternating which side goes first; each contact has first and last name, e-mail, phone and job title (5 encrypted values).`,
        `The mix round by round, cmd/s: plain ${rounds.plain.mixed.map(Math.round).join(', ')}; encrypted ${rounds.encrypted.mixed.map(Math.round).join(', ')}.`,
      ],
    };
  },
};

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function person(index: number) {
  return {
    firstName: `Anna${index}`,
    lastName: `Kowalska${index}`,
    email: `anna.kowalska${index}@example.com`,
    phone: `+48 600 ${String(100000 + index).slice(-6)}`,
    jobTitle: 'Purchasing Manager',
  };
}

function update(commands: CrmCommands, id: string, index: number) {
  return commands.updateContact({ id, phone: `+48 601 ${String(100000 + index).slice(-6)}`, email: `a.k${index}@example.org` });
}
