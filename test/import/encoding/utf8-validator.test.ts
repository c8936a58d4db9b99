import { Utf8Validator } from '../../../src/import/encoding/utf8-validator';

class Invalid extends Error {
  constructor(readonly offset: number) {
    super(`invalid at ${offset}`);
  }
}

const validator = () =>
  new Utf8Validator((offset) => {
    throw new Invalid(offset);
  });

describe('strict UTF-8 validation, chunk by chunk', () => {
  it('passes a character split across two chunks through whole', () => {
    const check = validator();
    const bytes = Buffer.from('aż');
    const out = Buffer.concat([check.push(bytes.subarray(0, 2)), check.push(bytes.subarray(2))]);
    check.end();
    expect(out.toString('utf8')).toBe('aż');
  });

  it('reports the offset in the whole stream of the first invalid byte', () => {
    const check = validator();
    check.push(Buffer.from('abcdef'));
    expect(() => check.push(Buffer.from([0x61, 0xc3, 0x28]))).toThrow(expect.objectContaining({ offset: 7 }) as Error);
  });

  it.each([
    ['an overlong encoding', [0xc0, 0xaf]],
    ['an encoded surrogate', [0xed, 0xa0, 0x80]],
    ['a stray continuation byte', [0x80]],
  ])('refuses %s', (_case, bytes) => {
    expect(() => validator().push(Buffer.from(bytes))).toThrow(Invalid);
  });

  it('refuses a sequence cut off at the end of the stream', () => {
    const check = validator();
    check.push(Buffer.from([0x61, 0xc5]));
    expect(() => check.end()).toThrow(expect.objectContaining({ offset: 1 }) as Error);
  });
});
