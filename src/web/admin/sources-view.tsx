import type { SourceHealth } from '../../admin/sources.js';
import type { Source } from '../../db/schema.js';
import { DROP_REASONS, describeDrops } from '../../ingest/drops.js';
import type { RefreshSummary } from '../../ingest/refresh.js';
import type { SourceFeedReport } from '../../store/feed-reports.js';
import { when } from './shared.js';

/** A source's health as one label and a kind for its badge. */
export function health(s: Source): { label: string; kind: 'ok' | 'failing' | 'off' | 'new' } {
  if (!s.enabled) return { label: 'disabled', kind: 'off' };
  if (s.paused_reason) return { label: `paused: ${s.paused_reason}`, kind: 'failing' };
  if (s.error_count > 0) return { label: `failing ×${s.error_count}`, kind: 'failing' };
  return s.last_success_at ? { label: 'ok', kind: 'ok' } : { label: 'not fetched yet', kind: 'new' };
}

/** One row of the sources table. */
export function SourceRow({ s }: { s: SourceHealth }) {
  const h = health(s);
  return (
    <tr id={`source-${s.id}`}>
      <td>
        <a href={`/admin/sources/${s.id}`}>{s.name}</a>
        <br />
        <small class="meta">
          #{s.id} · {s.kind}
          {s.url ? ` · ${s.url}` : ''}
        </small>
      </td>
      <td>
        <span class={`badge health-${h.kind}`}>{h.label}</span>
        {s.last_error && h.kind === 'failing' ? (
          <>
            <br />
            <small>{s.last_error}</small>
          </>
        ) : null}
      </td>
      <td>{when(s.last_success_at)}</td>
      <td class="n">{s.items_per_day}</td>
    </tr>
  );
}

/** What a "fetch now" did. */
export function RefreshResult({ summary }: { summary: RefreshSummary }) {
  return (
    <section class="notice" aria-live="polite" id="fetch-result">
      <h2>Fetched: {summary.status.replace('_', ' ')}</h2>
      <p>
        {summary.new} new · {summary.updated} updated · {summary.duplicate} duplicates · {summary.unchanged}{' '}
        unchanged · {summary.failed} failed
      </p>
      {Object.keys(summary.dropped).length > 0 ? <p>Left out: {describeDrops(summary.dropped)}</p> : null}
      {summary.warnings.map((w) => (
        <p>Warning: {w}</p>
      ))}
      {summary.error ? <p role="alert">Error: {summary.error}</p> : null}
      {summary.paused ? <p>The source is now paused after repeated failures.</p> : null}
      {summary.next_check_at ? <p>Next check: {when(new Date(summary.next_check_at))}</p> : null}
    </section>
  );
}

/** Items of the source's feed that did not become articles, by reason, and the feed's warnings. */
export function FeedReportView({ report }: { report: SourceFeedReport }) {
  return (
    <section id="feed-report">
      <h2>Items left out</h2>
      {report.drops.length === 0 ? (
        <p>None so far: every item read from this feed became an article.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>Reason</th>
              <th class="n">Total</th>
              <th>Latest</th>
              <th>Example</th>
            </tr>
          </thead>
          <tbody>
            {report.drops.map((d) => (
              <tr id={`drop-${d.reason}`}>
                <td>{DROP_REASONS[d.reason as keyof typeof DROP_REASONS] ?? d.reason}</td>
                <td class="n">{d.total}</td>
                <td>
                  {d.last_count} on {when(d.last_dropped_at)}
                </td>
                <td>
                  <small>{d.last_example ?? '—'}</small>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {report.warnings.length > 0 ? (
        <>
          <h3>Read with warnings ({when(report.warnings_recorded_at)})</h3>
          <ul>
            {report.warnings.map((w) => (
              <li>{w}</li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
