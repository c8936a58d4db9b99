import express, { type Router } from 'express';
import { GraphQLError } from 'graphql';
import type { IncomingMessage } from 'node:http';
import type { Logger } from 'pino';
import { UploadTooLargeError, type UploadStore } from '../import/uploads/upload-store';
import { currentRequestId } from './request-scope';

export interface UploadsRouteOptions {
  readonly uploads: UploadStore;
  /** The user the request's bearer token names; throws (with a message for the client) when there is none. */
  readonly authenticate: (req: IncomingMessage) => Promise<{ readonly id: string }>;
  readonly logger: Pick<Logger, 'error'>;
}

/**
 * `POST /uploads`: the request body is the file (any content type), streamed to disk and cut off at the size
 * limit (413); the same bearer token as GraphQL (401 without one). The file's name may come as `?name=` or an
 * `X-File-Name` header. Answers 201 `{ id, fileName, size }`; the id goes into startImport's `uploadId`.
 */
export function uploadsRouter(options: UploadsRouteOptions): Router {
  const router = express.Router();
  const { uploads } = options;
  router.post('/uploads', async (req, res) => {
    let user: { readonly id: string };
    try {
      user = await options.authenticate(req);
    } catch (error) {
      refuse(res, error);
      return;
    }
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > uploads.maxBytes) {
      tooLarge(res, uploads.maxBytes);
      return;
    }
    const named = typeof req.query.name === 'string' ? req.query.name : req.headers['x-file-name'];
    const fileName = typeof named === 'string' ? safeDecode(named) : null;
    try {
      // The request is read without being destroyed on a refusal, so the 413 still reaches the client.
      const upload = await uploads.save(req.iterator({ destroyOnReturn: false }) as AsyncIterable<Buffer>, {
        uploadedBy: user.id,
        fileName,
      });
      res.status(201).json({ id: upload.id, fileName: upload.fileName, size: upload.size });
    } catch (error) {
      if (error instanceof UploadTooLargeError) {
        tooLarge(res, uploads.maxBytes);
        return;
      }
      const requestId = currentRequestId();
      options.logger.error({ err: error, requestId }, 'could not store an upload');
      res
        .status(500)
        .set('connection', 'close')
        .json({ code: 'INTERNAL_SERVER_ERROR', error: 'The upload could not be stored', requestId });
    }
  });
  return router;
}

/** A refused authentication: 401, or what the error says (429 with `retry-after` for a user over their rate limit). */
function refuse(res: express.Response, error: unknown): void {
  const extensions = error instanceof GraphQLError ? error.extensions : {};
  const http = extensions.http as { status?: number; headers?: Map<string, string> } | undefined;
  for (const [name, value] of http?.headers ?? []) res.set(name, value);
  res
    .status(http?.status ?? 401)
    .set('connection', 'close')
    .json({
      code: typeof extensions.code === 'string' ? extensions.code : 'UNAUTHENTICATED',
      error: error instanceof Error ? error.message : 'Authentication required',
    });
}

function tooLarge(res: express.Response, maxBytes: number): void {
  res
    .status(413)
    .set('connection', 'close')
    .json({
      code: 'PAYLOAD_TOO_LARGE',
      error: `The file is larger than the upload limit of ${maxBytes} bytes (UPLOAD_MAX_BYTES)`,
      maxBytes,
    });
}

function safeDecode(name: string): string {
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}
