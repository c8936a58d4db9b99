import { Field, Int, ObjectType } from 'type-graphql';
import type { ActivityParticipantRow, ActivityRow } from '../../projections/activity/activity.queries';
import { connectionOf } from '../common/connection';
import { Node } from '../node/node.interface';
import { ActivityType, Direction } from './activity.enums';

@ObjectType({ simpleResolvers: true, description: 'One person who took part in an activity: a user or a contact.' })
export class ActivityParticipant {
  userId!: string | null;
  contactId!: string | null;

  static fromRow(this: void, row: ActivityParticipantRow): ActivityParticipant {
    return Object.assign(new ActivityParticipant(), { userId: row.user_id, contactId: row.contact_id });
  }
}

@ObjectType({
  implements: Node,
  simpleResolvers: true,
  description: 'An interaction: an e-mail, a phone call, an appointment or a task, regarding an account, a contact or an opportunity.',
})
export class Activity extends Node {
  @Field(() => ActivityType, { description: 'What kind of interaction it was.' })
  type!: ActivityType;

  @Field(() => String, { description: 'What it was about (reads "[erased]" once the contact it regards was erased).' })
  subject!: string;

  @Field(() => String, { nullable: true, description: 'Notes, the body of an e-mail, the minutes of a meeting.' })
  description!: string | null;

  @Field(() => Direction, { nullable: true, description: 'Who started it: we (OUTGOING) or they (INCOMING).' })
  direction!: Direction | null;

  @Field(() => Date, { description: 'When it happened (or is scheduled to).' })
  occurredAt!: Date;

  @Field(() => Int, { nullable: true, description: 'How long it took, in minutes.' })
  durationMinutes!: number | null;

  @Field(() => Date, { description: 'When the activity was logged.' })
  createdAt!: Date;

  @Field(() => Int, { description: 'How many changes the activity has had.' })
  version!: number;

  regardingAccountId!: string | null;
  regardingContactId!: string | null;
  regardingOpportunityId!: string | null;
  inReplyToActivityId!: string | null;
  ownerId!: string;

  static fromRow(this: void, row: ActivityRow): Activity {
    return Object.assign(new Activity(), {
      id: row.id,
      type: row.type as ActivityType,
      subject: row.subject,
      description: row.description,
      direction: row.direction as Direction | null,
      occurredAt: new Date(row.occurred_at),
      durationMinutes: row.duration_minutes === null ? null : Number(row.duration_minutes),
      createdAt: new Date(row.created_at),
      version: Number(row.version),
      regardingAccountId: row.regarding_account_id,
      regardingContactId: row.regarding_contact_id,
      regardingOpportunityId: row.regarding_opportunity_id,
      inReplyToActivityId: row.in_reply_to_activity_id,
      ownerId: row.owner_id,
    });
  }
}

export const {
  Connection: ActivityConnection,
  Edge: ActivityEdge,
  ConnectionResolver: ActivityConnectionResolver,
} = connectionOf('Activity', Activity);

@ObjectType({ simpleResolvers: true, description: 'The activity after a change, and the position of the change in the event log.' })
export class ActivityPayload {
  @Field(() => Activity, { description: 'The activity as the read models now show it.' })
  activity!: Activity;

  @Field(() => String, { description: 'The global position of the last event written (read models include it).' })
  position!: string;
}
