// Retrieval and recognition figures for one design over one dataset's queries.

export interface QueryOutcome {
  /** The product photographed, or null for a negative (a product not in the catalogue). */
  expected: string | null;
  /** The photographed product's category (the negative's too). */
  category: string;
  /** Result product ids, best first. */
  ranked: readonly string[];
  /** The product the design claims to recognise, or null. */
  recognised: string | null;
  /** Milliseconds per stage for this query; absent stages were not run. */
  stages: Partial<Record<Stage, number>>;
}

export const STAGES = ['decode', 'moderate', 'embed', 'search', 'verify'] as const;
export type Stage = (typeof STAGES)[number];

export interface DesignFigures {
  recallAt1: number;
  recallAt10: number;
  mrr: number;
  /** Of positives, the share whose recognised product is right. */
  recognisedRight: number;
  /** Of recognitions on positives, the share that are right (precision of the exact decision). */
  recognitionPrecision: number;
  /** Of negatives, the share where some product was recognised. */
  falseRecognitions: number;
  categoryPrecisionAt10: number;
  /** p50 and p95 per stage, and end to end (the sum of a query's stages). */
  latency: Record<Stage | 'total', { p50: number; p95: number } | null>;
  positives: number;
  negatives: number;
}

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;
}

const share = (n: number, d: number): number => (d === 0 ? NaN : n / d);

export function summarise(outcomes: readonly QueryOutcome[], categoryOf: (productId: string) => string | undefined): DesignFigures {
  const positives = outcomes.filter((o) => o.expected !== null);
  const negatives = outcomes.filter((o) => o.expected === null);
  const rank = (o: QueryOutcome): number => o.ranked.indexOf(o.expected!) + 1;
  const recognitions = positives.filter((o) => o.recognised !== null);
  const latency = {} as DesignFigures['latency'];
  for (const stage of [...STAGES, 'total'] as const) {
    const values = outcomes.flatMap((o) => {
      const v = stage === 'total' ? Object.values(o.stages).reduce((a, b) => a + b, 0) : o.stages[stage];
      return v === undefined ? [] : [v];
    });
    latency[stage] = values.length === 0 ? null : { p50: percentile(values, 0.5), p95: percentile(values, 0.95) };
  }
  let sameCategory = 0;
  let shown = 0;
  for (const o of outcomes)
    for (const id of o.ranked.slice(0, 10)) {
      shown++;
      if (categoryOf(id) === o.category) sameCategory++;
    }
  return {
    recallAt1: share(positives.filter((o) => rank(o) === 1).length, positives.length),
    recallAt10: share(positives.filter((o) => rank(o) >= 1 && rank(o) <= 10).length, positives.length),
    mrr: share(positives.reduce((sum, o) => sum + (rank(o) > 0 ? 1 / rank(o) : 0), 0), positives.length),
    recognisedRight: share(positives.filter((o) => o.recognised === o.expected).length, positives.length),
    recognitionPrecision: share(recognitions.filter((o) => o.recognised === o.expected).length, recognitions.length),
    falseRecognitions: share(negatives.filter((o) => o.recognised !== null).length, negatives.length),
    categoryPrecisionAt10: share(sameCategory, shown),
    latency,
    positives: positives.length,
    negatives: negatives.length,
  };
}

/** One Markdown table, designs side by side. */
export function markdownTable(designs: readonly { name: string; figures: DesignFigures }[]): string {
  const pct = (v: number): string => (Number.isNaN(v) ? '—' : `${(v * 100).toFixed(1)}%`);
  const ms = (v: { p50: number; p95: number } | null): string => (v === null ? '—' : `${v.p50.toFixed(0)} / ${v.p95.toFixed(0)}`);
  const rows: [string, (f: DesignFigures) => string][] = [
    ['recall@1', (f) => pct(f.recallAt1)],
    ['recall@10', (f) => pct(f.recallAt10)],
    ['MRR', (f) => f.mrr.toFixed(3)],
    ['recognised and right (of positives)', (f) => pct(f.recognisedRight)],
    ['precision of recognitions', (f) => pct(f.recognitionPrecision)],
    ['negatives falsely recognised', (f) => pct(f.falseRecognitions)],
    ['category precision@10', (f) => pct(f.categoryPrecisionAt10)],
    ...[...STAGES, 'total' as const].map((s): [string, (f: DesignFigures) => string] => [`${s === 'total' ? 'end to end' : s} ms p50 / p95`, (f) => ms(f.latency[s])]),
    ['queries (positive / negative)', (f) => `${f.positives} / ${f.negatives}`],
  ];
  return [
    `| metric | ${designs.map((d) => d.name).join(' | ')} |`,
    `| --- | ${designs.map(() => '---').join(' | ')} |`,
    ...rows.map(([label, cell]) => `| ${label} | ${designs.map((d) => cell(d.figures)).join(' | ')} |`),
  ].join('\n');
}
