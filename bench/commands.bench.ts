import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { SYSTEM_ACTOR_ID } from '../events';
import { openCrm } from '../src/app/open-crm';
import { BENCH_DATA_KEY } from './personal-data.bench';
import { bySize, type Benchmark } from './support/benchmark';
import { COMMAND_KINDS, IN_FLIGHT, freeContactsNeeded, issueCommand, prepareFixture, type CommandKind } from './support/command-workload';
import { removeDatabase } from './support/crm-dataset';
import { insertRowsOnePerTransaction, readEventRows } from './support/raw-sqlite';
import { atLeast, type ResultRow } from './support/result-table';
import { perSecond, runPool } from './support/timing';

const TARGET_COMMANDS_PER_SECOND = 20_000;

/**
 * Commands through the facade with inline projections and durable commits, 64 outstanding, against raw
 * single-row transactions inserting the very rows those commands wrote.
 */
export const benchmark: Benchmark = {
  name: 'commands',
  description:
    'createContact / updateAccount / associateContacts through crm.commands(), inline projections, 64 in flight, synchronous=FULL',
  async measure(options) {
    const count = bySize(options, { tiny: 150, full: 10_000 });
    const accounts = bySize(options, { tiny: 20, full: 2_000 });
    const baselineRows = bySize(options, { tiny: 100, full: 5_000 });
    const scratch = join(options.dataDir, 'scratch');
    mkdirSync(scratch, { recursive: true });
    const path = join(scratch, `commands-${process.pid}.db`);
    const rawPath = join(scratch, `commands-raw-${process.pid}.db`);
    removeDatabase(path);
    removeDatabase(rawPath);
    // As in production: people's data encrypted with their own keys.
    const crm = await openCrm({ databaseUrl: `sqlite:${path}`, dataKey: BENCH_DATA_KEY });
    const rows: ResultRow[] = [];
    const eventsPerCommand: string[] = [];
    try {
      const { result: actor } = await crm
        .commands({ actorId: SYSTEM_ACTOR_ID, source: 'system' })
        .registerUser({ email: 'bench@example.com', name: 'Bench User', roles: ['SALES_MANAGER'] });
      const phases: (CommandKind | 'mixed')[] = [...COMMAND_KINDS, 'mixed'];
      const freeContacts = phases.reduce((sum, kind) => sum + freeContactsNeeded(kind, count), 0);
      options.log(`commands: creating ${accounts} accounts and ${freeContacts} unlinked contacts (untimed)`);
      const fixture = await prepareFixture(crm, actor.id, { newAccounts: accounts, freeContacts, seed: options.seed });
      for (const [phase, kind] of phases.entries()) {
        const before = await crm.store.headPosition();
        const ms = await runPool(count, IN_FLIGHT, (index) => issueCommand(fixture, kind, phase * count + index, options.seed));
        const after = await crm.store.headPosition();
        const written = readEventRows(path, before, baselineRows);
        const rawMs = insertRowsOnePerTransaction(rawPath, written);
        const ours = perSecond(count, ms);
        options.log(`commands: ${kind} ${Math.round(ours)} cmd/s; raw ${Math.round(perSecond(written.length, rawMs))} rows/s`);
        eventsPerCommand.push(`${kind} ${((after - before) / count).toFixed(2)}`);
        rows.push({
          workload: `${kind === 'mixed' ? 'mixed (⅓ each)' : kind} ×${count.toLocaleString('en-US')}`,
          ours: { value: ours, unit: 'cmd/s' },
          baseline: { value: perSecond(written.length, rawMs), unit: 'rows/s' },
          target: [atLeast(TARGET_COMMANDS_PER_SECOND, 'cmd/s')],
        });
      }
    } finally {
      await crm.close();
      removeDatabase(path);
      removeDatabase(rawPath);
    }
    return {
      title: `commands — ${this.description}`,
      baseline: `raw better-sqlite3, one BEGIN IMMEDIATE/INSERT/COMMIT per row into a table like ours (WAL, synchronous=FULL), inserting the first ${baselineRows.toLocaleString('en-US')} rows that phase wrote`,
      rows,
      notes: [
        `${IN_FLIGHT} commands in flight; fresh database with ${accounts.toLocaleString('en-US')} accounts; createContact links 70% to an account; associateContacts links 2 contacts.`,
        `Events per command: ${eventsPerCommand.join(', ')}.`,
      ],
    };
  },
};
