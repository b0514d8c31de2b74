import { existsSync, readFileSync } from 'node:fs';

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
