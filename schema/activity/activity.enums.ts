import { registerEnumType } from 'type-graphql';

export enum ActivityType {
  EMAIL = 'EMAIL',
  PHONE_CALL = 'PHONE_CALL',
  APPOINTMENT = 'APPOINTMENT',
  TASK = 'TASK',
}
registerEnumType(ActivityType, {
  name: 'ActivityType',
  description: 'The kinds of interaction an activity records.',
  valuesConfig: {
    EMAIL: { description: 'An e-mail' },
    PHONE_CALL: { description: 'A phone call' },
    APPOINTMENT: { description: 'A meeting' },
    TASK: { description: 'A piece of work to do' },
  },
});

export enum Direction {
  OUTGOING = 'OUTGOING',
  INCOMING = 'INCOMING',
}
registerEnumType(Direction, {
  name: 'Direction',
  description: 'Who started an interaction.',
  valuesConfig: { OUTGOING: { description: 'We did' }, INCOMING: { description: 'They did' } },
});
