import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from './log';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { logger: createLogger(stream), lines };
}

describe('logs', () => {
  it('are one JSON object a line, with level, time and message', () => {
    const { logger, lines } = capture();
    logger.error({ errorId: 'e-1' }, 'unexpected error');
    const entry = JSON.parse(lines[0]!);
    expect(entry).toMatchObject({ level: 50, service: 'registry', errorId: 'e-1', msg: 'unexpected error' });
    expect(typeof entry.time).toBe('number');
  });

  it('never carry passwords, hashes, cookies, tokens or session ids', () => {
    const { logger, lines } = capture();
    const secrets = ['hunter2-secret', '$argon2id$v=19$hash', 'next-auth.session-token=abc', 'Bearer tok', 'sid-123', 'new-pass-456'];
    logger.info(
      {
        password: secrets[0],
        user: { passwordHash: secrets[1], email: 'a@example.org', newPassword: secrets[5] },
        headers: { cookie: secrets[2], authorization: secrets[3] },
        session: { sessionId: secrets[4] },
      },
      'sign-in',
    );
    const text = lines.join('');
    for (const s of secrets) expect(text).not.toContain(s);
    expect(text).toContain('a@example.org');
    expect(text).toContain('[redacted]');
  });
});

describe('the process logger', () => {
  it('is made on first use, at the level LOG_LEVEL sets (info by default)', async () => {
    const { log } = await import('./log');
    expect(log.level).toBe('info');
    expect(typeof log.error).toBe('function');
  });
});
