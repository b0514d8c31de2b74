import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { type Browser, chromium, type Page } from 'playwright-core';

/** Debian's chromium (a test tool's own browser download fails on these machines). */
export const CHROMIUM = process.env.NEWSLOOM_CHROMIUM ?? '/usr/bin/chromium';

/** Headless flags; without the background-networking ones chromium keeps dialling out to a closed network. */
export const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Whether the browser is installed (`.ci/run` installs it). */
export const available = existsSync(CHROMIUM);

/** The XSS payload list shared by the page and comment tests, one payload per line. */
export const PAYLOADS = readFileSync(
  new URL('../../src/web/testdata/xss-payloads.txt', import.meta.url),
  'utf8',
)
  .split('\n')
  .filter((l) => l.trim() !== '');

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Serious and critical accessibility violations axe finds on the page. */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE); // evaluated through the debugging protocol, so CSP does not apply
  const violations = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run: () => Promise<{ violations: unknown[] }> } }).axe;
    return (await axe.run()).violations as { id: string; impact: string; nodes: unknown[] }[];
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}, ${v.nodes.length} nodes)`);
}

/** A fresh browser profile on `base`, signed in through the form and landed on the home page. */
export async function signedIn(
  browser: Browser,
  base: string,
  { email, password, width = 1280 }: { email: string; password: string; width?: number },
): Promise<Page> {
  const context = await browser.newContext({ baseURL: base, viewport: { width, height: 900 } });
  const page = await context.newPage();
  await page.goto('/sign-in?next=%2F');
  await page.fill('input[name=email]', email);
  await page.fill('input[name=password]', password);
  await page.click('form[action="/sign-in"] button[type=submit]');
  await page.waitForURL((url) => url.pathname === '/');
  return page;
}

/** The app on a loopback port and a headless browser to drive it; close() stops both. */
export interface BrowserRig {
  base: string;
  browser: Browser;
  close(): Promise<void>;
}

/** Serves `app` on 127.0.0.1 (a free port) and launches chromium. */
export async function startBrowserRig(app: { fetch: (request: Request) => Response | Promise<Response> }) {
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    browser,
    async close() {
      await browser.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  } satisfies BrowserRig;
}

/** Where browser tests leave their screenshots. */
const ARTIFACTS = new URL('../../test-artifacts/', import.meta.url);

/** Saves a full-page screenshot as test-artifacts/<name>.png; returns the file. */
export async function saveScreenshot(page: Page, name: string): Promise<URL> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const file = new URL(`${name}.png`, ARTIFACTS);
  await page.screenshot({ path: file.pathname, fullPage: true });
  return file;
}

/** How many pixels the page is wider than the window (0 or less: nothing overflows sideways). */
export function sidewaysOverflow(page: Page): Promise<number> {
  return page.evaluate(() => {
    const g = globalThis as unknown as {
      document: { documentElement: { scrollWidth: number } };
      innerWidth: number;
    };
    return g.document.documentElement.scrollWidth - g.innerWidth;
  });
}
