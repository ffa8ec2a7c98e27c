/**
 * The one error vocabulary of the domain. `code` selects a message in messages/*.json (errors.<code>);
 * `fieldErrors` map form fields to message keys. Unexpected errors are plain Errors and reach error.tsx.
 */
export const errorCodes = [
  'unauthenticated',
  'forbidden',
  'not_found',
  'validation',
  'conflict',
  'stale',
  'rule',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: { fieldErrors?: Record<string, string[]>; rule?: string; params?: Record<string, string | number> } = {},
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;

export const isErrorCode = (s: string): s is ErrorCode => (errorCodes as readonly string[]).includes(s);

// How each code answers, in one place: over HTTP (route handlers, uploads) and in a form's state
// (runFormAction). A record out of the actor's scope answers "not found", never "forbidden": the answer
// must not tell whether the record exists.

const httpStatuses: Record<ErrorCode, number> = {
  unauthenticated: 401,
  forbidden: 404,
  not_found: 404,
  validation: 400,
  conflict: 409,
  stale: 409,
  rule: 422,
};

/** The status and the `error` field an HTTP client gets for a code: `forbidden` is reported as `not_found`. */
export function httpErrorOf(code: ErrorCode): { status: number; error: Exclude<ErrorCode, 'forbidden'> } {
  return { status: httpStatuses[code], error: code === 'forbidden' ? 'not_found' : code };
}

/** What a form shows for an expected error: a message key under `errors.` (its rule's, else its code's), its params and field errors. */
export function formErrorOf(e: AppError): { error: string; errorParams?: Record<string, string | number>; fieldErrors?: Record<string, string[]> } {
  const error = e.code === 'rule' && e.details.rule ? `rules.${e.details.rule}` : `codes.${e.code}`;
  return { error, errorParams: e.details.params, fieldErrors: e.details.fieldErrors };
}

export function notFound(what: string): AppError {
  return new AppError('not_found', `${what} not found`);
}

/** A business rule refused the change; `rule` names the message (errors.rules.<rule>). */
export function ruleViolation(rule: string, message: string, params?: Record<string, string | number>): AppError {
  return new AppError('rule', message, { rule, params });
}
