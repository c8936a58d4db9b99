import iconv from 'iconv-lite';

/** The bytes a QUOTED-PRINTABLE value stands for (`=C5=9B` → 0xC5 0x9B; soft line breaks already joined); a stray `=` stays as it is. */
export function decodeQuotedPrintable(text: string): Buffer {
  const bytes: number[] = [];
  for (let index = 0; index < text.length; index += 1) {
    const char = text.charCodeAt(index);
    if (char === 61 /* = */ && /^[0-9A-Fa-f]{2}$/u.test(text.slice(index + 1, index + 3))) {
      bytes.push(Number.parseInt(text.slice(index + 1, index + 3), 16));
      index += 2;
    } else if (char < 0x80) {
      bytes.push(char);
    } else {
      // Not QP-safe, but it happens: keep the character as UTF-8.
      bytes.push(...Buffer.from(text[index]!, 'utf8'));
    }
  }
  return Buffer.from(bytes);
}

/** Decodes bytes in a vCard CHARSET (UTF-8 when none is given); null when the charset is unknown. */
export function decodeCharset(bytes: Buffer, charset: string | undefined): string | null {
  const name = charset?.trim() || 'utf-8';
  if (!iconv.encodingExists(name)) return null;
  return iconv.decode(bytes, name);
}
