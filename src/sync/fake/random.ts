/**
 * A seeded generator for fake data sets: the same seed gives the same data,
 * so tests and benchmarks can compare a store with what the fake serves.
 */
export class SeededRandom {
  #state: number;

  constructor(seed: number) {
    this.#state = seed >>> 0;
  }

  /** A float in [0, 1) (mulberry32). */
  next(): number {
    this.#state = (this.#state + 0x6d2b79f5) >>> 0;
    let t = this.#state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(values: readonly T[]): T {
    return values[Math.floor(this.next() * values.length)]!;
  }

  /** Up to `max` distinct values. */
  some<T>(values: readonly T[], max: number): T[] {
    const count = this.int(0, max);
    const chosen = new Set<T>();
    for (let i = 0; i < count; i++) chosen.add(this.pick(values));
    return [...chosen];
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }
}
