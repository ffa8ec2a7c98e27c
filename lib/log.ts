import pino from 'pino';

/** Structured logs. Secrets never reach them: passwords, hashes, cookies and tokens are redacted. */
export const log = pino({
  level: process.env.LOG_LEVEL ?? 'info',
  base: { service: 'registry' },
  redact: {
    paths: ['password', '*.password', 'passwordHash', '*.passwordHash', 'cookie', '*.cookie', 'token', '*.token', 'secret', '*.secret', 'headers.cookie', 'headers.authorization'],
    censor: '[redacted]',
  },
});
