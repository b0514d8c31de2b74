import { Hono } from 'hono';
import { type Dashboard, dashboard } from '../../admin/dashboard.js';
import type { AccountEnv } from '../auth/context.js';
import type { AdminDeps } from './deps.js';
import { consolePage } from './shared.js';

const WIDTH = 480;
const HEIGHT = 120;

/** Articles per hour as bars: server-drawn SVG (the CSP allows no inline script, and none is needed). */
function HourlyChart({ hours }: { hours: Dashboard['hours'] }) {
  const max = Math.max(1, ...hours.map((h) => h.count));
  const total = hours.reduce((sum, h) => sum + h.count, 0);
  const peak = hours.reduce((best, h) => (h.count > best.count ? h : best), hours[0]!);
  const bar = WIDTH / hours.length;
  const label = `${total} articles in the last ${hours.length} hours; busiest hour ${peak.hour.toISOString().slice(0, 13)}:00 UTC with ${peak.count}.`;
  return (
    <figure class="chart">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT + 14}`}
        role="img"
        aria-label={label}
        preserveAspectRatio="none"
        width="100%"
        height="140"
      >
        <title>{label}</title>
        <line x1="0" y1={HEIGHT} x2={WIDTH} y2={HEIGHT} class="axis" />
        {hours.map((h, i) => {
          const height = Math.round((h.count / max) * (HEIGHT - 4));
          return (
            <rect
              x={(i * bar + 0.5).toFixed(1)}
              y={HEIGHT - height}
              width={(bar - 1).toFixed(1)}
              height={height}
            >
              <title>{`${h.hour.toISOString().slice(0, 13)}:00 UTC: ${h.count}`}</title>
            </rect>
          );
        })}
        <text x="0" y={HEIGHT + 12}>
          −{hours.length} h
        </text>
        <text x={WIDTH} y={HEIGHT + 12} text-anchor="end">
          now
        </text>
      </svg>
      <figcaption class="meta">{label}</figcaption>
    </figure>
  );
}

function Tile({ label, value, href }: { label: string; value: number | string; href?: string }) {
  return (
    <div class="tile">
      <dt>{href ? <a href={href}>{label}</a> : label}</dt>
      <dd>{value}</dd>
    </div>
  );
}

/** `/admin`: what came in, what was formed and published, and what waits for someone. */
export function dashboardSection(deps: AdminDeps): Hono<AccountEnv> {
  const app = new Hono<AccountEnv>();
  app.get('/', async (c) => {
    const data = await dashboard(deps.database.db);
    const n = data.counters;
    return consolePage(
      c,
      deps,
      'Dashboard',
      <>
        <h1>Dashboard</h1>
        <h2>Articles ingested per hour</h2>
        <HourlyChart hours={data.hours} />
        <h2>Last 48 hours</h2>
        <dl class="tiles">
          <Tile label="Stories formed" value={n.stories_formed} href="/admin/stories" />
          <Tile label="Stories published" value={n.stories_published} href="/admin/stories" />
        </dl>
        <h2>Waiting now</h2>
        <dl class="tiles">
          <Tile
            label="Sources failing"
            value={`${n.sources_failing} of ${n.sources_enabled}`}
            href="/admin/sources?health=failing"
          />
          <Tile label="Versions to review" value={n.versions_review} href="/admin/stories" />
          <Tile label="Versions held" value={n.versions_held} href="/admin/stories" />
          <Tile label="Comments pending" value={n.comments_pending} href="/admin/moderation" />
          <Tile label="Comments reported" value={n.comments_reported} href="/admin/moderation" />
          <Tile label="Inaccuracy reports open" value={n.inaccuracy_open} href="/admin/corrections" />
        </dl>
        <h2>Job queue</h2>
        {data.queue === null ? (
          <p>No job queue has run on this database yet (workers start with `newsloom serve` or `worker`).</p>
        ) : data.queue.length === 0 ? (
          <p>Empty: no job waits or runs.</p>
        ) : (
          <div class="table-scroll">
            <table>
              <thead>
                <tr>
                  <th>Queue</th>
                  <th class="n">Waiting</th>
                  <th class="n">Running</th>
                </tr>
              </thead>
              <tbody>
                {data.queue.map((q) => (
                  <tr>
                    <td>{q.name}</td>
                    <td class="n">{q.waiting}</td>
                    <td class="n">{q.active}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </>,
    );
  });
  return app;
}
