/**
 * Realistic article text for the ingest benchmark, built from real news writing in
 * `../shared/evaldata`: CNN/Daily Mail and BBC documents (the factual-consistency sets), WikiNews
 * (MultiLing 2011) and the WikiRef220 articles (cp1252).
 *
 * Why not random words: text drawn uniformly from a vocabulary has no stopwords and no repeated
 * words, so every word is a distinct, rare lexeme. PostgreSQL's to_tsvector, stemming and the
 * search index cost several times more on such text than on news, which is Zipfian and about half
 * stopwords; the benchmark then measured the corpus rather than Newsloom. Real sentences keep the
 * word statistics of news while the seeded draws keep every article unique.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const EVALDATA = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../shared/evaldata');

/** A document as a list of sentences, in reading order. */
export type NewsDocument = string[];

/** Every full-text news document of the evaluation data, each split into sentences. */
export function newsDocuments(): NewsDocument[] {
  const texts = new Set<string>();
  // The factual-consistency sets repeat a document once per claim; the Set keeps one of each.
  // Polytope is left out: its text is lower-cased and tokenized, unlike any feed.
  for (const name of ['factcc', 'summeval', 'xsumfaith']) {
    const file = path.join(EVALDATA, 'factuality/summac-val', `${name}.json`);
    const rows = JSON.parse(readFileSync(file, 'utf8')) as Record<string, { document: string }>;
    for (const row of Object.values(rows)) texts.add(row.document);
  }
  const multiling = path.join(EVALDATA, 'summarization/multiling2011/documents.jsonl');
  for (const line of readFileSync(multiling, 'utf8').split('\n')) {
    if (!line) continue;
    const event = JSON.parse(line) as { documents: { text: string[] }[] };
    for (const document of event.documents) texts.add(document.text.join('\n'));
  }
  const wikiref = path.join(EVALDATA, 'clustering/wikiref/WikiRef220');
  const cp1252 = new TextDecoder('windows-1252');
  for (const file of readdirSync(wikiref).sort()) {
    texts.add(cp1252.decode(readFileSync(path.join(wikiref, file))));
  }
  return [...texts].map(sentences).filter((document) => document.length >= 3);
}

// A sentence ends at . ! or ? (perhaps inside a closing quote) before a capital or an opening quote.
const SENTENCE_END = /(?<=[.!?]["”’']?)\s+(?=["“‘(]?[A-Z])/;

function sentences(text: string): string[] {
  return (
    text
      .split(/\n+/)
      .flatMap((line) => line.split(SENTENCE_END))
      .map((s) => s.replace(/\s+/g, ' ').trim())
      // Datelines, headings and "Media playback is not supported" lines are not body sentences.
      .filter((s) => s.split(' ').length >= 6 && /[.!?]["”’']?$/.test(s))
  );
}

/**
 * A paragraph of 2–5 consecutive sentences of one randomly drawn document, so paragraphs read as
 * written while articles mix documents (each article unique, none a near-copy of another).
 */
export function paragraphDrawer(documents: NewsDocument[], random: () => number): () => string {
  return () => {
    const document = documents[Math.floor(random() * documents.length)]!;
    const length = 2 + Math.floor(random() * 4);
    const start = Math.floor(random() * Math.max(1, document.length - length + 1));
    return document.slice(start, start + length).join(' ');
  };
}
