import pino, { type DestinationStream, type Logger } from 'pino';
import { getEnv } from './env';

/** Fields that never reach a log line, at the top level or one level down (e.g. `user.password`). */
const SECRET_FIELDS = ['password', 'newPassword', 'currentPassword', 'passwordHash', 'cookie', 'token', 'secret', 'authorization', 'sessionId'];

/** Structured JSON logs. Secrets never reach them: passwords, hashes, cookies, tokens and session ids are redacted. */
export function createLogger(destination?: DestinationStream) {
  return pino(
    {
      level: getEnv().LOG_LEVEL,
      base: { service: 'registry' },
      redact: { paths: [...SECRET_FIELDS, ...SECRET_FIELDS.map((f) => `*.${f}`), 'headers.cookie', 'headers.authorization', 'req.headers.cookie', 'req.headers.authorization'], censor: '[redacted]' },
    },
    destination,
  );
}

let instance: Logger | undefined;

/**
 * The process's logger, made on first use: its level comes from LOG_LEVEL, parsed with the rest of the
 * environment (lib/env.ts), and importing this module must not parse it (next build imports it).
 */
export const log: Logger = new Proxy({} as Logger, {
  get(_target, key) {
    instance ??= createLogger();
    const value: unknown = Reflect.get(instance, key, instance);
    return typeof value === 'function' ? value.bind(instance) : value;
  },
});
