import type { Disagreement } from '../../disagree/types.js';

/**
 * `story.disagreements`: each fact the sources disagree on, exactly `{detail, status, values:
 * [{value, sources: [{article_id, outlet, published_at, citation}]}]}` (other tools rely on this
 * shape). A revised fact lists its current value first.
 */
export function presentDisagreement(d: Disagreement) {
  return {
    detail: d.detail,
    status: d.status,
    // An earlier figure of a disputed fact is not one of the values that stand against each other.
    values: d.values
      .filter((v) => d.status === 'revised' || !v.earlier)
      .map((v) => ({
        value: v.value,
        sources: v.sources.map((s) => ({
          article_id: s.article_id,
          outlet: s.outlet,
          published_at: s.published_at,
          citation: { article_id: s.citation.article_id, start: s.citation.start, end: s.citation.end },
        })),
      })),
  };
}

/** The OpenAPI schema of one `story.disagreements` entry. */
export const disagreementSchema = {
  type: 'object',
  required: ['detail', 'status', 'values'],
  description:
    'A fact the sources disagree on. "revised": a later report replaced the other values (the current value is listed first); "disputed": the values stand against each other (a figure that later reports give as the earlier one is not listed).',
  properties: {
    detail: { type: 'string', description: 'the fact in words, e.g. "Homes destroyed"' },
    status: { type: 'string', enum: ['disputed', 'revised'] },
    values: {
      type: 'array',
      items: {
        type: 'object',
        required: ['value', 'sources'],
        properties: {
          value: { type: 'string', description: 'the value as the sources write it' },
          sources: {
            type: 'array',
            items: {
              type: 'object',
              required: ['article_id', 'outlet', 'published_at', 'citation'],
              properties: {
                article_id: { type: 'integer' },
                outlet: { type: 'string' },
                published_at: { type: ['string', 'null'], format: 'date-time' },
                citation: {
                  type: 'object',
                  description: 'the passage that reports the value: UTF-16 offsets into the article text',
                  properties: {
                    article_id: { type: 'integer' },
                    start: { type: 'integer' },
                    end: { type: 'integer' },
                  },
                },
              },
            },
          },
        },
      },
    },
  },
};

/** The OpenAPI path of one story (`/stories/{id}`), naming its `disagreements` field. */
export function storyPathWithDisagreements(storyId: object, errors: object): Record<string, object> {
  return {
    '/stories/{id}': {
      get: {
        summary: 'One published story with its current version, sources and where they disagree',
        parameters: [storyId],
        responses: {
          '200': {
            description: 'OK',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  properties: {
                    story: {
                      type: 'object',
                      properties: {
                        disagreements: {
                          type: 'array',
                          items: { $ref: '#/components/schemas/Disagreement' },
                        },
                      },
                      additionalProperties: true,
                    },
                  },
                },
              },
            },
          },
          ...errors,
        },
      },
    },
  };
}
