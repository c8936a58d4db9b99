import { ImportFileError } from '../import-file.error';

const DECLARATIONS = ['<!DOCTYPE', '<!ENTITY'] as const;
const LONGEST_DECLARATION = Math.max(...DECLARATIONS.map((text) => text.length));

/**
 * Looks at XML bytes before any parser does, in constant memory: refuses a document type declaration (the
 * only way to declare entities, so no entity expansion and no external entities ever reach a parser) and any
 * text or tag longer than the limit (a parser would hold it whole in memory).
 */
export class XmlGuard {
  private run = 0;
  private tail = Buffer.alloc(0);

  constructor(
    /** What the messages call the document ("The file", "xl/sharedStrings.xml"). */
    private readonly document: string,
    private readonly maxRunBytes: number,
  ) {}

  push(chunk: Buffer): void {
    let last = -1;
    for (let index = 0; index < chunk.length; index += 1) {
      const byte = chunk[index]!;
      if (byte !== 0x3c && byte !== 0x3e) continue;
      this.check(this.run + index - last - 1);
      this.run = 0;
      last = index;
    }
    this.run += chunk.length - last - 1;
    this.check(this.run);
    const window = this.tail.length > 0 ? Buffer.concat([this.tail, chunk]) : chunk;
    for (const declaration of DECLARATIONS) {
      if (window.includes(declaration, 0, 'latin1'))
        throw new ImportFileError(
          `${this.document} declares a document type (${declaration}): DTDs are refused, so no entity is ever expanded or fetched`,
        );
    }
    this.tail = Buffer.from(window.subarray(Math.max(0, window.length - LONGEST_DECLARATION + 1)));
  }

  private check(length: number): void {
    if (length > this.maxRunBytes)
      throw new ImportFileError(`${this.document} holds a text or tag longer than ${this.maxRunBytes} bytes; the file is refused`);
  }
}
