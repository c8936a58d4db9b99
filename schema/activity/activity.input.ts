import { Field, ID, InputType, Int } from 'type-graphql';
import { ActivityType, Direction } from './activity.enums';

@InputType({ description: 'One participant: a user or a contact (exactly one of the two).' })
export class ParticipantInput {
  @Field(() => ID, { nullable: true, description: 'A user of the CRM.' }) userId?: string | null;
  @Field(() => ID, { nullable: true, description: 'A contact (an inactive one may take part too).' }) contactId?: string | null;
}

@InputType({ description: 'An interaction to record; the caller owns it. What it regards must be active.' })
export class LogActivityInput {
  @Field(() => ActivityType, { description: 'E-mail, phone call, appointment or task.' }) type!: ActivityType;
  @Field(() => String, { description: 'Trimmed; 1 to 200 characters.' }) subject!: string;
  @Field(() => String, { nullable: true, description: 'Notes or the body; at most 2000 characters.' }) description?: string | null;
  @Field(() => Direction, { nullable: true, description: 'Who started it.' }) direction?: Direction | null;
  @Field(() => Date, { description: 'When it happened (or is scheduled to).' }) occurredAt!: Date;
  @Field(() => Int, { nullable: true, description: 'How long it took, 0 to 10080 minutes (a week).' }) durationMinutes?: number | null;
  @Field(() => ID, { nullable: true, description: 'An active account it regards.' }) regardingAccountId?: string | null;
  @Field(() => ID, { nullable: true, description: 'An active contact it regards.' }) regardingContactId?: string | null;
  @Field(() => ID, { nullable: true, description: 'An opportunity it regards (its account and contact must be active).' })
  regardingOpportunityId?: string | null;
  @Field(() => [ParticipantInput], { nullable: true, description: 'Who took part: users and contacts, at most 100.' })
  participants?: ParticipantInput[] | null;
  @Field(() => ID, { nullable: true, description: 'The e-mail this e-mail answers (e-mail threads).' }) inReplyToActivityId?: string | null;
  @Field(() => String, { nullable: true, description: 'Retrying with the same key returns the first result and changes nothing.' })
  idempotencyKey?: string | null;
}
