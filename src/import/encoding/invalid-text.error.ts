import { ImportFileError } from '../import-file.error';

/** The bytes are not valid in the encoding the file is read in: where the first bad byte is. */
export class InvalidTextError extends ImportFileError {
  constructor(
    readonly encoding: string,
    /** 0-based offset of the first byte that cannot be read, from the start of the file. */
    readonly byteOffset: number,
  ) {
    super(`The file is not valid ${encoding.toUpperCase()} (byte ${byteOffset + 1} cannot be read)`);
  }
}
