// A small seeded PRNG (sfc32 seeded by a string hash): the benchmark inputs must be the same bytes on
// every machine and every run, so figures from two runs compare the same work. Math.random cannot be seeded.

function hashSeed(text) {
  // xmur3: four 32-bit words from a string
  let hash = 1779033703 ^ text.length;
  for (let index = 0; index < text.length; index++) {
    hash = Math.imul(hash ^ text.charCodeAt(index), 3432918353);
    hash = (hash << 13) | (hash >>> 19);
  }
  const words = [];
  for (let word = 0; word < 4; word++) {
    hash = Math.imul(hash ^ (hash >>> 16), 2246822507);
    hash = Math.imul(hash ^ (hash >>> 13), 3266489909);
    hash ^= hash >>> 16;
    words.push(hash >>> 0);
  }
  return words;
}

export class Random {
  constructor(seed) {
    [this.a, this.b, this.c, this.d] = hashSeed(String(seed));
    for (let index = 0; index < 12; index++) this.next();
  }

  /** Uniform in [0, 1). */
  next() {
    this.a >>>= 0;
    this.b >>>= 0;
    this.c >>>= 0;
    this.d >>>= 0;
    const t = (this.a + this.b) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.d = (this.d + 1) | 0;
    const result = (t + this.d) | 0;
    this.c = (this.c + result) | 0;
    return (result >>> 0) / 4294967296;
  }

  /** Integer in [low, high]. */
  int(low, high) {
    return low + Math.floor(this.next() * (high - low + 1));
  }

  pick(list) {
    return list[Math.floor(this.next() * list.length)];
  }

  /** Exponential gap with the given mean (a Poisson stream of log lines). */
  exponential(mean) {
    return -Math.log(1 - this.next()) * mean;
  }
}
