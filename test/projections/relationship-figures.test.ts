import type { ActivityLogged } from '../../events';
import { activityFigures, responseOf } from '../../projections/relationship/activity-figures';
import { connectionStrength, rankConnections } from '../../projections/relationship/connection-strength';
import { DEFAULT_HEALTH_SETTINGS, healthSettingsFrom, levelOf, trendOf } from '../../projections/relationship/health-score';

const activity = (overrides: Partial<ActivityLogged['data']>): ActivityLogged['data'] => ({
  activityId: 'a',
  ownerId: 'u',
  type: 'EMAIL',
  subject: 's',
  description: null,
  direction: 'OUTGOING',
  occurredAt: '2026-03-01T10:00:00.000Z',
  durationMinutes: null,
  regardingAccountId: null,
  regardingContactId: null,
  regardingOpportunityId: null,
  participants: [],
  inReplyToActivityId: null,
  ...overrides,
});
const contacts = (n: number) => Array.from({ length: n }, (_, i) => ({ userId: null, contactId: `c${i}` }));
const users = (n: number) => Array.from({ length: n }, (_, i) => ({ userId: `u${i}`, contactId: null }));

describe('what one activity adds', () => {
  it.each([
    [
      'an e-mail we send to two',
      { participants: contacts(2) },
      { emailsSent: 1, minutesByUs: 5, minutesByThem: 5, byUs: true, byThem: false },
    ],
    [
      'an e-mail two of us read',
      { direction: 'INCOMING' as const, participants: users(2) },
      { emailsReceived: 1, minutesByUs: 5, minutesByThem: 5 },
    ],
    ['an e-mail without a direction (ours)', { direction: null }, { emailsSent: 1, minutesByUs: 5, minutesByThem: 2.5 }],
    [
      'a call they make',
      { type: 'PHONE_CALL' as const, direction: 'INCOMING' as const, durationMinutes: 12 },
      { callsReceived: 1, minutesByUs: 12, minutesByThem: 12 },
    ],
    [
      'an appointment of 2 users and 3 contacts',
      { type: 'APPOINTMENT' as const, durationMinutes: 30, participants: [...users(2), ...contacts(3)] },
      { appointments: 1, minutesByUs: 60, minutesByThem: 90, byUs: true, byThem: true },
    ],
    ['a task', { type: 'TASK' as const, durationMinutes: 30 }, { tasks: 1, minutesByUs: 0, minutesByThem: 0, byUs: false, byThem: false }],
  ])('%s', (_name, overrides, expected) => {
    expect(activityFigures(activity(overrides))).toMatchObject(expected);
  });
});

describe('response times', () => {
  const at = (occurredAt: string, direction: 'INCOMING' | 'OUTGOING' | null) => ({ occurredAt, direction });

  it('measures our reply to their e-mail', () => {
    expect(responseOf(at('2026-03-01T10:00:00Z', 'INCOMING'), at('2026-03-01T10:45:00Z', 'OUTGOING'))).toEqual({ byUs: true, minutes: 45 });
  });

  it('measures their reply to our e-mail', () => {
    expect(responseOf(at('2026-03-01T10:00:00Z', null), at('2026-03-02T10:00:00Z', 'INCOMING'))).toEqual({ byUs: false, minutes: 1440 });
  });

  it('ignores a follow-up on one’s own e-mail and a reply dated before the original', () => {
    expect(responseOf(at('2026-03-01T10:00:00Z', 'OUTGOING'), at('2026-03-01T11:00:00Z', 'OUTGOING'))).toBeNull();
    expect(responseOf(at('2026-03-01T10:00:00Z', 'INCOMING'), at('2026-03-01T09:00:00Z', 'OUTGOING'))).toBeNull();
  });
});

describe('connection strength', () => {
  const now = new Date('2026-03-31T00:00:00Z');

  it('adds interactions (50 at 10), recency (30, fading over 180 days) and two-way balance (20)', () => {
    expect(connectionStrength({ interactions: 10, fromUs: 5, fromThem: 5, lastInteractionAt: '2026-03-31T00:00:00Z' }, now)).toBe(100);
    expect(connectionStrength({ interactions: 4, fromUs: 4, fromThem: 0, lastInteractionAt: '2026-01-30T00:00:00Z' }, now)).toBe(20 + 20);
  });

  it('ranks a frequent recent correspondent above an old one', () => {
    const ranked = rankConnections(
      [
        { contactId: 'c', userId: 'old', interactions: 8, fromUs: 4, fromThem: 4, lastInteractionAt: '2025-01-01T00:00:00Z' },
        { contactId: 'c', userId: 'recent', interactions: 8, fromUs: 4, fromThem: 4, lastInteractionAt: '2026-03-29T00:00:00Z' },
      ],
      now,
      5,
    );
    expect(ranked.map((connection) => connection.userId)).toEqual(['recent', 'old']);
  });
});

describe('health settings and levels', () => {
  it('reads weights and thresholds from the environment', () => {
    const settings = healthSettingsFrom({ HEALTH_WEIGHT_PHONE_CALL: '3', HEALTH_LEVEL_GOOD: '70', HEALTH_LEVEL_FAIR: '50' });
    expect(settings.weights).toEqual({ email: 1, phoneCall: 3, appointment: 4 });
    expect([levelOf(70, settings), levelOf(69, settings), levelOf(49, settings)]).toEqual(['GOOD', 'FAIR', 'POOR']);
  });

  it.each([
    ['HEALTH_WEIGHT_EMAIL', '-1'],
    ['HEALTH_SILENCE_DAYS', '120'],
    ['HEALTH_LEVEL_FAIR', '80'],
  ])('refuses %s=%s', (name, value) => {
    expect(() => healthSettingsFrom({ [name]: value })).toThrow(/HEALTH_/u);
  });

  it('levels GOOD from 60, FAIR from 40 by default', () => {
    expect([60, 59, 40, 39].map((score) => levelOf(score, DEFAULT_HEALTH_SETTINGS))).toEqual(['GOOD', 'FAIR', 'FAIR', 'POOR']);
  });

  it.each([
    [10, 5, 'IMPROVING'],
    [5, 0, 'IMPROVING'],
    [11, 10, 'STEADY'],
    [0, 0, 'STEADY'],
    [5, 10, 'DECLINING'],
  ] as const)('calls %d weighted points after %d a trend %s', (recent, previous, trend) => {
    expect(trendOf(recent, previous)).toBe(trend);
  });
});
