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

export function notFound(what: string): AppError {
  return new AppError('not_found', `${what} not found`);
}

/** A business rule refused the change; `rule` names the message (errors.rules.<rule>). */
export function ruleViolation(rule: string, message: string, params?: Record<string, string | number>): AppError {
  return new AppError('rule', message, { rule, params });
}
