import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import type { JsonValue } from '../../events';
import type { HistoryEntry as Entry } from '../../src/history/history-service';
import { connectionOf } from '../common/connection';
import { RecordType } from '../common/enums';
import { JSONScalar } from '../common/scalars';
import { User } from '../user/user.type';

@ObjectType({ simpleResolvers: true, description: "One field's change made by one event." })
export class FieldChange {
  @Field(() => String, { description: 'The field, e.g. `name` or `address.city`.' })
  field!: string;

  @Field(() => JSONScalar, { nullable: true, description: 'The value before (null: unset, or erased).' })
  from!: JsonValue;

  @Field(() => JSONScalar, { nullable: true, description: 'The value after (null: cleared, or erased).' })
  to!: JsonValue;

  @Field(() => Boolean, { description: "True when the values were a person's data that has since been erased: they read as null." })
  erased!: boolean;
}

@ObjectType({ simpleResolvers: true, description: "One event of a record's history." })
export class HistoryEntry {
  @Field(() => String, { description: 'The global position of the event in the log.' })
  position!: string;

  @Field(() => RecordType)
  recordType!: RecordType;

  @Field(() => ID)
  recordId!: string;

  @Field(() => Int, { description: 'The record’s version after this event.' })
  version!: number;

  @Field(() => String, { description: 'What happened, e.g. AccountUpdated.' })
  eventType!: string;

  @Field(() => Date, { description: 'When it was recorded.' })
  occurredAt!: Date;

  @Field(() => User, { nullable: true, description: 'Who did it (null for the system).' })
  actor!: User | null;

  @Field(() => String, { nullable: true, description: 'The command that decided it; events of one command share it.' })
  commandId!: string | null;

  @Field(() => String, { description: 'Where it came from: api, import, cli or system.' })
  source!: string;

  @Field(() => [FieldChange], { description: 'The fields it changed, before and after (creation: every field set).' })
  changes!: FieldChange[];

  @Field(() => JSONScalar, { description: 'The event’s payload as recorded (erased personal data as null).' })
  data!: JsonValue;

  @Field(() => [String], { description: 'The payload fields whose values were erased.' })
  erasedFields!: string[];

  actorId!: string;

  static from(this: void, entry: Entry): HistoryEntry {
    const { event } = entry;
    return Object.assign(new HistoryEntry(), {
      position: String(event.globalPosition),
      recordType: entry.recordType as RecordType,
      recordId: entry.recordId,
      version: event.streamVersion,
      eventType: event.type,
      occurredAt: new Date(event.recordedAt),
      actor: null,
      actorId: event.metadata.actorId,
      commandId: event.metadata.commandId,
      source: event.metadata.source,
      changes: entry.changes.map((change) => Object.assign(new FieldChange(), change)),
      data: entry.data,
      erasedFields: [...(event.erasedFields ?? [])],
    });
  }
}

export const {
  Connection: HistoryConnection,
  Edge: HistoryEdge,
  ConnectionResolver: HistoryConnectionResolver,
} = connectionOf('History', HistoryEntry);

@InputType({ description: 'Which events the audit log lists; every part optional.' })
export class AuditLogFilter {
  @Field(() => ID, { nullable: true, description: 'Only what this user did.' })
  actorId?: string | null;

  @Field(() => RecordType, { nullable: true })
  recordType?: RecordType | null;

  @Field(() => ID, { nullable: true })
  recordId?: string | null;

  @Field(() => Date, { nullable: true, description: 'From this instant (inclusive).' })
  from?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Until this instant (inclusive).' })
  to?: Date | null;
}

@ObjectType({ simpleResolvers: true, description: 'The result of walking the hash chain over every event.' })
export class AuditTrailReport {
  @Field(() => Boolean, { description: 'True when every event follows from its predecessor: nothing was altered or removed.' })
  ok!: boolean;

  @Field(() => Int)
  eventsChecked!: number;

  @Field(() => String, {
    nullable: true,
    description: 'The position of the first event whose hash does not follow: it was altered, or the event before it was removed.',
  })
  firstBrokenPosition!: string | null;
}
