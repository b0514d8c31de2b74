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
 * cp1252 .txt files (first line headline, label = file-name prefix), or a MultiLing documents.jsonl
 * (one event per line; label = the event). The label is split off here and never stored.
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
    if (Array.isArray(value.documents)) out.push(...fromMultiLing(value));
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

function fromMultiLing(value: Record<string, unknown>): LabelledArticle[] {
  const event = String(value.instance_id ?? 'event');
  const documents = value.documents as { filename?: string; text: string[] }[];
  return documents.map((doc, i) => {
    const [title = '', ...rest] = doc.text;
    const id = doc.filename ?? `${event}-${i}`;
    return {
      article: { id, title, text: rest.join('\n'), source: { name: `wikinews-${id}` }, language: 'en' },
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
