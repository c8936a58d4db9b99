import type { Crm } from '../../app/open-crm';
import { CommandHandler, type CommandContext } from '../../commands/command-handler';
import { CrmCommands } from '../../commands/crm-commands';
import { StateCache } from '../../commands/state-cache';
import type { AppendRequest, EventStore } from '../../event-store/event-store';

/** A command of a dry run got as far as appending: it would have written these events. */
export class DryRunAppend extends Error {
  override readonly name = 'DryRunAppend';
  constructor(readonly request: AppendRequest) {
    super('dry run: nothing is written');
  }
}

/**
 * The CRM's commands that decide exactly as the real ones do (same loads, privileges, validation) but never
 * write: where they would append they throw `DryRunAppend`. Their cache is their own, so nothing a dry run
 * decides is ever mistaken for state.
 */
export function dryRunCommands(crm: Crm, context: CommandContext): CrmCommands {
  const store = new Proxy(crm.store, {
    get(target, property, receiver) {
      if (property === 'append') return (request: AppendRequest) => Promise.reject(new DryRunAppend(request));
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  }) satisfies EventStore;
  const handler = new CommandHandler(store, { clock: crm.clock, ids: crm.handler.ids, cache: new StateCache(1000) });
  return new CrmCommands(handler, context);
}
