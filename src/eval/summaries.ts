import { performance } from 'node:perf_hooks';
import { analyzeArticle } from '../analyze/analyze.js';
import { draftStory, verifyVersion } from '../publish/draft.js';
import { applyPolicy } from '../publish/policy.js';
import { prepareSources } from '../verify/prepare.js';
import type { SourceArticle } from '../verify/types.js';
import { readingOrder } from '../write/reading-order.js';
import type { LlmWriter } from '../write/types.js';
import { leadSummary, lexRankSummary } from './baselines.js';
import { cutWords, type RougeScores, rouge } from './rouge.js';
import type { SummaryCluster } from './summaries-input.js';

/** One written cluster, as `--out` writes it. */
export interface SummaryOutput {
  instance_id: string;
  headline: string;
  dek: string;
  /** The article's sentences in reading order: the dek, the lede, then each section's. */
  text: string;
  verified: boolean;
  /** Milliseconds to write and verify the story (analysis excluded: the pipeline stores it once per article). */
  ms: number;
}

/** Mean ROUGE F1 in percent. */
export type RougeReport = RougeScores;

/** What `newsloom eval summaries` prints. */
export interface SummaryEvalReport {
  clusters: number;
  words: number;
  /** The writer of most clusters: the model, or "extractive" when it failed and the pipeline fell back. */
  writer: string;
  /** Clusters written by each writer. */
  writers: Record<string, number>;
  writer_rouge: RougeReport;
  lead_rouge: RougeReport;
  lexrank_rouge: RougeReport;
  /** Share of drafts with no verification error, 0..1. */
  verified: number;
  median_ms: number;
}

export interface SummaryEvalOptions {
  words: number;
  llm?: LlmWriter;
  onProgress?: (done: number) => void;
}

/**
 * Writes each cluster as one story with the configured writer, exactly as the pipeline does (draft,
 * repair once for a model, verify, apply the publish policy), and scores the article's sentences,
 * cut to `words` words, against the cluster's summary beside the lead and LexRank baselines.
 */
export async function evaluateSummaries(
  clusters: readonly SummaryCluster[],
  options: SummaryEvalOptions,
): Promise<{ report: SummaryEvalReport; outputs: SummaryOutput[] }> {
  const outputs: SummaryOutput[] = [];
  const scores = { writer: [] as RougeScores[], lead: [] as RougeScores[], lexrank: [] as RougeScores[] };
  const writers: Record<string, number> = {};
  for (const [i, cluster] of clusters.entries()) {
    const sources = clusterSources(cluster);
    const output = await writeCluster(cluster.instance_id, sources, options.llm);
    outputs.push(output.output);
    writers[output.writer] = (writers[output.writer] ?? 0) + 1;
    const score = (sentences: string[]) =>
      rouge(cutWords(sentences.join(' '), options.words), cluster.summary);
    scores.writer.push(score([output.output.text]));
    scores.lead.push(score(leadSummary(sources, options.words)));
    scores.lexrank.push(score(lexRankSummary(sources, options.words)));
    options.onProgress?.(i + 1);
  }
  const times = outputs.map((o) => o.ms).sort((a, b) => a - b);
  return {
    report: {
      clusters: clusters.length,
      words: options.words,
      writer:
        Object.entries(writers).sort((a, b) => b[1] - a[1])[0]?.[0] ?? options.llm?.model ?? 'extractive',
      writers,
      writer_rouge: mean(scores.writer),
      lead_rouge: mean(scores.lead),
      lexrank_rouge: mean(scores.lexrank),
      verified: round(outputs.filter((o) => o.verified).length / Math.max(1, outputs.length), 4),
      median_ms: round(times[Math.floor((times.length - 1) / 2)] ?? 0, 2),
    },
    outputs,
  };
}

/** A cluster's documents as story sources: one outlet each, no dates (the set carries none). */
export function clusterSources(cluster: SummaryCluster): SourceArticle[] {
  return cluster.documents.map((doc, i) => ({
    id: i + 1,
    source_id: i + 1,
    outlet: `Source ${doc.id}`,
    title: doc.title,
    text: doc.text,
    published_at: null,
    analysis: analyzeArticle({ title: doc.title, text: doc.text }),
  }));
}

async function writeCluster(
  instanceId: string,
  sources: SourceArticle[],
  llm: LlmWriter | undefined,
): Promise<{ output: SummaryOutput; writer: string }> {
  const started = performance.now();
  const prepared = prepareSources(sources);
  const drafted = await draftStory({ llm }, sources, prepared);
  if (!drafted.draft) {
    const ms = performance.now() - started;
    const output = {
      instance_id: instanceId,
      headline: '',
      dek: '',
      text: '',
      verified: false,
      ms: round(ms, 2),
    };
    return { output, writer: drafted.writer };
  }
  const { verification, judged } = await verifyVersion(
    { llm },
    drafted.draft,
    sources,
    prepared,
    drafted.usage,
  );
  const decision = applyPolicy({
    policy: 'auto',
    draft: { ...drafted.draft, body: verification.body },
    failing: verification.failing,
    findings: [...drafted.findings, ...judged, ...verification.findings],
  });
  const ms = performance.now() - started;
  return {
    output: {
      instance_id: instanceId,
      headline: decision.draft.headline,
      dek: decision.draft.dek,
      text: [decision.draft.dek, ...readingOrder(decision.draft.body).map((s) => s.text)]
        .map((s) => s.trim())
        .join(' '),
      verified: verification.failing.size === 0,
      ms: round(ms, 2),
    },
    writer: drafted.writer,
  };
}

function mean(scores: RougeScores[]): RougeReport {
  const avg = (pick: (s: RougeScores) => number) =>
    round((100 * scores.reduce((a, s) => a + pick(s), 0)) / Math.max(1, scores.length), 2);
  return { rouge1: avg((s) => s.rouge1), rouge2: avg((s) => s.rouge2), rougeL: avg((s) => s.rougeL) };
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
