import iconv from 'iconv-lite';

/** What a file's bytes look like once they turned out not to be valid UTF-8. */
export type TextVerdict =
  | { readonly kind: 'legacy'; readonly encoding: 'windows-1250' | 'windows-1252' }
  /** Mostly valid UTF-8 with some bytes that are not: a damaged UTF-8 file, not a code page. */
  | { readonly kind: 'damaged-utf-8' }
  /** Control bytes (NUL and the like): not text in a single-byte code page. */
  | { readonly kind: 'not-text' };

// Letters that tell the code pages apart, weighted by how sure a reading is when it gives them.
const POLISH = new Set('ąćęłńśźżĄĆĘŁŃŚŹŻ');
const CENTRAL = new Set('čďěňřšťůžČĎĚŇŘŠŤŮŽőűŐŰăşţĂŞŢĺľŕĹĽŔ');
const WESTERN = new Set('àèìòùâêîôûëïÿñæœøåãõÀÈÌÒÙÂÊÎÔÛËÏŸÑÆŒØÅÃÕ');
const LETTER = /^\p{L}$/u;

let readings: { readonly cp1250: readonly string[]; readonly cp1252: readonly string[] } | null = null;

/** How each byte from 0x80 reads in Windows-1250 and Windows-1252 (U+FFFD where a code page leaves it undefined). */
function codePageReadings() {
  readings ??= {
    cp1250: Array.from({ length: 128 }, (_, index) => iconv.decode(Buffer.from([0x80 + index]), 'windows-1250')),
    cp1252: Array.from({ length: 128 }, (_, index) => iconv.decode(Buffer.from([0x80 + index]), 'windows-1252')),
  };
  return readings;
}

/** Any other reading: a letter is plausible, a symbol less so, an undefined byte not at all. */
function otherWeight(char: string): number {
  if (char === '\uFFFD') return -10;
  return LETTER.test(char) ? 0.5 : -2;
}

function centralWeight(char: string): number {
  if (POLISH.has(char)) return 3;
  return CENTRAL.has(char) ? 1 : otherWeight(char);
}

function westernWeight(char: string): number {
  return WESTERN.has(char) ? 2 : otherWeight(char);
}

/**
 * Looks at every byte of a file that is not valid UTF-8 and says what it is: a single-byte Windows code page
 * (1250 when its high bytes read as Central European letters — Polish first — more than as Western ones, 1252
 * otherwise), damaged UTF-8 (as many valid multi-byte sequences as broken ones), or not text at all. Bytes read
 * alike in both code pages (é, ó, ü) do not count; a text whose telling letters are ambiguous (Spanish ñ and ¿ are
 * Polish ń and ż) reads as Central European: set the encoding for such files.
 */
export class LegacyEncodingDetector {
  private readonly high = new Array<number>(128).fill(0);
  private controls = 0;
  private validSequences = 0;
  private invalidSequences = 0;
  private pending = 0;

  push(chunk: Uint8Array): void {
    for (let index = 0; index < chunk.length; index += 1) {
      const byte = chunk[index]!;
      if (byte >= 0x80) this.high[byte - 0x80]! += 1;
      else if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d) this.controls += 1;
      if (this.pending > 0) {
        if (byte >= 0x80 && byte <= 0xbf) {
          this.pending -= 1;
          if (this.pending === 0) this.validSequences += 1;
          continue;
        }
        this.invalidSequences += 1;
        this.pending = 0;
      }
      if (byte < 0x80) continue;
      if (byte >= 0xc2 && byte <= 0xdf) this.pending = 1;
      else if (byte >= 0xe0 && byte <= 0xef) this.pending = 2;
      else if (byte >= 0xf0 && byte <= 0xf4) this.pending = 3;
      else this.invalidSequences += 1;
    }
  }

  verdict(): TextVerdict {
    if (this.controls > 0) return { kind: 'not-text' };
    if (this.validSequences > 0 && this.validSequences >= this.invalidSequences) return { kind: 'damaged-utf-8' };
    const { cp1250, cp1252 } = codePageReadings();
    let central = 0;
    let western = 0;
    this.high.forEach((count, index) => {
      if (count === 0 || cp1250[index] === cp1252[index]) return;
      central += count * centralWeight(cp1250[index]!);
      western += count * westernWeight(cp1252[index]!);
    });
    return { kind: 'legacy', encoding: central > western ? 'windows-1250' : 'windows-1252' };
  }
}
