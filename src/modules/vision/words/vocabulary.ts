/**
 * A vocabulary tree of visual words over ORB's 256-bit binary descriptors (hierarchical k-majority,
 * after Nistér & Stewénius 2006 and Gálvez-López & Tardós 2012): each level splits its descriptors
 * into `branching` clusters whose centres are the bitwise majority of their members, so quantising a
 * descriptor costs `branching × depth` Hamming distances instead of one per word.
 *
 * Descriptors are handled as 8 uint32 words each (little-endian view of the 32 bytes).
 */

export const DESCRIPTOR_WORDS = 8;
const DESCRIPTOR_BYTES = 32;

export interface VocabularyOptions {
  branching: number;
  depth: number;
  /** k-majority refinement rounds per node. */
  iterations: number;
  /** Descriptors sampled for training, at most. */
  sample: number;
  seed: number;
}

export const VOCABULARY_DEFAULTS: VocabularyOptions = { branching: 10, depth: 4, iterations: 6, sample: 120_000, seed: 7 };

/**
 * The trained tree, flattened: node n's children are `firstChild[n] … firstChild[n] + childCount[n] − 1`
 * (−1 for a leaf), their centres in `centres` at node × 8. Leaves are numbered 0…leaves−1 in `leafOf`.
 */
export interface Vocabulary {
  branching: number;
  depth: number;
  centres: Uint32Array;
  firstChild: Int32Array;
  childCount: Uint8Array;
  leafOf: Int32Array;
  leaves: number;
}

export function popcount32(v: number): number {
  v -= (v >>> 1) & 0x55555555;
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** Hamming distance between descriptor `i` of `a` and descriptor `j` of `b` (uint32 views). */
export function hamming(a: Uint32Array, i: number, b: Uint32Array, j: number): number {
  const x = i * DESCRIPTOR_WORDS;
  const y = j * DESCRIPTOR_WORDS;
  return (
    popcount32(a[x]! ^ b[y]!) +
    popcount32(a[x + 1]! ^ b[y + 1]!) +
    popcount32(a[x + 2]! ^ b[y + 2]!) +
    popcount32(a[x + 3]! ^ b[y + 3]!) +
    popcount32(a[x + 4]! ^ b[y + 4]!) +
    popcount32(a[x + 5]! ^ b[y + 5]!) +
    popcount32(a[x + 6]! ^ b[y + 6]!) +
    popcount32(a[x + 7]! ^ b[y + 7]!)
  );
}

/** The descriptors' bytes as uint32 words (copied when not 4-byte aligned). */
export function descriptorWords(bytes: Uint8Array): Uint32Array {
  if (bytes.length % DESCRIPTOR_BYTES !== 0) throw new Error(`descriptors are ${bytes.length} bytes, not a multiple of ${DESCRIPTOR_BYTES}`);
  if (bytes.byteOffset % 4 === 0) return new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.length / 4);
  return new Uint32Array(Uint8Array.from(bytes).buffer);
}

/** A small deterministic generator (mulberry32) so the same sample trains the same tree. */
function generator(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The bitwise majority of the listed descriptors, written at `out[at…at+8)`. */
function majority(data: Uint32Array, members: ArrayLike<number>, count: number, out: Uint32Array, at: number): void {
  const ones = new Uint32Array(256);
  for (let m = 0; m < count; m++) {
    const base = members[m]! * DESCRIPTOR_WORDS;
    for (let w = 0; w < DESCRIPTOR_WORDS; w++) {
      let v = data[base + w]!;
      const o = w * 32;
      while (v !== 0) {
        const bit = 31 - Math.clz32(v & -v);
        ones[o + bit]!++;
        v &= v - 1;
      }
    }
  }
  const half = count / 2;
  for (let w = 0; w < DESCRIPTOR_WORDS; w++) {
    let v = 0;
    for (let bit = 0; bit < 32; bit++) if (ones[w * 32 + bit]! > half) v |= 1 << bit;
    out[at + w] = v >>> 0;
  }
}

/** Splits `members` into at most `k` clusters (k-majority with k-means++ seeding); returns centres and each member's cluster. */
function cluster(data: Uint32Array, members: Int32Array, k: number, iterations: number, random: () => number): { centres: Uint32Array; assignment: Uint8Array; k: number } {
  const n = members.length;
  const kk = Math.min(k, n);
  const centres = new Uint32Array(kk * DESCRIPTOR_WORDS);
  // k-means++: each next seed is drawn with probability ∝ squared distance to the nearest seed so far.
  const nearest = new Float64Array(n).fill(Infinity);
  let pick = members[Math.floor(random() * n)]!;
  for (let c = 0; c < kk; c++) {
    centres.set(data.subarray(pick * DESCRIPTOR_WORDS, pick * DESCRIPTOR_WORDS + DESCRIPTOR_WORDS), c * DESCRIPTOR_WORDS);
    if (c === kk - 1) break;
    let total = 0;
    for (let m = 0; m < n; m++) {
      const d = hamming(data, members[m]!, centres, c);
      if (d * d < nearest[m]!) nearest[m] = d * d;
      total += nearest[m]!;
    }
    if (total === 0) return { centres: centres.slice(0, (c + 1) * DESCRIPTOR_WORDS), assignment: new Uint8Array(n), k: c + 1 };
    let target = random() * total;
    let chosen = n - 1;
    for (let m = 0; m < n; m++) {
      target -= nearest[m]!;
      if (target <= 0) {
        chosen = m;
        break;
      }
    }
    pick = members[chosen]!;
  }
  const assignment = new Uint8Array(n);
  const buckets: Int32Array[] = [];
  for (let round = 0; round <= iterations; round++) {
    let changed = 0;
    for (let m = 0; m < n; m++) {
      let best = 0;
      let bestD = Infinity;
      for (let c = 0; c < kk; c++) {
        const d = hamming(data, members[m]!, centres, c);
        if (d < bestD) {
          bestD = d;
          best = c;
        }
      }
      if (assignment[m] !== best || round === 0) changed++;
      assignment[m] = best;
    }
    if (round === iterations || (round > 0 && changed === 0)) break;
    const sizes = new Int32Array(kk);
    for (let m = 0; m < n; m++) sizes[assignment[m]!]!++;
    buckets.length = 0;
    for (let c = 0; c < kk; c++) buckets.push(new Int32Array(sizes[c]!));
    const fill = new Int32Array(kk);
    for (let m = 0; m < n; m++) buckets[assignment[m]!]![fill[assignment[m]!]!++] = members[m]!;
    for (let c = 0; c < kk; c++) if (sizes[c]! > 0) majority(data, buckets[c]!, sizes[c]!, centres, c * DESCRIPTOR_WORDS);
  }
  return { centres, assignment, k: kk };
}

/**
 * Trains a tree on descriptors (32 bytes each, concatenated). Deterministic for the same input and
 * options. Nodes with fewer descriptors than `branching` become leaves early.
 */
export function trainVocabulary(descriptors: Uint8Array, options: Partial<VocabularyOptions> = {}): Vocabulary {
  const o = { ...VOCABULARY_DEFAULTS, ...options };
  const all = descriptorWords(descriptors);
  const total = all.length / DESCRIPTOR_WORDS;
  const random = generator(o.seed);
  // An evenly strided sample keeps every image's share of the training set.
  const step = Math.max(1, total / o.sample);
  const sampled: number[] = [];
  for (let at = 0; at < total && sampled.length < o.sample; at += step) sampled.push(Math.floor(at));
  const centres: number[] = [0, 0, 0, 0, 0, 0, 0, 0];
  const firstChild: number[] = [-1];
  const childCount: number[] = [0];
  const queue: { node: number; members: Int32Array; level: number }[] = [{ node: 0, members: Int32Array.from(sampled), level: 0 }];
  while (queue.length > 0) {
    const { node, members, level } = queue.shift()!;
    if (level === o.depth || members.length < o.branching * 2) continue;
    const split = cluster(all, members, o.branching, o.iterations, random);
    if (split.k < 2) continue;
    const first = firstChild.length;
    firstChild[node] = first;
    childCount[node] = split.k;
    const sizes = new Int32Array(split.k);
    for (let m = 0; m < members.length; m++) sizes[split.assignment[m]!]!++;
    const groups = Array.from({ length: split.k }, (_, c) => new Int32Array(sizes[c]!));
    const fill = new Int32Array(split.k);
    for (let m = 0; m < members.length; m++) groups[split.assignment[m]!]![fill[split.assignment[m]!]!++] = members[m]!;
    for (let c = 0; c < split.k; c++) {
      const child = firstChild.length;
      firstChild.push(-1);
      childCount.push(0);
      for (let w = 0; w < DESCRIPTOR_WORDS; w++) centres.push(split.centres[c * DESCRIPTOR_WORDS + w]!);
      queue.push({ node: child, members: groups[c]!, level: level + 1 });
    }
  }
  return finish(o.branching, o.depth, Uint32Array.from(centres), Int32Array.from(firstChild), Uint8Array.from(childCount));
}

function finish(branching: number, depth: number, centres: Uint32Array, firstChild: Int32Array, childCount: Uint8Array): Vocabulary {
  const leafOf = new Int32Array(firstChild.length).fill(-1);
  let leaves = 0;
  for (let n = 0; n < firstChild.length; n++) if (firstChild[n] === -1) leafOf[n] = leaves++;
  return { branching, depth, centres, firstChild, childCount, leafOf, leaves };
}

/** The node descriptor `i` reaches going down at most `levels` levels (to a leaf when levels is Infinity). */
function descend(vocabulary: Vocabulary, data: Uint32Array, i: number, levels: number): number {
  const { centres, firstChild, childCount } = vocabulary;
  let node = 0;
  for (let depth = 0; depth < levels && firstChild[node] !== -1; depth++) {
    const first = firstChild[node]!;
    let best = first;
    let bestD = Infinity;
    for (let c = first; c < first + childCount[node]!; c++) {
      const d = hamming(data, i, centres, c);
      if (d < bestD) {
        bestD = d;
        best = c;
      }
    }
    node = best;
  }
  return node;
}

/** The visual word (leaf number) of each descriptor. */
export function quantise(vocabulary: Vocabulary, descriptors: Uint8Array | Uint32Array): Int32Array {
  const data = descriptors instanceof Uint32Array ? descriptors : descriptorWords(descriptors);
  const words = new Int32Array(data.length / DESCRIPTOR_WORDS);
  for (let i = 0; i < words.length; i++) words[i] = vocabulary.leafOf[descend(vocabulary, data, i, Infinity)]!;
  return words;
}

const MAGIC = 0x56544231; // "VTB1"

/** The tree as bytes (for the index folder). */
export function serialiseVocabulary(v: Vocabulary): Buffer {
  const nodes = v.firstChild.length;
  const out = Buffer.alloc(16 + nodes * (DESCRIPTOR_WORDS * 4 + 4 + 1));
  out.writeUInt32LE(MAGIC, 0);
  out.writeUInt32LE(v.branching, 4);
  out.writeUInt32LE(v.depth, 8);
  out.writeUInt32LE(nodes, 12);
  let at = 16;
  Buffer.from(v.centres.buffer, v.centres.byteOffset, v.centres.byteLength).copy(out, at);
  at += v.centres.byteLength;
  Buffer.from(v.firstChild.buffer, v.firstChild.byteOffset, v.firstChild.byteLength).copy(out, at);
  at += v.firstChild.byteLength;
  Buffer.from(v.childCount.buffer, v.childCount.byteOffset, v.childCount.byteLength).copy(out, at);
  return out;
}

export function deserialiseVocabulary(buffer: Buffer): Vocabulary {
  if (buffer.length < 16 || buffer.readUInt32LE(0) !== MAGIC) throw new Error('not a serialised vocabulary');
  const branching = buffer.readUInt32LE(4);
  const depth = buffer.readUInt32LE(8);
  const nodes = buffer.readUInt32LE(12);
  if (buffer.length !== 16 + nodes * (DESCRIPTOR_WORDS * 4 + 5)) throw new Error('serialised vocabulary has the wrong length');
  const copy = Uint8Array.from(buffer.subarray(16));
  const centres = new Uint32Array(copy.buffer, 0, nodes * DESCRIPTOR_WORDS);
  const firstChild = new Int32Array(copy.buffer, nodes * DESCRIPTOR_WORDS * 4, nodes);
  const childCount = new Uint8Array(copy.buffer, nodes * (DESCRIPTOR_WORDS * 4 + 4), nodes);
  return finish(branching, depth, centres, firstChild, childCount);
}

/**
 * The node at `level` (1 = the root's children) each descriptor descends through: descriptors that
 * share it are close enough to be worth comparing (DBoW2's "direct index"), so matching a photo with a
 * product compares each descriptor with a few dozen instead of every one.
 */
export function nodesAt(vocabulary: Vocabulary, descriptors: Uint8Array | Uint32Array, level: number): Int32Array {
  const data = descriptors instanceof Uint32Array ? descriptors : descriptorWords(descriptors);
  const out = new Int32Array(data.length / DESCRIPTOR_WORDS);
  for (let i = 0; i < out.length; i++) out[i] = descend(vocabulary, data, i, level);
  return out;
}

/** Ratio-test matches between two descriptor sets, comparing only descriptors under the same node. */
export function matchWithinNodes(
  query: { words: Uint32Array; nodes: Int32Array },
  train: { words: Uint32Array; nodes: Int32Array },
  ratio: number,
  maxDistance = 80,
): { q: number; t: number; d: number }[] {
  const byNode = new Map<number, number[]>();
  train.nodes.forEach((node, t) => {
    const list = byNode.get(node);
    if (list) list.push(t);
    else byNode.set(node, [t]);
  });
  const best = new Map<number, { q: number; t: number; d: number }>();
  for (let q = 0; q < query.nodes.length; q++) {
    const candidates = byNode.get(query.nodes[q]!);
    if (candidates === undefined) continue;
    let d1 = Infinity;
    let d2 = Infinity;
    let t1 = -1;
    for (const t of candidates) {
      const d = hamming(query.words, q, train.words, t);
      if (d < d1) {
        d2 = d1;
        d1 = d;
        t1 = t;
      } else if (d < d2) d2 = d;
    }
    if (t1 < 0 || d1 > maxDistance || d1 >= ratio * d2) continue;
    const seen = best.get(t1);
    if (seen === undefined || d1 < seen.d) best.set(t1, { q, t: t1, d: d1 });
  }
  return [...best.values()];
}
