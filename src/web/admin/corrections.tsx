import { Hono } from 'hono';
import { publishCorrection, resolveReport, sentenceLocations } from '../../admin/corrections.js';
import { correctionsLog } from '../../store/corrections.js';
import { openInaccuracyReports } from '../../store/inaccuracy.js';
import { latestPublishedVersion } from '../../store/published.js';
import { reviewStories } from '../../store/review.js';
import { storyById } from '../../store/stories.js';
import type { AccountContext, AccountEnv } from '../auth/context.js';
import { CsrfField } from '../discuss/layout.js';
import { formFields } from '../discuss/shared.js';
import type { AdminDeps } from './deps.js';
import { actorOf, ConsolePage, failure, int, reviewDeps } from './review-shared.js';

const DONE: Record<string, string> = {
  dismissed: 'Report dismissed.',
  corrected: 'Correction published: the story has a new version with your note as its reason.',
  published: 'Correction published: readers see it on the story and in the corrections log.',
  held: 'The corrected version did not pass verification and is held; see the story.',
  review: 'The corrected version waits for review.',
};

/** `/admin/corrections`: readers' inaccuracy reports, a correction on the editor's initiative, the log. */
export function correctionsSection(deps: AdminDeps): Hono<AccountEnv> {
  const app = new Hono<AccountEnv>();
  const db = deps.database.db;
  const review = () => reviewDeps(deps);

  async function queue(
    c: AccountContext,
    error?: string,
    status: 200 | 400 | 401 | 403 | 404 | 409 | 429 = 200,
  ) {
    const [reports, log, published] = await Promise.all([
      openInaccuracyReports(db),
      correctionsLog(db, { limit: 20 }),
      reviewStories(db, { state: 'published', limit: 200, offset: 0 }),
    ]);
    const csrf = c.get('csrf')();
    return c.html(
      <ConsolePage
        c={c}
        deps={deps}
        title="Corrections"
        notice={DONE[c.req.query('done') ?? ''] ?? null}
        error={error}
      >
        <h1>Corrections</h1>
        <section aria-label="Inaccuracy reports">
          <h2>Inaccuracy reports ({reports.length})</h2>
          {reports.length === 0 ? <p>No open report.</p> : null}
          {reports.map((r) => (
            <article id={`report-${r.id}`} class="report">
              <p class="meta">
                <a href={`/admin/stories/${r.story_id}`}>{r.story_slug}</a> · reported by {r.reporter_name} ·{' '}
                {r.created_at.toISOString().slice(0, 16).replace('T', ' ')}
              </p>
              <blockquote>{r.sentence}</blockquote>
              <p>{r.note}</p>
              <form method="post" action={`/admin/corrections/reports/${r.id}`} class="sans">
                <CsrfField token={csrf} />
                <label>
                  Reason (shown with the correction){' '}
                  <input name="note" required minlength={3} maxlength={2000} />
                </label>
                <button type="submit" name="action" value="dismiss">
                  Dismiss
                </button>
                <button type="submit" name="action" value="correct">
                  Remove the sentence and publish a correction
                </button>
              </form>
              <p class="meta">
                <a href={`/admin/corrections/new?story=${r.story_id}`}>Correct the story another way</a>
              </p>
            </article>
          ))}
        </section>
        <section aria-label="New correction" class="sans">
          <h2>Correct a story</h2>
          <form method="get" action="/admin/corrections/new">
            <label>
              Story{' '}
              <select name="story" required>
                {published.stories.map((s) => (
                  <option value={String(s.id)}>{s.headline ?? s.title ?? s.slug}</option>
                ))}
              </select>
            </label>
            <button type="submit">Write a correction</button>
          </form>
        </section>
        <section aria-label="Corrections log">
          <h2>Recent corrections</h2>
          <ul>
            {log.map((entry) => (
              <li>
                <a href={`/stories/${entry.slug}`}>{entry.headline}</a> (v{entry.version}) — {entry.reason}
              </li>
            ))}
          </ul>
          <p>
            <a href="/corrections">Public corrections log</a>
          </p>
        </section>
      </ConsolePage>,
      status,
    );
  }

  app.get('/corrections', (c) => queue(c));

  app.post('/corrections/reports/:id', async (c) => {
    const fields = await formFields(c);
    try {
      const report = await resolveReport(review(), actorOf(c), {
        reportId: int(c.req.param('id')),
        action: fields.action === 'correct' ? 'correct' : 'dismiss',
        note: fields.note ?? '',
      });
      return c.redirect(`/admin/corrections?done=${report.status}`, 303);
    } catch (error) {
      const { message, status } = failure(error);
      return queue(c, message, status);
    }
  });

  /** The correction form of one story: each sentence editable or removable, a reason. */
  async function form(
    c: AccountContext,
    storyId: number,
    options: {
      error?: string;
      status?: 400 | 401 | 403 | 404 | 409 | 429;
      fields?: Record<string, string>;
    } = {},
  ) {
    const story = await storyById(db, storyId);
    const current = story ? await latestPublishedVersion(db, storyId) : undefined;
    if (!story || !current) {
      return c.html(
        <ConsolePage
          c={c}
          deps={deps}
          title="Correct a story"
          error={options.error ?? `No published story ${storyId}.`}
        >
          <p>
            <a href="/admin/corrections">Corrections</a>
          </p>
        </ConsolePage>,
        options.status ?? 404,
      );
    }
    const f = options.fields ?? {};
    return c.html(
      <ConsolePage c={c} deps={deps} title={`Correct: ${current.headline}`} error={options.error}>
        <p class="meta sans">
          <a href="/admin/corrections">Corrections</a> ·{' '}
          <a href={`/admin/stories/${story.id}`}>story {story.id}</a>
        </p>
        <h1>Correct “{current.headline}”</h1>
        <form method="post" action="/admin/corrections" class="stacked correction-form">
          <CsrfField token={c.get('csrf')()} />
          <input type="hidden" name="storyId" value={String(story.id)} />
          <label>
            Reason, shown to readers with the correction
            <textarea name="reason" required minlength={10} maxlength={2000} rows={3}>
              {f.reason ?? ''}
            </textarea>
          </label>
          <label>
            Headline <input name="headline" value={f.headline ?? current.headline} maxlength={160} />
          </label>
          <label>
            Dek <input name="dek" value={f.dek ?? current.dek} maxlength={400} />
          </label>
          <fieldset>
            <legend>Sentences (edit the wording or remove; citations stay and are checked again)</legend>
            {[...sentenceLocations(current)].map(([location, text]) => (
              <div class="sentence-edit">
                <label>
                  <span class="meta">{location}</span>
                  <textarea name={`s:${location}`} rows={3} maxlength={1000}>
                    {f[`s:${location}`] ?? text}
                  </textarea>
                </label>
                <label class="inline-check">
                  <input
                    type="checkbox"
                    name={`remove:${location}`}
                    value="1"
                    checked={f[`remove:${location}`] === '1'}
                  />{' '}
                  remove this sentence
                </label>
              </div>
            ))}
          </fieldset>
          <button type="submit">Publish the correction</button>
        </form>
      </ConsolePage>,
      options.status ?? 200,
    );
  }

  app.get('/corrections/new', (c) => form(c, int(c.req.query('story'))));

  app.post('/corrections', async (c) => {
    const fields = await formFields(c);
    const storyId = int(fields.storyId);
    const replace: Record<string, string> = {};
    const remove: string[] = [];
    for (const [name, value] of Object.entries(fields)) {
      if (name.startsWith('s:')) replace[name.slice(2)] = value;
      if (name.startsWith('remove:') && value === '1') remove.push(name.slice(7));
    }
    for (const location of remove) delete replace[location];
    try {
      const version = await publishCorrection(review(), actorOf(c), {
        storyId,
        reason: fields.reason ?? '',
        replace,
        remove,
        headline: fields.headline || undefined,
        dek: fields.dek || undefined,
      });
      return c.redirect(`/admin/corrections?done=${version.status}`, 303);
    } catch (error) {
      const { message, status } = failure(error);
      return form(c, storyId, { error: message, status, fields });
    }
  });

  return app;
}
