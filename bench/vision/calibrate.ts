// Fits the recognition confidence (src/modules/vision/calibration.ts) on verifications collected by
// the benchmark (BENCH_VISION_FIT=file): a logistic regression of "this is the photographed product"
// on log inliers, colour agreement and log lead, by Newton's method (IRLS) with a small ridge, then the
// lowest probability threshold at which the recognitions are right at least `precision` of the time.
// Run: npx tsx bench/vision/calibrate.ts FILE [precision]
import { readFile } from 'node:fs/promises';
import type { FitRow } from './cnn.js';

type Row = FitRow & { right: boolean };

const ALL_FEATURES = ['logInliers', 'colour', 'logLead'] as const;
/** CALIBRATE_FEATURES=logInliers,logLead leaves features out (their coefficient is then 0). */
const FEATURES = (process.env.CALIBRATE_FEATURES?.split(',') ?? ALL_FEATURES).filter((f): f is (typeof ALL_FEATURES)[number] => (ALL_FEATURES as readonly string[]).includes(f));

function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]!]);
  for (let c = 0; c < n; c++) {
    let pivot = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r]![c]!) > Math.abs(m[pivot]![c]!)) pivot = r;
    [m[c], m[pivot]] = [m[pivot]!, m[c]!];
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = m[r]![c]! / m[c]![c]!;
      for (let k = c; k <= n; k++) m[r]![k]! -= f * m[c]![k]!;
    }
  }
  return m.map((row, i) => row[n]! / row[i]!);
}

export function fitLogistic(rows: readonly Row[], ridge = 0.01): number[] {
  const x = rows.map((r) => [1, ...FEATURES.map((f) => r[f])]);
  const y = rows.map((r) => (r.right ? 1 : 0));
  let w = new Array<number>(x[0]!.length).fill(0);
  for (let iteration = 0; iteration < 50; iteration++) {
    const gradient = w.map((v) => ridge * v);
    const hessian = w.map((_, i) => w.map((__, j) => (i === j ? ridge : 0)));
    x.forEach((xi, n) => {
      const p = 1 / (1 + Math.exp(-xi.reduce((s, v, i) => s + v * w[i]!, 0)));
      const s = Math.max(1e-9, p * (1 - p));
      for (let i = 0; i < xi.length; i++) {
        gradient[i]! += (p - y[n]!) * xi[i]!;
        for (let j = 0; j < xi.length; j++) hessian[i]![j]! += s * xi[i]! * xi[j]!;
      }
    });
    const step = solve(hessian, gradient);
    w = w.map((v, i) => v - step[i]!);
    if (Math.max(...step.map(Math.abs)) < 1e-8) break;
  }
  return w;
}

const probability = (w: readonly number[], r: Row): number => 1 / (1 + Math.exp(-(w[0]! + FEATURES.reduce((s, f, i) => s + w[i + 1]! * r[f], 0))));

/** Per query, the recognised candidate at threshold t (the most probable accepted one at or above it). */
function decisions(rows: readonly Row[], w: readonly number[], t: number): { right: boolean }[] {
  const byQuery = new Map<string, Row[]>();
  for (const r of rows) byQuery.set(`${r.dataset}#${r.query}`, [...(byQuery.get(`${r.dataset}#${r.query}`) ?? []), r]);
  const out: { right: boolean }[] = [];
  for (const candidates of byQuery.values()) {
    const best = candidates
      .filter((c) => c.accepted && c.inliers >= 15)
      .map((c) => ({ c, p: probability(w, c) }))
      .filter((c) => c.p >= t)
      .sort((a, b) => b.p - a.p)[0];
    if (best) out.push({ right: best.c.right });
  }
  return out;
}

async function main(): Promise<void> {
  const file = process.argv[2];
  if (!file) throw new Error('usage: calibrate.ts FILE [precision]');
  const precision = Number(process.argv[3] ?? 0.95);
  const rows = (await readFile(file, 'utf8'))
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Row);
  const accepted = rows.filter((r) => r.accepted && r.inliers >= 15);
  const w = fitLogistic(accepted);
  console.log(`${rows.length} verifications, ${accepted.length} accepted by the verifier (${accepted.filter((r) => r.right).length} right)`);
  console.log(`model: intercept ${w[0]!.toFixed(3)}, ${FEATURES.map((f, i) => `${f} ${w[i + 1]!.toFixed(3)}`).join(', ')}`);
  const datasets = [...new Set(rows.map((r) => r.dataset))];
  const queries = (d: string) => new Set(rows.filter((r) => r.dataset === d).map((r) => r.query)).size;
  let chosen: number | null = null;
  console.log('\n| threshold | ' + datasets.map((d) => `${d}: recognised / right`).join(' | ') + ' |');
  console.log('| --- | ' + datasets.map(() => '---').join(' | ') + ' |');
  for (const t of [0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.93, 0.95, 0.97, 0.98, 0.99]) {
    const cells = datasets.map((d) => {
      const made = decisions(
        rows.filter((r) => r.dataset === d),
        w,
        t,
      );
      const right = made.filter((m) => m.right).length;
      return { made: made.length, right, text: `${made.length} of ${queries(d)} / ${made.length === 0 ? '—' : ((right / made.length) * 100).toFixed(1) + '%'}` };
    });
    if (chosen === null && cells.every((c) => c.made === 0 || c.right / c.made >= precision)) chosen = t;
    console.log(`| ${t} | ${cells.map((c) => c.text).join(' | ')} |`);
  }
  console.log(`\nlowest threshold with every dataset's recognitions ≥ ${precision * 100}% right: ${chosen ?? 'none'}`);
}

if (process.argv[1]?.endsWith('calibrate.ts')) await main();
