import type { ErrorRequestHandler } from 'express';

/** What the JSON body parser attaches to the errors it raises (http-errors). */
interface BodyParserError {
  readonly type?: string;
  readonly status?: number;
  readonly expose?: boolean;
}

/**
 * Answers a request body the JSON parser refused (over the size limit, not JSON, an unsupported charset) the
 * way GraphQL refusals are answered: JSON with `extensions.code` BAD_REQUEST and the parser's HTTP status,
 * never Express's HTML page with a stack trace.
 */
export function requestBodyErrors(limitText: string): ErrorRequestHandler {
  return (error: unknown, _req, res, next) => {
    const refused = error as BodyParserError | null;
    const status = refused?.status ?? 0;
    if (typeof refused !== 'object' || refused === null || !refused.expose || status < 400 || status >= 500) return next(error);
    const message =
      refused.type === 'entity.too.large'
        ? `The request body is larger than ${limitText}`
        : refused.type === 'entity.parse.failed'
          ? 'The request body is not valid JSON'
          : 'The request body could not be read';
    res.status(status).json({ errors: [{ message, extensions: { code: 'BAD_REQUEST' } }] });
  };
}
