/**
 * Headers as column names: trimmed, an empty header named by its position ("Column 3"), and a repeated header
 * given its occurrence ("Phone (2)"), so every column of a file has a name of its own.
 */
export class ColumnNames {
  private readonly names: string[] = [];
  private readonly used = new Set<string>();

  constructor(headers: readonly string[]) {
    headers.forEach((header, index) => this.add(header, index));
  }

  /** The name of the column at `index` (0-based); columns past the header get "Column <n>". */
  at(index: number): string {
    while (this.names.length <= index) this.add('', this.names.length);
    return this.names[index]!;
  }

  get count(): number {
    return this.names.length;
  }

  private add(header: string, index: number): void {
    const base = header.replace(/\s+/gu, ' ').trim() || `Column ${index + 1}`;
    let name = base;
    for (let occurrence = 2; this.used.has(name); occurrence += 1) name = `${base} (${occurrence})`;
    this.used.add(name);
    this.names.push(name);
  }
}
