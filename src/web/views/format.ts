/** Dates as readers see them: "10 Mar 2026, 11:00 UTC" (pages are cached, so no local time zone). */
export function formatDate(date: Date | string | null | undefined): string {
  if (!date) return '';
  const d = new Date(date);
  const day = d.toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
  const time = d.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'UTC' });
  return `${day}, ${time} UTC`;
}

/** ISO 8601 text for `datetime` attributes and feeds. */
export function isoDate(date: Date | string | null | undefined): string {
  return date ? new Date(date).toISOString() : '';
}

/** The first sentence of a text (for one-sentence teasers). */
export function firstSentence(text: string): string {
  const match = /^.*?[.!?](?=\s+[A-Z"“‘(]|$)/s.exec(text.trim());
  return (match ? match[0] : text).trim();
}

/**
 * A story sentence as it reads on the page: a sentence's opening clause, cited as exactly the span
 * it is ("Talia Brennan conceded the election on Sunday"), closes with a full stop.
 */
export function asSentence(text: string): string {
  return /[.!?…]["”’)\]]*$/u.test(text.trim()) ? text : `${text.trimEnd()}.`;
}

/** "3 sources from 2 outlets". */
export function sourceCount(sources: number, publishers: number): string {
  const s = `${sources} source${sources === 1 ? '' : 's'}`;
  return `${s} from ${publishers} outlet${publishers === 1 ? '' : 's'}`;
}

/** Splits text holding highlight marks into plain and marked runs (rendered as text and <mark>). */
export function markedRuns(text: string, start: string, end: string): { text: string; marked: boolean }[] {
  const runs: { text: string; marked: boolean }[] = [];
  let rest = text;
  while (rest.length > 0) {
    const i = rest.indexOf(start);
    if (i < 0) {
      runs.push({ text: rest.replaceAll(end, ''), marked: false });
      break;
    }
    if (i > 0) runs.push({ text: rest.slice(0, i).replaceAll(end, ''), marked: false });
    const j = rest.indexOf(end, i + start.length);
    const stop = j < 0 ? rest.length : j;
    runs.push({ text: rest.slice(i + start.length, stop).replaceAll(start, ''), marked: true });
    rest = j < 0 ? '' : rest.slice(j + end.length);
  }
  return runs;
}

/** The URL when it is http(s), else '#': source URLs come from outside and must never run script. */
export function safeUrl(url: string | null | undefined): string {
  return url && /^https?:\/\//i.test(url) ? url : '#';
}
