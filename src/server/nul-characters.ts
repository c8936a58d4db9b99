import type { RequestHandler } from 'express';
import { GraphQLError, type ValidationRule } from 'graphql';

const MESSAGE = 'Text may not contain the NUL character (U+0000)';

/**
 * Refuses a GraphQL request whose query, variables or URL parameters contain the NUL character (U+0000), as
 * BAD_USER_INPUT, before anything runs. PostgreSQL's text and jsonb cannot hold it (the statement fails, which
 * surfaced as an internal error) and no field of the CRM has a use for it, so every database refuses it alike.
 */
export function refuseNulCharacters(): RequestHandler {
  return (req, res, next) => {
    if (!containsNul(req.body) && !containsNul(req.query)) return next();
    res.status(400).json({
      errors: [{ message: MESSAGE, extensions: { code: 'BAD_USER_INPUT' } }],
    });
  };
}

/** Whether any string (or key) in a parsed JSON value contains U+0000; iterative, so any nesting depth is safe. */
function containsNul(root: unknown): boolean {
  const pending: unknown[] = [root];
  while (pending.length > 0) {
    const value = pending.pop();
    if (typeof value === 'string') {
      if (value.includes('\u0000')) return true;
    } else if (Array.isArray(value)) {
      pending.push(...(value as unknown[]));
    } else if (typeof value === 'object' && value !== null) {
      for (const [key, child] of Object.entries(value)) {
        if (key.includes('\u0000')) return true;
        pending.push(child);
      }
    }
  }
  return false;
}

/** The same refusal for string literals in the query text, where `"\u0000"` is an escape the parser turns into U+0000. */
export const noNulCharacterLiterals: ValidationRule = (context) => ({
  StringValue(node) {
    if (node.value.includes('\u0000'))
      context.reportError(new GraphQLError(MESSAGE, { nodes: node, extensions: { code: 'BAD_USER_INPUT' } }));
  },
});
