/** Stream naming: one stream per record, `<kind>-<id>`. */
export const streamIds = {
  account: (id: string) => `account-${id}`,
  contact: (id: string) => `contact-${id}`,
  user: (id: string) => `user-${id}`,
  /** One stream per e-mail address (lower-cased), used to keep user e-mails unique. */
  userEmail: (email: string) => `useremail-${email.toLowerCase()}`,
  opportunity: (id: string) => `opportunity-${id}`,
  quote: (id: string) => `quote-${id}`,
  invoice: (id: string) => `invoice-${id}`,
  activity: (id: string) => `activity-${id}`,
  importJob: (id: string) => `importjob-${id}`,
  /** The one stream that allocates quote numbers (QUO-00001, …) in order, so no two quotes share one. */
  quoteNumbers: () => 'numbers-quote',
  /** The one stream that allocates invoice numbers (INV-00001, …). */
  invoiceNumbers: () => 'numbers-invoice',
} as const;

export type StreamKind = keyof typeof streamIds;

/** The record kind and id a stream belongs to, or null for a stream that is not a record's. */
export function recordOfStream(streamId: string): { kind: 'account' | 'contact' | 'user'; id: string } | null {
  const dash = streamId.indexOf('-');
  if (dash < 0) return null;
  const kind = streamId.slice(0, dash);
  const id = streamId.slice(dash + 1);
  return kind === 'account' || kind === 'contact' || kind === 'user' ? { kind, id } : null;
}
