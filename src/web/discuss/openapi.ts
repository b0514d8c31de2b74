/** The OpenAPI paths of the comments API (merged into /api/v1/openapi.json). */
export function commentsOpenApiPaths(): Record<string, object> {
  const error = { $ref: '#/components/schemas/Error' };
  const json = (description: string, schema: object) => ({
    description,
    content: { 'application/json': { schema } },
  });
  const comment: object = {
    type: 'object',
    properties: {
      id: { type: 'integer' },
      story_id: { type: 'integer' },
      parent_id: { type: ['integer', 'null'] },
      author: { type: ['object', 'null'], properties: { name: { type: 'string' } } },
      body: { type: ['string', 'null'], description: 'plain text; null when deleted' },
      status: { type: 'string', enum: ['visible', 'pending', 'rejected', 'deleted'] },
      like_count: { type: 'integer' },
      created_at: { type: 'string', format: 'date-time' },
      edited_at: { type: ['string', 'null'], format: 'date-time' },
      replies: { type: 'array', items: { type: 'object', description: 'comments, same shape' } },
    },
  };
  const outcome = {
    type: 'object',
    properties: {
      status: { type: 'string', enum: ['visible', 'pending', 'rejected'] },
      reason: {
        type: ['string', 'null'],
        description: 'why it was held or rejected (e.g. new_account, rate_limited)',
      },
      comment: {
        oneOf: [comment, { type: 'null' }],
        description:
          'the stored comment; a rejected one is kept for moderators only (null when rate-limited or empty)',
      },
    },
  };
  return {
    '/stories/{id}/comments': {
      parameters: [
        {
          name: 'id',
          in: 'path',
          required: true,
          schema: { type: 'string' },
          description: 'story id or slug',
        },
      ],
      get: {
        summary: 'The Thoughts thread of a story: top-level comments with their replies',
        parameters: [
          { name: 'sort', in: 'query', schema: { type: 'string', enum: ['newest', 'oldest', 'liked'] } },
          { name: 'page', in: 'query', schema: { type: 'integer', minimum: 1 } },
        ],
        responses: {
          '200': json('OK', {
            type: 'object',
            properties: {
              story_id: { type: 'integer' },
              sort: { type: 'string' },
              page: { type: 'integer' },
              pages: { type: 'integer' },
              total: { type: 'integer' },
              comments: { type: 'array', items: comment },
            },
          }),
          '404': json('No such story', error),
        },
      },
      post: {
        summary: 'Post a comment or reply as the signed-in reader (session cookie; JSON only)',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['body'],
                properties: { body: { type: 'string' }, parent_id: { type: 'integer' } },
              },
            },
          },
        },
        responses: {
          '201': json('Published', outcome),
          '202': json('Held for a moderator', outcome),
          '401': json('Not signed in', error),
          '403': json('Cross-site request', error),
          '415': json('Not JSON', error),
          '422': json('Rejected, with the reason', outcome),
        },
      },
    },
  };
}
