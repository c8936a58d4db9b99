import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { Health } from '../../projections/relationship/health-score';
import type { DailyActivityFigures, RelationshipFigures } from '../../projections/relationship/relationship.queries';
import type { RelationshipSubjectType } from '../../projections/relationship/relationship.table';
import { User } from '../user/user.type';

export enum HealthLevel {
  GOOD = 'GOOD',
  FAIR = 'FAIR',
  POOR = 'POOR',
}
registerEnumType(HealthLevel, {
  name: 'HealthLevel',
  description: 'The health score in words (thresholds configurable; see docs/analytics.md).',
  valuesConfig: { GOOD: { description: 'A score of 60 or more' }, FAIR: { description: '40 to 59' }, POOR: { description: 'Below 40' } },
});

export enum Trend {
  IMPROVING = 'IMPROVING',
  STEADY = 'STEADY',
  DECLINING = 'DECLINING',
}
registerEnumType(Trend, {
  name: 'Trend',
  description: 'Weighted activity of the last 30 days against the 30 days before.',
  valuesConfig: {
    IMPROVING: { description: 'More than 25% up' },
    STEADY: { description: 'Within 25% either way' },
    DECLINING: { description: 'More than 25% down' },
  },
});

@ObjectType({ simpleResolvers: true, description: 'The interactions of one UTC day.' })
export class DailyActivity {
  @Field(() => String, { description: 'YYYY-MM-DD (UTC).' }) date!: string;
  @Field(() => Int, { description: 'Sent and received.' }) emails!: number;
  @Field(() => Int, { description: 'Made and received.' }) phoneCalls!: number;
  @Field(() => Int) appointments!: number;

  static from(this: void, figures: DailyActivityFigures): DailyActivity {
    return Object.assign(new DailyActivity(), figures);
  }
}

@ObjectType({ simpleResolvers: true, description: 'What raised (positive impact) or lowered (negative) a health score, in points.' })
export class HealthFactor {
  @Field(() => String) name!: string;
  @Field(() => Float) impact!: number;
}

@ObjectType({
  description:
    'How a relationship is going, from the activities regarding the account or contact (and naming its contacts). ' +
    'Counts and minutes are all-time up to today (UTC); the score is computed as of the request. See docs/analytics.md.',
})
export class RelationshipInsights {
  @Field(() => Int, { nullable: true, description: '0–100; null when there never was an e-mail, call or appointment.' })
  healthScore!: number | null;

  @Field(() => HealthLevel, { nullable: true })
  healthLevel!: HealthLevel | null;

  @Field(() => Trend, { nullable: true })
  trend!: Trend | null;

  @Field(() => Date, { nullable: true, description: 'The latest outgoing e-mail or call, or appointment, up to now.' })
  lastContactedByUs!: Date | null;

  @Field(() => Date, { nullable: true, description: 'The latest incoming e-mail or call, or appointment, up to now.' })
  lastContactedByThem!: Date | null;

  @Field(() => Date, { nullable: true, description: 'The earliest appointment or task after now.' })
  nextInteraction!: Date | null;

  @Field(() => Int) emailsSent!: number;
  @Field(() => Int) emailsReceived!: number;
  @Field(() => Int) phoneCallsMade!: number;
  @Field(() => Int) phoneCallsReceived!: number;
  @Field(() => Int) appointments!: number;

  @Field(() => Float, {
    description: 'E-mails 5 min to write and 2.5 to read per reader, calls their duration, appointments duration × our attendees.',
  })
  timeSpentByUsMinutes!: number;

  @Field(() => Float, { description: 'The same, on their side.' })
  timeSpentByThemMinutes!: number;

  @Field(() => Float, { nullable: true, description: 'Average minutes between their e-mail and our reply to it; null without replies.' })
  averageResponseMinutesByUs!: number | null;

  @Field(() => Float, { nullable: true, description: 'Average minutes between our e-mail and their reply to it; null without replies.' })
  averageResponseMinutesByThem!: number | null;

  @Field(() => [HealthFactor], { description: 'What raised and lowered the score, largest impact first.' })
  factors!: HealthFactor[];

  /** Whose relationship this is: the breakdown is loaded for it on demand. */
  subjectType!: RelationshipSubjectType;
  subjectId!: string;

  static from(subjectType: RelationshipSubjectType, subjectId: string, figures: RelationshipFigures, health: Health): RelationshipInsights {
    const date = (instant: string | null) => (instant === null ? null : new Date(instant));
    return Object.assign(new RelationshipInsights(), {
      subjectType,
      subjectId,
      healthScore: health.score,
      healthLevel: health.level as HealthLevel | null,
      trend: health.trend as Trend | null,
      lastContactedByUs: date(figures.lastContactedByUs),
      lastContactedByThem: date(figures.lastContactedByThem),
      nextInteraction: date(figures.nextInteraction),
      emailsSent: figures.emailsSent,
      emailsReceived: figures.emailsReceived,
      phoneCallsMade: figures.phoneCallsMade,
      phoneCallsReceived: figures.phoneCallsReceived,
      appointments: figures.appointments,
      timeSpentByUsMinutes: figures.timeSpentByUsMinutes,
      timeSpentByThemMinutes: figures.timeSpentByThemMinutes,
      averageResponseMinutesByUs: figures.averageResponseMinutesByUs,
      averageResponseMinutesByThem: figures.averageResponseMinutesByThem,
      factors: health.factors.map((factor) => Object.assign(new HealthFactor(), factor)),
    });
  }
}

@ObjectType({ simpleResolvers: true, description: 'A colleague who knows a contact, and how well (who knows whom).' })
export class Introduction {
  @Field(() => User) user!: User;

  @Field(() => Float, { description: '0–100: interactions, recency and two-way exchanges (see docs/analytics.md).' })
  strength!: number;

  @Field(() => Int, { description: 'E-mails, calls and appointments with the contact.' })
  interactions!: number;

  @Field(() => Date, { nullable: true })
  lastInteractionAt!: Date | null;
}
