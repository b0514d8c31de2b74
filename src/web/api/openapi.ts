import { commentsOpenApiPaths } from '../discuss/openapi.js';
import { disagreementSchema, storyPathWithDisagreements } from './disagreements.js';

/** The OpenAPI 3.1 description of `/api/v1` (the site's endpoints; other modules add theirs). */
export function openApiDocument(siteUrl: string): object {
  const error = { $ref: '#/components/schemas/Error' };
  const errors = {
    '400': { description: 'Invalid input', content: { 'application/json': { schema: error } } },
    '404': { description: 'Not found', content: { 'application/json': { schema: error } } },
  };
  const ok = (schema: object) => ({ description: 'OK', content: { 'application/json': { schema } } });
  const list = (item: string, extra: Record<string, object> = {}) => ({
    type: 'object',
    properties: { data: { type: 'array', items: { $ref: `#/components/schemas/${item}` } }, ...extra },
  });
  const q = (name: string, schema: object, description: string, required = false) => ({
    name,
    in: 'query',
    required,
    schema,
    description,
  });
  const storyId = {
    name: 'id',
    in: 'path',
    required: true,
    schema: { type: 'string' },
    description: 'story id or slug',
  };
  const nullableString = { type: ['string', 'null'] };
  const citation = {
    type: 'object',
    properties: { article_id: { type: 'integer' }, start: { type: 'integer' }, end: { type: 'integer' } },
    description: 'UTF-16 offsets into the article text',
  };
  return {
    openapi: '3.1.0',
    info: {
      title: 'Newsloom API',
      version: '1',
      description: 'Stories, their versions and sources, as JSON.',
    },
    servers: [{ url: `${siteUrl}/api/v1` }],
    paths: {
      ...commentsOpenApiPaths(),
      ...storyPathWithDisagreements(storyId, errors),
      '/sources': {
        get: { summary: 'Every outlet with its coverage', responses: { '200': ok(list('Source')) } },
      },
      '/topics': { get: { summary: 'Operator-defined topics', responses: { '200': ok(list('Topic')) } } },
      '/topics/{slug}': {
        get: {
          summary: 'A topic and its stories, newest first',
          parameters: [
            { name: 'slug', in: 'path', required: true, schema: { type: 'string' } },
            q('limit', { type: 'integer', minimum: 1, maximum: 100 }, 'page size (default 20)'),
            q('cursor', { type: 'string' }, 'next_cursor from the previous page'),
          ],
          responses: {
            '200': ok({
              type: 'object',
              properties: {
                data: { $ref: '#/components/schemas/Topic' },
                stories: { type: 'array', items: { $ref: '#/components/schemas/StorySummary' } },
                next_cursor: nullableString,
              },
            }),
            ...errors,
          },
        },
      },
      '/search': {
        get: {
          summary: 'Full-text search over stories (or source articles), best first',
          parameters: [
            q('q', { type: 'string' }, 'words, "phrases", or, -excluded', true),
            q('type', { type: 'string', enum: ['stories', 'articles'] }, 'what to search (default stories)'),
            q('limit', { type: 'integer', minimum: 1, maximum: 50 }, 'page size (default 10)'),
            q('offset', { type: 'integer', minimum: 0 }, 'next_offset from the previous page'),
          ],
          responses: {
            '200': ok(list('SearchHit', { next_offset: { type: ['integer', 'null'] } })),
            ...errors,
          },
        },
      },
      '/stories/{id}/versions': {
        get: {
          summary:
            'The published and superseded versions of a story, newest first (editors signed in also get drafts)',
          parameters: [storyId],
          responses: { '200': ok(list('VersionSummary')), ...errors },
        },
      },
      '/stories/{id}/versions/{version}': {
        get: {
          summary:
            'One published or superseded version (a draft for editors only) with its sections, sentences and citations',
          parameters: [storyId, { name: 'version', in: 'path', required: true, schema: { type: 'integer' } }],
          responses: {
            '200': ok({ type: 'object', properties: { data: { $ref: '#/components/schemas/Version' } } }),
            ...errors,
          },
        },
      },
    },
    components: {
      schemas: {
        Disagreement: disagreementSchema,
        Error: {
          type: 'object',
          required: ['error'],
          properties: {
            error: {
              type: 'object',
              required: ['code', 'message'],
              properties: { code: { type: 'string' }, message: { type: 'string' } },
            },
          },
        },
        Source: {
          type: 'object',
          properties: {
            id: { type: 'integer' },
            name: { type: 'string' },
            homepage: nullableString,
            article_count: { type: 'integer' },
            story_count: { type: 'integer' },
            last_published_at: nullableString,
          },
        },
        Topic: {
          type: 'object',
          properties: {
            slug: { type: 'string' },
            name: { type: 'string' },
            description: nullableString,
            keywords: { type: 'array', items: { type: 'string' } },
            entities: { type: 'array', items: { type: 'string' } },
            url: { type: 'string' },
            feeds: { type: 'object', additionalProperties: { type: 'string' } },
          },
        },
        StorySummary: {
          type: 'object',
          properties: {
            id: { type: 'integer' },
            slug: { type: 'string' },
            url: { type: 'string' },
            headline: { type: 'string' },
            dek: { type: 'string' },
            version: { type: 'integer' },
            source_count: { type: 'integer' },
            publisher_count: { type: 'integer' },
            outlets: { type: 'array', items: { type: 'string' } },
            comment_count: { type: 'integer', description: 'visible comments, replies included' },
            published_at: { type: 'string', format: 'date-time' },
            updated_at: { type: 'string', format: 'date-time' },
          },
        },
        SearchHit: {
          allOf: [
            { $ref: '#/components/schemas/StorySummary' },
            {
              type: 'object',
              properties: {
                rank: { type: 'number' },
                snippet_html: { type: 'string', description: 'escaped text with <mark> around matches' },
              },
            },
          ],
        },
        VersionSummary: {
          type: 'object',
          properties: {
            version: { type: 'integer' },
            status: { type: 'string', enum: ['published', 'superseded', 'review', 'held'] },
            headline: { type: 'string' },
            dek: { type: 'string' },
            writer: { type: 'string' },
            model: nullableString,
            support_score: { type: ['number', 'null'] },
            source_count: { type: 'integer' },
            publisher_count: { type: 'integer' },
            change_note: nullableString,
            correction_reason: nullableString,
            generated_at: { type: 'string', format: 'date-time' },
          },
        },
        Version: {
          allOf: [
            { $ref: '#/components/schemas/VersionSummary' },
            {
              type: 'object',
              properties: {
                story_id: { type: 'integer' },
                slug: { type: 'string' },
                body: {
                  type: 'object',
                  properties: {
                    lede: { type: 'array', items: { $ref: '#/components/schemas/Sentence' } },
                    sections: {
                      type: 'array',
                      items: {
                        type: 'object',
                        properties: {
                          heading: { type: 'string' },
                          sentences: { type: 'array', items: { $ref: '#/components/schemas/Sentence' } },
                        },
                      },
                    },
                    quotes: {
                      type: 'array',
                      items: {
                        type: 'object',
                        properties: {
                          text: { type: 'string' },
                          speaker: { type: 'string' },
                          role: nullableString,
                          citation,
                        },
                      },
                    },
                    figures: {
                      type: 'array',
                      items: {
                        type: 'object',
                        properties: {
                          text: { type: 'string' },
                          value: { type: ['number', 'null'] },
                          unit: nullableString,
                          label: { ...nullableString, description: 'what the figure measures' },
                          citation,
                        },
                      },
                    },
                  },
                },
                timeline: {
                  type: 'array',
                  description: 'dated developments, oldest first, when the sources span two days or more',
                  items: {
                    type: 'object',
                    properties: {
                      date: { type: 'string', format: 'date' },
                      text: { type: 'string' },
                      citations: { type: 'array', items: citation },
                    },
                  },
                },
              },
            },
          ],
        },
        Sentence: {
          type: 'object',
          properties: {
            text: { type: 'string' },
            citations: { type: 'array', items: citation },
            support: { type: ['number', 'null'] },
          },
        },
      },
    },
  };
}
