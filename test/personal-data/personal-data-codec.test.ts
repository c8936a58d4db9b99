import { createCipheriv, randomBytes } from 'node:crypto';
import type { CrmEvent } from '../../events';
import { DataKeyCache } from '../../src/event-store/personal-data/data-key-cache';
import { decryptValue, encryptValue, isEncrypted, keyIdOf, type DataKey } from '../../src/event-store/personal-data/field-cipher';
import { MasterKey, MasterKeyMismatchError } from '../../src/event-store/personal-data/master-key';
import { PERSONAL_PART, decodeData, encodeData } from '../../src/event-store/personal-data/personal-data-codec';
import { PersonalDataVault, type DataKeyRows, type StoredDataKey } from '../../src/event-store/personal-data/personal-data-vault';
import { contactCreated, CONTACT, accountCreated } from '../support/event-builders';

const key: DataKey = { id: 'k-1', key: Buffer.alloc(32, 1) };
const otherKey: DataKey = { id: 'k-2', key: Buffer.alloc(32, 2) };

function memoryKeyRows(): DataKeyRows & { stored: StoredDataKey[] } {
  const stored: StoredDataKey[] = [];
  return {
    stored,
    currentFor: (subjects) => Promise.resolve(stored.filter((row) => subjects.includes(row.subject))),
    byIds: (ids) => Promise.resolve(stored.filter((row) => ids.includes(row.keyId))),
    insert: (row) => {
      stored.push(row);
      return Promise.resolve();
    },
    destroy: (subjects) => {
      const before = stored.length;
      stored.splice(0, stored.length, ...stored.filter((row) => !subjects.includes(row.subject)));
      return Promise.resolve(before - stored.length);
    },
    anyMasterKeyId: () => Promise.resolve(stored[0]?.masterKeyId),
  };
}

describe('encrypting personal fields', () => {
  it('round-trips a value, with a fresh IV each time', () => {
    const first = encryptValue(key, 'ewa@example.org');
    const second = encryptValue(key, 'ewa@example.org');
    expect(first).not.toBe(second);
    expect(isEncrypted(first)).toBe(true);
    expect(keyIdOf(first)).toBe('k-1');
    expect(decryptValue(key, first)).toBe('ewa@example.org');
    expect(decryptValue(key, encryptValue(key, { city: 'Łódź' }))).toEqual({ city: 'Łódź' });
  });

  it('refuses another key and an altered value', () => {
    const sealed = encryptValue(key, 'secret');
    expect(() => decryptValue(otherKey, sealed)).toThrow();
    const altered = `${sealed.slice(0, -4)}AAAA`;
    expect(() => decryptValue(key, altered)).toThrow();
  });

  it('encrypts the non-null personal fields of a contact event together, naming them, and nothing else', () => {
    const event = contactCreated({ email: 'ewa@example.org', phone: null });
    const stored = JSON.parse(encodeData(event, () => key)) as Record<string, unknown>;
    expect(stored.contactId).toBe(CONTACT);
    expect(stored.firstName).toBeUndefined();
    expect(stored.phone).toBeNull();
    const part = stored[PERSONAL_PART] as { fields: string[]; value: string };
    expect([...part.fields].sort()).toEqual(['email', 'firstName', 'lastName']);
    expect(isEncrypted(part.value)).toBe(true);
    expect(JSON.stringify(stored)).not.toContain('ewa@example.org');
    expect(JSON.stringify(stored)).not.toContain('Kowalski');
    const account: CrmEvent = accountCreated({ email: 'office@contoso.com' });
    expect(encodeData(account, () => key)).toBe(JSON.stringify(account.data));
  });

  it('reads the fields of a destroyed key as erased, and says which', () => {
    const stored = JSON.parse(encodeData(contactCreated({ email: 'ewa@example.org', jobTitle: 'CEO' }), () => key)) as Record<
      string,
      never
    >;
    expect(decodeData('ContactCreated', stored, () => key).data).toMatchObject({
      firstName: 'Jan',
      email: 'ewa@example.org',
      jobTitle: 'CEO',
    });
    const erased = decodeData('ContactCreated', stored, () => undefined);
    expect(erased.data).toMatchObject({
      contactId: CONTACT,
      firstName: '',
      lastName: '[erased]',
      email: null,
      jobTitle: null,
      phone: null,
    });
    expect([...erased.erasedFields].sort()).toEqual(['email', 'firstName', 'jobTitle', 'lastName']);
  });
});

describe('the master key', () => {
  it('wraps and unwraps data keys, and names itself by a fingerprint', () => {
    const master = MasterKey.generate();
    expect(master.unwrap(master.wrap(key.key)).equals(key.key)).toBe(true);
    expect(MasterKey.fromBase64(master.toBase64()).id).toBe(master.id);
    expect(() => MasterKey.fromBase64('c2hvcnQ=')).toThrow(/32 bytes/u);
  });

  it('wraps every key from its keystream at a counter of its own, each unwrapping alone', () => {
    const master = MasterKey.generate();
    const keys = Array.from({ length: 300 }, () => randomBytes(32));
    const wrapped = keys.map((dataKey) => master.wrap(dataKey));
    // Two 16-byte blocks per key: each key starts two counter blocks after the one before.
    const counters = wrapped.map((text) => BigInt(`0x${Buffer.from(text.slice('ctr:'.length), 'base64').subarray(0, 16).toString('hex')}`));
    const mod = 1n << 128n;
    expect(counters.slice(1).every((counter, index) => (counter - counters[index]! + mod) % mod === 2n)).toBe(true);
    // Unwrapped in another order and by another instance of the same master key (another process).
    const elsewhere = MasterKey.fromBase64(master.toBase64());
    for (const index of [299, 0, 150, 1]) expect(elsewhere.unwrap(wrapped[index]!).equals(keys[index]!)).toBe(true);
  });

  it('unwraps keys wrapped before the keystream (AES-256-GCM)', () => {
    const secret = randomBytes(32);
    const dataKey = randomBytes(32);
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', secret, iv);
    const sealed = Buffer.concat([cipher.update(dataKey), cipher.final()]);
    const legacy = Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64');
    expect(new MasterKey(secret).unwrap(legacy).equals(dataKey)).toBe(true);
  });

  it('turns an altered wrapped key into a key that decrypts nothing', () => {
    const master = MasterKey.generate();
    const wrapped = master.wrap(key.key);
    const bytes = Buffer.from(wrapped.slice('ctr:'.length), 'base64');
    bytes[20]! ^= 1;
    const altered = master.unwrap(`ctr:${bytes.toString('base64')}`);
    expect(altered.equals(key.key)).toBe(false);
    const sealed = encryptValue(key, 'anna@example.com');
    expect(() => decryptValue({ id: key.id, key: altered }, sealed)).toThrow();
  });

  it('refuses to start with another master key than the stored keys were wrapped with', async () => {
    const rows = memoryKeyRows();
    await new PersonalDataVault(MasterKey.generate()).keysForWrite([contactCreated()], rows, 'now');
    await expect(new PersonalDataVault(MasterKey.generate()).checkMasterKey(rows)).rejects.toBeInstanceOf(MasterKeyMismatchError);
  });

  it('refuses keys wrapped by another master key, clearly', async () => {
    const rows = memoryKeyRows();
    const writer = new PersonalDataVault(MasterKey.generate());
    await writer.keysForWrite([contactCreated()], rows, '2026-01-01T00:00:00.000Z');
    const stranger = new PersonalDataVault(MasterKey.generate(), new DataKeyCache());
    await expect(
      stranger.keysForRead(
        [{ [PERSONAL_PART]: { fields: ['firstName'], value: encryptValue({ id: rows.stored[0]!.keyId, key: key.key }, 'x') } }],
        rows,
      ),
    ).rejects.toBeInstanceOf(MasterKeyMismatchError);
  });
});

describe('the vault', () => {
  it('makes one key per person and reuses it', async () => {
    const rows = memoryKeyRows();
    const vault = new PersonalDataVault(MasterKey.generate());
    const first = await vault.keysForWrite([contactCreated()], rows, 'now');
    vault.remember(first);
    const again = await vault.keysForWrite([contactCreated({}, CONTACT)], rows, 'now');
    expect(rows.stored).toHaveLength(1);
    expect(again.get(CONTACT)!.id).toBe(first.get(CONTACT)!.id);
  });

  it('finds no key once a person is forgotten and their keys destroyed', async () => {
    const rows = memoryKeyRows();
    const vault = new PersonalDataVault(MasterKey.generate());
    const keys = await vault.keysForWrite([contactCreated()], rows, 'now');
    vault.remember(keys);
    const stored = JSON.parse(vault.encode(contactCreated({ email: 'a@b.pl' }), keys)) as Record<string, never>;
    await rows.destroy([CONTACT]);
    vault.forget([CONTACT]);
    const found = await vault.keysForRead([stored], rows);
    expect(vault.decode('ContactCreated', stored, found).erasedFields).toContain('email');
  });
});
