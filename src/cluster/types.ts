/** What the clusterer records about one placement: the evidence a reader or an editor is shown. */
export interface PlacementEvidence {
  score: number;
  text: number;
  names: number;
  shared_names: string[];
  shared_figures: string[];
  embedding: number | null;
  hours: number;
  /** How the article got there: it fit best, it started the story, it is a copy of a member, or its story merged in. */
  reason: 'joined' | 'started' | 'duplicate' | 'merged';
}

/** Where one article went. */
export interface Assignment {
  articleId: number;
  storyId: number;
  score: number;
  /** The article started the story. */
  created: boolean;
  evidence?: PlacementEvidence;
}

/** Where each article of a batch went, keyed by working-set story keys until flushed. */
export interface BatchResult {
  assignments: {
    articleId: number;
    key: number;
    score: number;
    created: boolean;
    evidence: PlacementEvidence;
  }[];
  /** Stories already in the database that merged into another (from → into, working-set keys). */
  merges: { from: number; into: number }[];
  /**
   * Stored stories that an article of the batch came close to without joining (working-set keys),
   * nearest first: a story the batch started is weighed against them report by report, so an event
   * whose reports arrive in several batches is joined up even when no single report clears a
   * story's centroid.
   */
  near: { articleId: number; stories: number[] }[];
  /** For the articles asked about: every candidate story weighed, with its evidence. */
  explained: { articleId: number; candidates: ExplainedCandidate[] }[];
}

/** A candidate story an article was weighed against (a working-set key until flushed). */
export interface ExplainedCandidate {
  key: number;
  title: string;
  articles: number;
  evidence: PlacementEvidence;
  veto: string | null;
  chosen: boolean;
}
