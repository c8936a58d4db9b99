import { SeededRandom } from '../../src/seed/random';
import type { IdGenerator } from '../../src/shared/ids';

/** UUID-shaped ids (version 4 layout) from a seeded generator: the same seed gives the same ids. */
export class SeededIds implements IdGenerator {
  private readonly random: SeededRandom;

  constructor(seed: number) {
    this.random = new SeededRandom(seed);
  }

  next(): string {
    let hex = '';
    for (let i = 0; i < 4; i += 1)
      hex += Math.floor(this.random.next() * 0x1_0000_0000)
        .toString(16)
        .padStart(8, '0');
    const variant = (8 + (parseInt(hex[16]!, 16) % 4)).toString(16);
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  }
}
