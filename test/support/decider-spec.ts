import type { Decider } from '../../src/domain/decider';
import { fold } from '../../src/domain/decider';

/**
 * Given/when/then for deciders:
 * `spec.given([created]).when(command).then([expectedEvent])` or `.thenThrows(RecordInactiveError)`.
 */
export function deciderSpec<Command, State, Event>(decider: Decider<Command, State, Event>) {
  return {
    given(events: readonly Event[]) {
      return {
        when(command: Command) {
          const run = () => decider.decide(command, fold(decider, events));
          return {
            then(expected: readonly Event[]): void {
              expect(run()).toEqual(expected);
            },
            thenThrows(errorType: abstract new (...args: never[]) => Error, details?: Record<string, unknown>): void {
              let thrown: unknown;
              try {
                run();
              } catch (error) {
                thrown = error;
              }
              expect(thrown).toBeInstanceOf(errorType);
              if (details) expect(thrown).toMatchObject(details);
            },
            /** The events, for assertions beyond equality. */
            events: (): Event[] => run(),
          };
        },
      };
    },
  };
}
