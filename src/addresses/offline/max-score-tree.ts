/**
 * Answers "which position in [from, to) has the highest score?" in O(log n): a segment tree over positions.
 * Ties go to the lower position, so every search orders equal scores the same way.
 */
export class MaxScoreTree {
  private readonly size: number;
  /** Node → the best position below it (-1 for none); leaves start at `size`. */
  private readonly best: Int32Array;

  constructor(private readonly scores: Float64Array) {
    let size = 1;
    while (size < scores.length) size *= 2;
    this.size = size;
    this.best = new Int32Array(2 * size).fill(-1);
    for (let position = 0; position < scores.length; position += 1) this.best[size + position] = position;
    for (let node = size - 1; node >= 1; node -= 1) this.best[node] = this.better(this.best[2 * node]!, this.best[2 * node + 1]!);
  }

  /** The position with the highest score in [from, to), or -1 when the range is empty. */
  argMax(from: number, to: number): number {
    let result = -1;
    let left = from + this.size;
    let right = to + this.size;
    while (left < right) {
      if (left & 1) result = this.better(result, this.best[left++]!);
      if (right & 1) result = this.better(result, this.best[--right]!);
      left >>= 1;
      right >>= 1;
    }
    return result;
  }

  scoreAt(position: number): number {
    return this.scores[position]!;
  }

  private better(a: number, b: number): number {
    if (a < 0) return b;
    if (b < 0) return a;
    const scoreA = this.scores[a]!;
    const scoreB = this.scores[b]!;
    return scoreB > scoreA || (scoreB === scoreA && b < a) ? b : a;
  }
}
