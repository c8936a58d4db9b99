import type { ActivityLogged } from '../../events';

/** Minutes an e-mail takes its writer and each of its readers. */
export const EMAIL_WRITE_MINUTES = 5;
export const EMAIL_READ_MINUTES = 2.5;
const MS_PER_DAY = 86_400_000;

/** What one activity adds to the day it happened on, for every subject it counts for. */
export interface ActivityFigures {
  readonly emailsSent: number;
  readonly emailsReceived: number;
  readonly callsMade: number;
  readonly callsReceived: number;
  readonly appointments: number;
  readonly tasks: number;
  readonly minutesByUs: number;
  readonly minutesByThem: number;
  /** A contact made by us: an outgoing e-mail or call, or an appointment (both sides meet). */
  readonly byUs: boolean;
  /** A contact made by them: an incoming e-mail or call, or an appointment. */
  readonly byThem: boolean;
}

/**
 * Counts and minutes of one activity. An activity without a direction counts as ours (we logged it). Minutes:
 * an e-mail takes its writer 5 and each reader 2.5 (readers: the participants on the receiving side, at least
 * one); a call takes its duration on each side; an appointment its duration times the attendees on each side
 * (at least one on each); a task is neither a contact nor time spent with them.
 */
export function activityFigures(data: ActivityLogged['data']): ActivityFigures {
  const incoming = data.direction === 'INCOMING';
  const users = Math.max(1, data.participants.filter((participant) => participant.userId !== null).length);
  const contacts = Math.max(1, data.participants.filter((participant) => participant.contactId !== null).length);
  const duration = data.durationMinutes ?? 0;
  const none = { emailsSent: 0, emailsReceived: 0, callsMade: 0, callsReceived: 0, appointments: 0, tasks: 0 };
  switch (data.type) {
    case 'EMAIL':
      return incoming
        ? {
            ...none,
            emailsReceived: 1,
            minutesByUs: EMAIL_READ_MINUTES * users,
            minutesByThem: EMAIL_WRITE_MINUTES,
            byUs: false,
            byThem: true,
          }
        : {
            ...none,
            emailsSent: 1,
            minutesByUs: EMAIL_WRITE_MINUTES,
            minutesByThem: EMAIL_READ_MINUTES * contacts,
            byUs: true,
            byThem: false,
          };
    case 'PHONE_CALL':
      return incoming
        ? { ...none, callsReceived: 1, minutesByUs: duration, minutesByThem: duration, byUs: false, byThem: true }
        : { ...none, callsMade: 1, minutesByUs: duration, minutesByThem: duration, byUs: true, byThem: false };
    case 'APPOINTMENT':
      return { ...none, appointments: 1, minutesByUs: duration * users, minutesByThem: duration * contacts, byUs: true, byThem: true };
    case 'TASK':
      return { ...none, tasks: 1, minutesByUs: 0, minutesByThem: 0, byUs: false, byThem: false };
  }
}

/** A response time, when `reply` answers `original` from the other side: whose, and how many minutes it took. */
export function responseOf(
  original: { readonly occurredAt: string; readonly direction: string | null },
  reply: { readonly occurredAt: string; readonly direction: string | null },
): { readonly byUs: boolean; readonly minutes: number } | null {
  const originalIncoming = original.direction === 'INCOMING';
  const replyIncoming = reply.direction === 'INCOMING';
  // A follow-up on one's own e-mail is no response.
  if (originalIncoming === replyIncoming) return null;
  const minutes = (Date.parse(reply.occurredAt) - Date.parse(original.occurredAt)) / 60_000;
  if (!(minutes >= 0)) return null;
  return { byUs: originalIncoming, minutes };
}

/** Days since 1970-01-01 (UTC) of an instant. */
export function dayNumberOf(instant: string | Date): number {
  const ms = typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
  return Math.floor(ms / MS_PER_DAY);
}

/** `YYYY-MM-DD` of a day number. */
export function dayOfNumber(dayNumber: number): string {
  return new Date(dayNumber * MS_PER_DAY).toISOString().slice(0, 10);
}
