/**
 * The file is refused as a whole (a hostile or broken file, an encoding that cannot be read, a mapping that
 * fits no column). The message is shown to the requester as is: it names what is wrong and where (a line,
 * a row, a zip entry), never a cell's value.
 */
export class ImportFileError extends Error {
  override readonly name = 'ImportFileError';
}
