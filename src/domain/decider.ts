/**
 * An aggregate's rules: `decide` turns a command and the current state into new events (or throws a
 * `DomainError`), `evolve` folds one event into the state. Both are pure.
 */
export interface Decider<Command, State, Event> {
  decide(command: Command, state: State): Event[];
  evolve(state: State, event: Event): State;
  readonly initialState: State;
}

/** Folds events into a state from the decider's initial state. */
export function fold<State, Event>(
  decider: Pick<Decider<never, State, Event>, 'evolve' | 'initialState'>,
  events: readonly Event[],
): State {
  return events.reduce(decider.evolve, decider.initialState);
}
