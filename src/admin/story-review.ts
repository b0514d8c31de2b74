import { whyInStory } from '../cluster/why.js';
import type { Story, StorySentence, StoryVersion, VerificationFinding } from '../db/schema.js';
import { AppError } from '../lib/errors.js';
import { loadStorySources } from '../publish/sources.js';
import { findingsForVersion } from '../store/findings.js';
import { storyPlacements } from '../store/clusters.js';
import { storySourceArticles } from '../store/published.js';
import { articlesWithSources } from '../store/review.js';
import { storyById, storyVersions } from '../store/stories.js';
import type { Finding } from '../verify/types.js';
import { verifyDraft } from '../verify/verify.js';
import type { ReviewDeps } from './deps.js';

/** How a sentence stands with the verifier, as the review page labels it. */
export type Verdict =
  | 'verified'
  | 'unsupported'
  | 'quote-not-found'
  | 'wrong-speaker'
  | 'figure-not-found'
  | 'name-not-found'
  | 'citation'
  | 'disputed'
  | 'warning';

/** A label for each verdict, as editors read it. */
export const VERDICT_LABEL: Record<Verdict, string> = {
  verified: 'verified',
  unsupported: 'unsupported',
  'quote-not-found': 'quote not found',
  'wrong-speaker': 'wrong speaker',
  'figure-not-found': 'figure not found',
  'name-not-found': 'name not found',
  citation: 'citation problem',
  disputed: 'states a disputed value',
  warning: 'warning',
};

const BY_CHECK: Record<string, Verdict> = {
  support: 'unsupported',
  quote: 'quote-not-found',
  speaker: 'wrong-speaker',
  figure: 'figure-not-found',
  entity: 'name-not-found',
  citation: 'citation',
  disputed: 'disputed',
};

/** The verdict of a part from its findings: its first error's kind, a warning, or verified. */
export function verdictOf(findings: readonly { check: string; severity: Finding['severity'] }[]): Verdict {
  const error = findings.find((f) => f.severity === 'error' && BY_CHECK[f.check]);
  if (error) return BY_CHECK[error.check]!;
  return findings.some((f) => f.severity === 'warning') ? 'warning' : 'verified';
}

/** A cited passage: where a sentence's claim comes from. */
export interface CitedPassage {
  articleId: number;
  outlet: string;
  title: string;
  url: string;
  passage: string;
}

/** One sentence of the version as the review page shows it. */
export interface ReviewSentence {
  location: string;
  text: string;
  support: number | null;
  verdict: Verdict;
  findings: Pick<Finding, 'check' | 'severity' | 'message'>[];
  citations: CitedPassage[];
}

/** Everything the version view shows. */
export interface StoryReview {
  story: Story;
  versions: StoryVersion[];
  version: StoryVersion | undefined;
  headline: { verdict: Verdict; findings: VerificationFinding[] };
  dek: { verdict: Verdict; findings: VerificationFinding[] };
  sentences: ReviewSentence[];
  /** Sentences, quotes and figures the verifier dropped from this version, with why. */
  dropped: { location: string; text: string; verdict: Verdict; findings: VerificationFinding[] }[];
  /** Version-level outcomes: why it is held, what the writer reported. */
  notes: VerificationFinding[];
  articles: Awaited<ReturnType<typeof storySourceArticles>>;
  /** Why each article is in the story (article id → one sentence from the clusterer's evidence). */
  why: Map<number, string>;
}

/**
 * The review of one version of a story (the newest unless asked: what waits for the editor): each kept sentence
 * verified again against the story's sources as they are now (so a citation to an article split
 * out since shows up), the verifier's stored findings for headline, dek and what it dropped.
 */
export async function storyReview(
  deps: ReviewDeps,
  storyId: number,
  versionNumber?: number,
): Promise<StoryReview> {
  const story = await storyById(deps.db, storyId);
  if (!story) throw new AppError('not_found', `no story ${storyId}`);
  const versions = await storyVersions(deps.db, storyId);
  const version =
    versionNumber !== undefined ? versions.find((v) => v.version === versionNumber) : versions[0];
  if (versionNumber !== undefined && !version)
    throw new AppError('not_found', `story ${storyId} has no version ${versionNumber}`);
  const articles = await storySourceArticles(deps.db, storyId);
  const placements = new Map((await storyPlacements(deps.db, storyId)).map((p) => [p.article_id, p]));
  const why = new Map(articles.map((a) => [a.id, whyInStory(placements.get(a.id))]));
  const empty = { verdict: 'verified' as Verdict, findings: [] };
  if (!version)
    return {
      story,
      versions,
      version,
      headline: empty,
      dek: empty,
      sentences: [],
      dropped: [],
      notes: [],
      articles,
      why,
    };
  const stored = await findingsForVersion(deps.db, version.id);
  const at = (location: string) => stored.filter((f) => f.location === location);
  const sources = await loadStorySources(deps.db, storyId, deps.write.loadAnalyses);
  const check = verifyDraft({ headline: version.headline, dek: version.dek, body: version.body }, sources);
  const body = version.body;
  const placed: [string, StorySentence][] = [
    ...body.lede.map((s, i): [string, StorySentence] => [`lede.${i}`, s]),
    ...body.sections.flatMap((sec, si) =>
      sec.sentences.map((s, i): [string, StorySentence] => [`sections.${si}.${i}`, s]),
    ),
  ];
  const cited = await articlesWithSources(
    deps.db,
    placed.flatMap(([, s]) => s.citations.map((c) => c.article_id)),
  );
  const byId = new Map(cited.map((a) => [a.id, a]));
  const sentences = placed.map(([location, s]): ReviewSentence => {
    const findings = check.findings.filter((f) => f.location === location && f.severity !== 'info');
    return {
      location,
      text: s.text,
      support: s.support ?? null,
      verdict: verdictOf(findings),
      findings,
      citations: s.citations.map((c) => {
        const a = byId.get(c.article_id);
        return {
          articleId: c.article_id,
          outlet: a?.source_name ?? 'removed article',
          title: a?.title ?? '',
          url: a?.url ?? '',
          passage: a ? a.text.slice(c.start, c.end) : '',
        };
      }),
    };
  });
  const dropped = stored
    .filter((f) => f.message.startsWith('dropped:'))
    .map((f) => {
      const findings = at(f.location).filter((x) => x.severity !== 'info');
      return {
        location: f.location,
        text: String(f.detail?.text ?? ''),
        verdict: verdictOf(findings),
        findings,
      };
    });
  const part = (location: 'headline' | 'dek') => {
    const findings = at(location).filter((f) => f.severity !== 'info');
    return { verdict: verdictOf(findings), findings };
  };
  const notes = stored.filter((f) => f.location === 'version' || f.location === 'draft');
  return {
    story,
    versions,
    version,
    headline: part('headline'),
    dek: part('dek'),
    sentences,
    dropped,
    notes,
    articles,
    why,
  };
}
