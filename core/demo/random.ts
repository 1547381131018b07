// Seeded pseudo-random numbers for the demo generator. The output must be identical for a seed on
// every runtime and release, so we use our own small generator (sfc32, Chris Doty-Humphrey's
// "small fast chaotic" PRNG) instead of Math.random, whose algorithm and seed are not ours.
//
// Streams are keyed by labels (e.g. createRng(seed, 'county', '390121')): each part of the data
// draws from its own stream, so adding a draw in one place does not shift the numbers elsewhere.

export type Rng = {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform in [lo, hi). */
  range(lo: number, hi: number): number;
  /** Uniform integer in [lo, hi] (both inclusive). */
  int(lo: number, hi: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Fisher–Yates, in place; returns the same array. */
  shuffle<T>(items: T[]): T[];
};

/** FNV-1a over UTF-16 code units: a stable 32-bit hash for stream labels. */
export function hashString(s: string, h = 0x811c9dc5): number {
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** splitmix32 finaliser: spreads nearby seeds (20241, 20242 …) over unrelated states. */
function mix32(x: number): number {
  x = (x + 0x9e3779b9) | 0;
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

function sfc32(a: number, b: number, c: number, d: number): () => number {
  return () => {
    a |= 0;
    b |= 0;
    c |= 0;
    d |= 0;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
}

export function checkSeed(seed: number): void {
  if (!Number.isSafeInteger(seed) || seed < 0) throw new RangeError(`demo seed must be a non-negative safe integer, got ${seed}`);
}

export function createRng(seed: number, ...labels: readonly (string | number)[]): Rng {
  checkSeed(seed);
  // A safe integer can exceed 32 bits; both halves enter the state.
  const lo = seed >>> 0;
  const hi = Math.floor(seed / 4294967296) >>> 0;
  const h = hashString(labels.join('\u0001'));
  const next = sfc32(mix32(lo ^ h), mix32(hi + 0x6a09e667), mix32(h ^ 0xbb67ae85), mix32(lo + h + 0x3c6ef372));
  // The first outputs of sfc32 still correlate with the seed words; discard them.
  for (let i = 0; i < 12; i++) next();
  const rng: Rng = {
    next,
    range: (a, b) => a + (b - a) * next(),
    int: (a, b) => a + Math.floor((b - a + 1) * next()),
    chance: (p) => next() < p,
    pick: <T>(items: readonly T[]): T => {
      if (items.length === 0) throw new RangeError('pick from an empty list');
      return items[Math.floor(items.length * next())] as T;
    },
    shuffle: <T>(items: T[]): T[] => {
      for (let i = items.length - 1; i > 0; i--) {
        const j = Math.floor((i + 1) * next());
        const tmp = items[i] as T;
        items[i] = items[j] as T;
        items[j] = tmp;
      }
      return items;
    },
  };
  return rng;
}
