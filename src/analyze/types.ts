/**
 * What analysis stores once per article and what clustering, writing and verification read.
 * Every offset is a UTF-16 index into the article's `text` (the same string citations point into).
 */
export interface ArticleAnalysis {
  /** ISO 639-1 code, or 'und' when it cannot be told. */
  language: string;
  sentences: Span[];
  entities: Entity[];
  quotes: Quote[];
  figures: Figure[];
  /** The article's most distinctive terms, weight = TF-IDF against the running document frequencies. */
  keywords: { term: string; weight: number }[];
  /** Keys of the entities named in the title (the title is not part of `text`, so no offsets). */
  title_entities?: string[];
  /** Every distinct term of title and text: what the running document frequencies count. */
  terms?: string[];
}

export interface Span {
  start: number;
  end: number;
}

export type EntityKind = 'person' | 'organization' | 'place' | 'other';

export interface Entity {
  /** Normalized key that links mentions within an article ("Kim Jung-kwan", "Minister Kim", "Kim" → one key). */
  key: string;
  /** The fullest surface form seen. */
  name: string;
  kind: EntityKind;
  mentions: Span[];
}

export interface Quote extends Span {
  /** The exact quoted words, without the quote marks. */
  text: string;
  /** The speaker as named in the article (fullest form), or null when unattributed. */
  speaker: string | null;
  speaker_key: string | null;
  /** Index into `sentences` of the sentence that holds the quote. */
  sentence: number;
}

export type FigureKind = 'amount' | 'percent' | 'count' | 'date';

export interface Figure extends Span {
  kind: FigureKind;
  /** The figure as written, e.g. "$350 billion". */
  text: string;
  /** Normalized value: 350e9 for "$350 billion" and "350bn dollars"; a date as epoch milliseconds (UTC midnight). */
  value: number | null;
  /** Currency code for amounts (USD, EUR, KRW…), '%' for percentages, the counted noun for counts, null otherwise. */
  unit: string | null;
}

/**
 * What clustering reads of an analysis: keywords, the names with how often each is mentioned, the
 * figures. Small enough to cross between threads cheaply, unlike the whole analysis.
 */
export interface AnalysisDigest {
  keywords: { term: string; weight: number }[];
  title_entities: string[];
  entities: { key: string; kind: EntityKind; mentions: number }[];
  figures: Pick<Figure, 'kind' | 'unit' | 'value'>[];
}
