import pino, { type DestinationStream } from 'pino';

/** Fields that never reach a log line, at the top level or one level down (e.g. `user.password`). */
const SECRET_FIELDS = ['password', 'newPassword', 'currentPassword', 'passwordHash', 'cookie', 'token', 'secret', 'authorization', 'sessionId'];

/** Structured JSON logs. Secrets never reach them: passwords, hashes, cookies, tokens and session ids are redacted. */
export function createLogger(destination?: DestinationStream) {
  return pino(
    {
      level: process.env.LOG_LEVEL ?? 'info',
      base: { service: 'registry' },
      redact: { paths: [...SECRET_FIELDS, ...SECRET_FIELDS.map((f) => `*.${f}`), 'headers.cookie', 'headers.authorization', 'req.headers.cookie', 'req.headers.authorization'], censor: '[redacted]' },
    },
    destination,
  );
}

export const log = createLogger();
