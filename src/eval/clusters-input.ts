import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { AppError } from '../lib/errors.js';

/** One article of an evaluation set: interchange fields plus its gold story label. */
export interface LabelledArticle {
  article: Record<string, unknown> & { id: string };
  story: string;
}

/**
 * Reads an evaluation set: an interchange .jsonl file (gold label in `story`), a WikiRef folder of
 * cp1252 .txt files (first line headline, label = file-name prefix), or a MultiLing or Multi-News
 * events file (one event per line; label = the event). The label is split off here and never stored.
 */
export function readLabelledArticles(file: string): LabelledArticle[] {
  let stat: ReturnType<typeof statSync>;
  try {
    stat = statSync(file);
  } catch (cause) {
    throw new AppError('io_error', `cannot read ${file}: ${(cause as Error).message}`, { cause });
  }
  if (stat.isDirectory()) return readWikiRef(file);
  const lines = readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '');
  const out: LabelledArticle[] = [];
  for (const [i, line] of lines.entries()) {
    let value: Record<string, unknown>;
    try {
      value = JSON.parse(line) as Record<string, unknown>;
    } catch (cause) {
      throw new AppError('invalid_input', `${file} line ${i + 1}: invalid JSON`, { cause });
    }
    if (Array.isArray(value.documents)) out.push(...fromEvent(value, i + 1));
    else out.push(fromInterchange(value, i + 1));
  }
  return out;
}

function fromInterchange(value: Record<string, unknown>, line: number): LabelledArticle {
  const { story, ...article } = value;
  if (story === undefined || story === null) {
    throw new AppError('invalid_input', `line ${line}: no "story" label to evaluate against`);
  }
  const id = article.id !== undefined ? String(article.id) : `line-${line}`;
  return { article: { ...article, id }, story: String(story) };
}

/**
 * One event per line: MultiLing documents carry their text as lines (the first is the headline),
 * Multi-News documents as `{id, title, text}`. Each document gets an outlet of its own.
 */
function fromEvent(value: Record<string, unknown>, line: number): LabelledArticle[] {
  const event = String(value.instance_id ?? `event-${line}`);
  const documents = value.documents as {
    id?: string;
    filename?: string;
    title?: string;
    text: string[] | string;
  }[];
  return documents.map((doc, i) => {
    const id = doc.filename ?? doc.id ?? `${event}-${i}`;
    const [title = '', ...rest] = Array.isArray(doc.text) ? doc.text : [doc.title ?? '', doc.text];
    const text = rest.join('\n');
    const outlet = doc.filename ? `wikinews-${id}` : `multinews-${id}`;
    return {
      article: { id, title: title || text.slice(0, 80), text, source: { name: outlet }, language: 'en' },
      story: event,
    };
  });
}

function readWikiRef(dir: string): LabelledArticle[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => {
      const text = iconv.decode(readFileSync(path.join(dir, f)), 'win1252');
      const [title = '', ...rest] = text.split(/\r?\n/);
      const story = f.replace(/(?:\s*\(\d+\)|\.\d+)?\.txt$/, '');
      return {
        article: {
          id: f,
          title: title.trim(),
          text: rest.join('\n').trim() || title,
          source: { name: `wikiref-${f}` },
        },
        story,
      };
    });
}
