/** A record a command points to, by id, with the state its rules need (the command handler loads it). */
export interface RecordRef<State> {
  readonly id: string;
  readonly state: State;
}
