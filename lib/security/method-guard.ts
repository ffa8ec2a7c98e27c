import http from 'node:http';
import { PAGE_METHODS } from './methods';

/**
 * Methods the Fetch API cannot carry (`new Request(url, { method: 'TRACE' })` throws "'TRACE' HTTP method is
 * unsupported"). Next builds such a Request for proxy.ts, so these fail before proxy.ts can refuse them: a
 * 500 with the stack in the log. The HTTP server answers them with 405 before Next sees them. (Node's own
 * parser answers TRACK with 400, and CONNECT goes to the server's 'connect' event, which closes the socket;
 * they are listed for completeness.)
 */
export const FETCH_FORBIDDEN_METHODS: readonly string[] = ['CONNECT', 'TRACE', 'TRACK'];

const refusalHeaders = {
  Allow: PAGE_METHODS.join(', '),
  'Content-Type': 'text/plain; charset=utf-8',
  'Cache-Control': 'no-store',
  'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'; base-uri 'none'",
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
};

type Emit = (this: http.Server, event: string | symbol, ...args: unknown[]) => boolean;
const GUARD = Symbol.for('longgang-registry.method-guard');

/**
 * Refuses FETCH_FORBIDDEN_METHODS with 405 on every HTTP server of this process (Next's included: it is
 * installed from instrumentation.ts, before the first request). Returns a function that removes it.
 */
export function installMethodGuard(proto: http.Server = http.Server.prototype): () => void {
  const target = proto as http.Server & { [GUARD]?: true; emit: Emit };
  if (target[GUARD]) return () => undefined;
  const hadOwn = Object.hasOwn(target, 'emit');
  const emit = target.emit;
  target.emit = function guardedEmit(this: http.Server, event: string | symbol, ...args: unknown[]): boolean {
    if (event === 'request') {
      const [req, res] = args as [http.IncomingMessage, http.ServerResponse];
      if (FETCH_FORBIDDEN_METHODS.includes((req.method ?? '').toUpperCase())) {
        req.resume();
        res.writeHead(405, refusalHeaders).end('Method not allowed.\n');
        return true;
      }
    }
    return emit.call(this, event, ...args);
  };
  target[GUARD] = true;
  return () => {
    if (hadOwn) target.emit = emit;
    else delete (target as { emit?: Emit }).emit;
    delete target[GUARD];
  };
}
