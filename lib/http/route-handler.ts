import 'server-only';
import { randomUUID } from 'node:crypto';
import { unstable_rethrow } from 'next/navigation';
import { ZodError } from 'zod';
import { httpErrorOf, isAppError, isErrorCode } from '../errors';
import { log } from '../log';

/**
 * Wraps a route handler the way runFormAction wraps a server action: an expected failure (AppError, a
 * refused query) becomes a JSON error with its status; anything else is logged with an id and answered
 * `500 { error: 'unexpected', errorId }`, never with its message, stack, SQL or a file path.
 */
export function routeHandler<A extends unknown[]>(handler: (...args: A) => Response | Promise<Response>): (...args: A) => Promise<Response> {
  return async (...args: A) => {
    try {
      return await handler(...args);
    } catch (e) {
      unstable_rethrow(e);
      const headers = { 'Cache-Control': 'no-store' };
      if (isAppError(e)) {
        const fields = e.details.fieldErrors ? Object.keys(e.details.fieldErrors) : undefined;
        const { status, error } = httpErrorOf(e.code);
        return Response.json({ error, ...(fields?.length ? { fields } : {}) }, { status, headers });
      }
      if (e instanceof ZodError) {
        return Response.json({ error: 'invalid_request', fields: [...new Set(e.issues.map((i) => i.path.join('.')).filter(Boolean))] }, { status: 400, headers });
      }
      const errorId = randomUUID();
      const request = args[0] instanceof Request ? args[0] : undefined;
      log.error({ errorId, err: e, method: request?.method, path: request ? new URL(request.url).pathname : undefined }, 'unexpected error in a route handler');
      return Response.json({ error: 'unexpected', errorId }, { status: 500, headers });
    }
  };
}

/**
 * An upload's refusal answered like the same error anywhere else: a refusal named by an error code takes
 * that code's status and public name (`forbidden` → 404 `not_found`); the upload's own refusals (file type,
 * size, name) keep theirs.
 */
export function asHttpRefusal<O extends { ok: true } | { ok: false; status: number; error: string }>(outcome: O): O {
  if (outcome.ok || !isErrorCode(outcome.error)) return outcome;
  return { ...outcome, ...httpErrorOf(outcome.error) } as O;
}
