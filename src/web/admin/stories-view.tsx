import { type StoryReview, VERDICT_LABEL, type Verdict } from '../../admin/story-review.js';
import { REVIEW_STATES, type ReviewListEntry, type ReviewState } from '../../store/review.js';
import type { AccountContext } from '../auth/context.js';
import { CsrfField } from '../discuss/layout.js';

const STATE_LABEL: Record<string, string> = {
  forming: 'forming',
  review: 'waiting for review',
  published: 'published',
  held: 'held',
  merged: 'merged',
};

const when = (d: Date | null | undefined) => (d ? d.toISOString().slice(0, 16).replace('T', ' ') : '');

/** A state as a badge with words (never colour alone). */
export function StateBadge({ state }: { state: string }) {
  return <span class={`state state-${state}`}>{STATE_LABEL[state] ?? state}</span>;
}

/** The review list: filters, one row per story, pages. */
export function StoryList(props: {
  stories: ReviewListEntry[];
  total: number;
  page: number;
  pageSize: number;
  state: ReviewState | undefined;
  q: string;
}) {
  const { stories, total, page, pageSize, state, q } = props;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const link = (p: number) => {
    const params = new URLSearchParams();
    if (state) params.set('state', state);
    if (q) params.set('q', q);
    if (p > 1) params.set('page', String(p));
    const s = params.toString();
    return `/admin/stories${s ? `?${s}` : ''}`;
  };
  return (
    <>
      <h1>Stories</h1>
      <form method="get" action="/admin/stories" class="filters sans">
        <label>
          State{' '}
          <select name="state">
            <option value="">all</option>
            {REVIEW_STATES.map((s) => (
              <option value={s} selected={s === state}>
                {STATE_LABEL[s]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Title <input type="search" name="q" value={q} maxlength={200} />
        </label>
        <button type="submit">Filter</button>
      </form>
      <p class="meta">
        {total} {total === 1 ? 'story' : 'stories'}
        {pages > 1 ? ` · page ${page} of ${pages}` : ''}
      </p>
      <div class="table-scroll">
        <table class="stories">
          <thead>
            <tr>
              <th>Story</th>
              <th>State</th>
              <th class="n">Articles</th>
              <th>Latest version</th>
              <th>Last article</th>
            </tr>
          </thead>
          <tbody>
            {stories.map((s) => (
              <tr>
                <td>
                  <a href={`/admin/stories/${s.id}`}>{s.headline ?? s.title ?? s.slug}</a>
                  {s.write_note ? <div class="meta">{s.write_note}</div> : null}
                </td>
                <td>
                  <StateBadge state={s.state} />
                </td>
                <td class="n">
                  {s.article_count} / {s.publisher_count}
                </td>
                <td>
                  {s.version
                    ? `v${s.version} ${s.version_status} · ${s.writer} · support ${s.support_score ?? '–'}`
                    : 'none'}
                </td>
                <td>{when(s.last_seen_at)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {stories.length === 0 ? <p>No story matches.</p> : null}
      <nav class="pager sans" aria-label="Pages">
        {page > 1 ? <a href={link(page - 1)}>← Newer</a> : <span />}
        {page < pages ? <a href={link(page + 1)}>Older →</a> : <span />}
      </nav>
    </>
  );
}

function VerdictTag({ verdict }: { verdict: Verdict }) {
  return <span class={`verdict v-${verdict}`}>{VERDICT_LABEL[verdict]}</span>;
}

function Findings({ findings }: { findings: { check: string; severity: string; message: string }[] }) {
  if (findings.length === 0) return null;
  return (
    <ul class="findings">
      {findings.map((f) => (
        <li>
          {f.severity} · {f.check}: {f.message}
        </li>
      ))}
    </ul>
  );
}

/** The version view: headline, dek, sentences with citations and findings, actions, versions, articles. */
export function StoryView({
  c,
  review,
  modelWriter,
}: {
  c: AccountContext;
  review: StoryReview;
  modelWriter: string | null;
}) {
  const { story, version, versions } = review;
  const csrf = <CsrfField token={c.get('csrf')()} />;
  const base = `/admin/stories/${story.id}`;
  return (
    <>
      <p class="meta sans">
        <a href="/admin/stories">All stories</a> · story {story.id} · <StateBadge state={story.state} />
        {story.state === 'published' ? (
          <>
            {' · '}
            <a href={`/stories/${story.slug}`}>reader page</a>
          </>
        ) : null}
        {story.merged_into ? (
          <>
            {' · merged into '}
            <a href={`/admin/stories/${story.merged_into}`}>story {story.merged_into}</a>
          </>
        ) : null}
      </p>
      {story.write_note && !review.notes.some((n) => n.message === story.write_note) ? (
        <p class="notice">{story.write_note}</p>
      ) : null}
      {version ? (
        <>
          <h1 class={`v-${review.headline.verdict}`}>{version.headline}</h1>
          {review.headline.verdict !== 'verified' ? <VerdictTag verdict={review.headline.verdict} /> : null}
          <Findings findings={review.headline.findings} />
          <p class={`dek v-${review.dek.verdict}`}>{version.dek}</p>
          <Findings findings={review.dek.findings} />
          <p class="meta">
            Version {version.version} · <span class={`state state-${version.status}`}>{version.status}</span>{' '}
            · writer {version.writer} · support {version.support_score ?? '–'} · {version.source_count}{' '}
            sources from {version.publisher_count} publishers · {when(version.generated_at)}
            {version.change_note ? ` · ${version.change_note}` : ''}
          </p>
          {version.correction_reason ? <p class="notice">Correction: {version.correction_reason}</p> : null}
          {review.notes.length ? (
            <div class="notice" role="note">
              {review.notes.map((n) => (
                <p>
                  {n.severity}: {n.message}
                </p>
              ))}
            </div>
          ) : null}
        </>
      ) : (
        <>
          <h1>{story.title ?? story.slug}</h1>
          <p>No version yet.</p>
        </>
      )}

      <section class="actions sans" aria-label="Actions">
        <h2>Actions</h2>
        {version && version.status !== 'published' ? (
          <form method="post" action={`${base}/publish`}>
            {csrf}
            <input type="hidden" name="versionId" value={String(version.id)} />
            <button type="submit">Publish version {version.version}</button>
          </form>
        ) : null}
        {version && version.status === 'review' ? (
          <form method="post" action={`${base}/hold`}>
            {csrf}
            <input type="hidden" name="versionId" value={String(version.id)} />
            <label>
              Note <input name="note" maxlength={500} />
            </label>
            <button type="submit">Hold version {version.version}</button>
          </form>
        ) : null}
        {story.state === 'published' ? (
          <form method="post" action={`${base}/unpublish`}>
            {csrf}
            <label>
              Reason <input name="reason" required minlength={3} maxlength={500} />
            </label>
            <button type="submit">Unpublish story</button>
          </form>
        ) : null}
        {story.state !== 'merged' ? (
          <form method="post" action={`${base}/regenerate`}>
            {csrf}
            <label>
              Writer{' '}
              <select name="writer">
                <option value="extractive">extractive</option>
                {modelWriter ? <option value="model">model ({modelWriter})</option> : null}
              </select>
            </label>
            <button type="submit">Write again</button>
          </form>
        ) : null}
        {version && story.state !== 'merged' ? (
          <form method="post" action={`${base}/headline`} class="stacked">
            {csrf}
            <input type="hidden" name="versionId" value={String(version.id)} />
            <label>
              Headline{' '}
              <input name="headline" value={version.headline} required minlength={8} maxlength={160} />
            </label>
            <label>
              Dek{' '}
              <textarea name="dek" required minlength={8} maxlength={400} rows={2}>
                {version.dek}
              </textarea>
            </label>
            <button type="submit">Save headline and dek</button>
            <p class="meta">
              The new text is verified against the sources; it becomes a new version to publish.
            </p>
          </form>
        ) : null}
      </section>

      {version ? (
        <section aria-label="Sentences">
          <h2>Sentences</h2>
          <ol class="review-sentences">
            {review.sentences.map((s) => (
              <li id={`s-${s.location}`} class={`sentence v-${s.verdict}`}>
                <p>
                  {s.text} <VerdictTag verdict={s.verdict} />{' '}
                  <span class="meta">
                    {s.location} · support {s.support ?? '–'}
                  </span>
                </p>
                <Findings findings={s.findings} />
                {s.citations.map((cite) => (
                  <details class="citation">
                    <summary>
                      {cite.outlet}: {cite.title}
                    </summary>
                    <blockquote>{cite.passage}</blockquote>
                    {cite.url ? <a href={cite.url}>source</a> : null}
                  </details>
                ))}
              </li>
            ))}
          </ol>
          {review.dropped.length ? (
            <>
              <h2>Dropped by the verifier</h2>
              <ol class="review-sentences">
                {review.dropped.map((d) => (
                  <li class={`sentence dropped v-${d.verdict}`}>
                    <p>
                      <del>{d.text}</del> <VerdictTag verdict={d.verdict} />{' '}
                      <span class="meta">{d.location}</span>
                    </p>
                    <Findings findings={d.findings} />
                  </li>
                ))}
              </ol>
            </>
          ) : null}
        </section>
      ) : null}

      {versions.length ? (
        <section aria-label="Versions">
          <h2>Versions</h2>
          <div class="table-scroll">
            <table>
              <thead>
                <tr>
                  <th>Version</th>
                  <th>Status</th>
                  <th>Writer</th>
                  <th class="n">Support</th>
                  <th>Written</th>
                  <th>Change</th>
                </tr>
              </thead>
              <tbody>
                {versions.map((v) => (
                  <tr>
                    <td>
                      <a
                        href={`${base}?v=${v.version}`}
                        aria-current={v.id === version?.id ? 'true' : undefined}
                      >
                        v{v.version}
                      </a>
                    </td>
                    <td>{v.status}</td>
                    <td>{v.writer}</td>
                    <td class="n">{v.support_score ?? '–'}</td>
                    <td>{when(v.generated_at)}</td>
                    <td>
                      {v.correction_reason ? `correction: ${v.correction_reason}` : (v.change_note ?? '')}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}

      {story.state !== 'merged' ? (
        <section aria-label="Articles" class="sans">
          <h2>Articles ({review.articles.length})</h2>
          <ul class="review-articles">
            {review.articles.map((a) => (
              <li>
                <span>
                  {a.source_name}: <a href={a.url}>{a.title}</a>
                  <small class="why">Why here: {review.why.get(a.id) ?? ''}</small>
                </span>
                {review.articles.length > 1 ? (
                  <form method="post" action={`${base}/split`} class="inline">
                    {csrf}
                    <input type="hidden" name="articleId" value={String(a.id)} />
                    <button type="submit" aria-label={`Split out “${a.title}”`}>
                      Split out
                    </button>
                  </form>
                ) : null}
              </li>
            ))}
          </ul>
          <form method="post" action={`${base}/merge`} class="merge">
            {csrf}
            <label>
              Merge another story into this one (its number or slug){' '}
              <input name="other" required maxlength={200} />
            </label>
            <button type="submit">Merge into this story</button>
          </form>
        </section>
      ) : null}
    </>
  );
}
