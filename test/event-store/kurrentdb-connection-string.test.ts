import {
  isKurrentDbUrl,
  kurrentDbConnectionString,
  redactConnectionString,
} from '../../src/event-store/kurrentdb/kurrentdb-connection-string';

describe('KurrentDB connection strings', () => {
  it.each([
    ['kurrentdb://localhost:2113?tls=false', 'kurrentdb://localhost:2113?tls=false'],
    ['esdb://admin:changeit@db:2113?tls=false', 'kurrentdb://admin:changeit@db:2113?tls=false'],
    ['KDB://db:2113', 'kurrentdb://db:2113'],
    ['esdb+discover://cluster.example.com:2113', 'kurrentdb+discover://cluster.example.com:2113'],
    ['  kurrent+discover://a:2113,b:2113  ', 'kurrentdb+discover://a:2113,b:2113'],
  ])('passes %p to the client as %p', (url, connectionString) => {
    expect(isKurrentDbUrl(url)).toBe(true);
    expect(kurrentDbConnectionString(url)).toBe(connectionString);
  });

  it.each(['sqlite:./data/crm.db', 'postgres://db/crm', 'http://localhost:2113', 'localhost:2113'])('refuses %p', (url) => {
    expect(isKurrentDbUrl(url)).toBe(false);
    expect(() => kurrentDbConnectionString(url)).toThrow(/Not a KurrentDB connection string/u);
  });

  it('keeps credentials out of messages', () => {
    expect(redactConnectionString('esdb://admin:changeit@db:2113?tls=false')).toBe('esdb://***@db:2113?tls=false');
    expect(() => kurrentDbConnectionString('pg://admin:changeit@db')).toThrow(/pg:\/\/\*\*\*@db/u);
  });
});
