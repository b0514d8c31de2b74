import type { ChildProcess } from 'node:child_process';
import { startTestServer, type TestServer } from '../../src/ingest/test-server.js';
import { loadMultilingSample } from '../../src/write/sample.js';
import { spawnCli } from '../../src/cli/testing.js';
import { sampleSources } from '../../src/verify/fixtures.js';

/** A deterministic pseudo-random generator (mulberry32), so a failing run can be replayed by seed. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = (
  'harbour council budget railway vote river school hospital bridge market farmers weather storm ' +
  'festival museum library court police union strike minister mayor airport port factory energy ' +
  'solar wind water price tax housing rent wages tourism fishing forest mining election campaign ' +
  'survey report committee inquiry contract tender delay repair opening closure plan proposal'
).split(' ');

function filler(random: () => number, tag: string): string {
  const sentences: string[] = [];
  while (sentences.join(' ').length < 900) {
    const words = Array.from(
      { length: 10 + Math.floor(random() * 8) },
      () => WORDS[Math.floor(random() * WORDS.length)],
    );
    sentences.push(`The ${tag} ${words.join(' ')} ${Math.floor(random() * 10_000)}.`);
  }
  return sentences.join(' ');
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The loopback feed server of a fault check, and every article URL its feeds carry. */
export interface NewsFeeds {
  server: TestServer;
  feedUrls: string[];
  /** Article URLs per feed index. */
  items: string[][];
  /** Holds every feed request unanswered from now on, so a refresh job stays mid-fetch. */
  hold(): void;
  /** Answers the held feed requests and every later one at once. */
  release(): void;
  /** How many feed requests are being held. */
  held(): number;
  close(): Promise<void>;
}

/**
 * Serves `feeds` RSS feeds with `perFeed` unique filler articles each, plus real multi-outlet
 * events (the WikiNews sample when the shared data is present, two hand-made reports otherwise)
 * spread one outlet per feed, so the pipeline forms and writes stories while ingest runs.
 */
export async function startNewsFeeds({
  feeds,
  perFeed,
  seed,
}: {
  feeds: number;
  perFeed: number;
  seed: number;
}): Promise<NewsFeeds> {
  const random = seeded(seed);
  const server = await startTestServer();
  const events = loadMultilingSample()?.map((e) => e.sources) ?? [sampleSources()];
  const now = Date.now();
  const items: string[][] = [];
  const feedUrls: string[] = [];
  let waiting: (() => void)[] | undefined;
  for (let f = 0; f < feeds; f++) {
    const entries: { id: string; title: string; text: string }[] = [];
    for (const [e, event] of events.entries()) {
      const source = event[f];
      if (source) entries.push({ id: `event-${e}-${f}`, title: source.title, text: source.text });
    }
    for (let i = 0; i < perFeed; i++) {
      entries.push({
        id: `item-${f}-${i}`,
        title: `Local report ${f}-${i}`,
        text: filler(random, `district${f}x${i}`),
      });
    }
    const links = entries.map((entry) => `${server.url}/a/${entry.id}`);
    const body = `<?xml version="1.0"?><rss version="2.0"><channel><title>Outlet ${f}</title><link>${server.url}/</link>${entries
      .map(
        (entry, i) =>
          `<item><guid>${entry.id}</guid><title>${escapeXml(entry.title)}</title><link>${links[i]}</link>` +
          `<pubDate>${new Date(now - (i + 1) * 60_000).toUTCString()}</pubDate>` +
          `<description>${escapeXml(entry.text)}</description></item>`,
      )
      .join('')}</channel></rss>`;
    server.routes.set(`/feed/${f}.rss`, (_request, response) => {
      const answer = () => response.writeHead(200, { 'content-type': 'application/rss+xml' }).end(body);
      if (waiting) waiting.push(answer);
      else answer();
    });
    feedUrls.push(`${server.url}/feed/${f}.rss`);
    items.push(links);
  }
  return {
    server,
    feedUrls,
    items,
    hold() {
      waiting ??= [];
    },
    release() {
      const answers = waiting ?? [];
      waiting = undefined;
      for (const answer of answers) answer();
    },
    held: () => waiting?.length ?? 0,
    close: () => server.close(),
  };
}

/** A CLI child process with its log lines (JSON on stderr) collected as they come. */
export interface Proc {
  child: ChildProcess;
  logs: Record<string, unknown>[];
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Resolves with the first log line that matches; rejects if the process exits first. */
  waitFor(
    match: (line: Record<string, unknown>) => boolean,
    timeoutMs?: number,
  ): Promise<Record<string, unknown>>;
}

export function startProc(args: string[], env: NodeJS.ProcessEnv): Proc {
  const child = spawnCli(args, { env: { NEWSLOOM_LOG_LEVEL: 'info', ...env } });
  const logs: Record<string, unknown>[] = [];
  const waiters = new Set<() => void>();
  let buffer = '';
  child.stdout?.resume();
  child.stderr!.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    const lines = buffer.split('\n');
    buffer = lines.pop() ?? '';
    for (const line of lines) {
      if (!line.startsWith('{')) {
        // A command's one-line error ("newsloom: …") or a crash: kept for the failure message.
        if (line.trim()) logs.push({ msg: 'stderr', text: line });
        continue;
      }
      try {
        logs.push(JSON.parse(line));
      } catch {
        // A line cut by kill -9 is not a log line.
      }
    }
    for (const wake of waiters) wake();
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => {
      for (const wake of waiters) wake();
      resolve({ code, signal });
    }),
  );
  return {
    child,
    logs,
    exited,
    waitFor(match, timeoutMs = 180_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => finish(new Error(`no matching log line within ${timeoutMs} ms`)),
          timeoutMs,
        );
        const finish = (error?: Error, line?: Record<string, unknown>) => {
          clearTimeout(timer);
          waiters.delete(check);
          if (error) reject(error);
          else resolve(line!);
        };
        const check = () => {
          const line = logs.find(match);
          if (line) finish(undefined, line);
          else if (child.exitCode !== null || child.signalCode !== null)
            finish(
              new Error(
                `process exited: ${logs
                  .slice(-5)
                  .map((l) => JSON.stringify(l))
                  .join('\n')}`,
              ),
            );
        };
        waiters.add(check);
        check();
      });
    },
  };
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `probe` until it returns a value other than undefined. */
export async function until<T>(
  probe: () => Promise<T | undefined>,
  what: string,
  timeoutMs = 120_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await sleep(250);
  }
}
