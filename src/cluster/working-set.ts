import type { StoryProfile } from '../db/schema.js';
import { postingTerms } from './profile.js';

/** A story as the clusterer holds it during one batch. */
export interface StoryEntry {
  /** Database id, or a negative placeholder for a story created in this batch. */
  key: number;
  profile: StoryProfile;
  dirty: boolean;
  /** Set when the story was merged into another during the batch. */
  mergedInto?: number;
}

/**
 * The stories one batch can touch, with an in-memory copy of their postings, so that articles in
 * the batch see stories the batch itself created or grew.
 */
export class WorkingSet {
  readonly stories = new Map<number, StoryEntry>();
  private readonly postings = new Map<string, Set<number>>();
  /** Stories an editor split apart (story → the stories it must never merge with). */
  private readonly apart = new Map<number, Set<number>>();
  private nextKey = -1;

  /** Adds a story loaded from the database. */
  load(id: number, profile: StoryProfile): void {
    this.stories.set(id, { key: id, profile, dirty: false });
    this.index(id, profile);
  }

  /** Adds a story created in this batch; returns its placeholder key. */
  create(profile: StoryProfile): number {
    const key = this.nextKey--;
    this.stories.set(key, { key, profile, dirty: true });
    this.index(key, profile);
    return key;
  }

  /** Whether a story was stored by an earlier pass (database ids are positive, placeholders negative). */
  isStored(key: number): boolean {
    return key > 0;
  }

  /** Replaces a story's profile (after an article joined or a merge). */
  update(key: number, profile: StoryProfile): void {
    const entry = this.stories.get(key)!;
    this.unindex(key, entry.profile);
    entry.profile = profile;
    entry.dirty = true;
    this.index(key, profile);
  }

  /** Marks `from` as merged into `into` and takes it out of the postings. */
  retire(from: number, into: number): void {
    const entry = this.stories.get(from)!;
    this.unindex(from, entry.profile);
    entry.mergedInto = into;
    // The survivor holds `from`'s articles, so it inherits the stories they were split from.
    for (const other of this.apart.get(from) ?? []) this.keepApart(into, other);
  }

  /** Records that two stories must never merge (an editor split them). */
  keepApart(a: number, b: number): void {
    if (!this.apart.has(a)) this.apart.set(a, new Set());
    if (!this.apart.has(b)) this.apart.set(b, new Set());
    this.apart.get(a)!.add(b);
    this.apart.get(b)!.add(a);
  }

  /** Whether two stories (followed through merges) must stay apart. */
  isApart(a: number, b: number): boolean {
    const x = this.resolve(a);
    const y = this.resolve(b);
    for (const other of this.apart.get(x) ?? []) if (this.resolve(other) === y) return true;
    return false;
  }

  /** Live stories sharing the most of `terms`, most shared first. */
  candidates(terms: string[], limit: number): number[] {
    const hits = new Map<number, number>();
    for (const t of terms)
      for (const key of this.postings.get(t) ?? []) hits.set(key, (hits.get(key) ?? 0) + 1);
    return [...hits.entries()]
      .sort((a, b) => b[1] - a[1] || b[0] - a[0])
      .slice(0, limit)
      .map(([key]) => key);
  }

  /** Follows merges to the story that now holds `key`'s articles. */
  resolve(key: number): number {
    let k = key;
    for (let entry = this.stories.get(k); entry?.mergedInto !== undefined; entry = this.stories.get(k))
      k = entry.mergedInto;
    return k;
  }

  private index(key: number, profile: StoryProfile): void {
    for (const t of postingTerms(profile)) {
      const set = this.postings.get(t);
      if (set) set.add(key);
      else this.postings.set(t, new Set([key]));
    }
  }

  private unindex(key: number, profile: StoryProfile): void {
    for (const t of postingTerms(profile)) this.postings.get(t)?.delete(key);
  }
}
