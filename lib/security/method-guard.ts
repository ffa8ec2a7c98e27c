import http from 'node:http';
import { isIP } from 'node:net';
import { PAGE_METHODS, PEER_ADDRESS_HEADER } from './methods';

export { PEER_ADDRESS_HEADER };

/**
 * Methods the Fetch API cannot carry (`new Request(url, { method: 'TRACE' })` throws "'TRACE' HTTP method is
 * unsupported"). Next builds such a Request for proxy.ts, so these fail before proxy.ts can refuse them: a
 * 500 with the stack in the log. The HTTP server answers them with 405 before Next sees them. (Node's own
 * parser answers TRACK with 400, and CONNECT goes to the server's 'connect' event, which closes the socket;
 * they are listed for completeness.)
 */
export const FETCH_FORBIDDEN_METHODS: readonly string[] = ['CONNECT', 'TRACE', 'TRACK'];


const securityHeaders = {
  'Cache-Control': 'no-store',
  'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'; base-uri 'none'",
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
};
const textHeaders = { ...securityHeaders, 'Content-Type': 'text/plain; charset=utf-8' };

type Emit = (this: http.Server, event: string | symbol, ...args: unknown[]) => boolean;
const GUARD = Symbol.for('longgang-registry.method-guard');

/** `::ffff:203.0.113.9` → `203.0.113.9`; anything that is not an IP address → null. */
function peerAddress(socketAddress: string | undefined): string | null {
  const address = socketAddress?.startsWith('::ffff:') && isIP(socketAddress.slice(7)) === 4 ? socketAddress.slice(7) : socketAddress;
  return address && isIP(address) ? address : null;
}

/** The path of a request target with repeated slashes (`//x`, `/a//b`), or null when it has none. */
function collapsedPath(url: string): string | null {
  const q = url.search(/[?#]/);
  const path = q === -1 ? url : url.slice(0, q);
  if (!path.includes('//')) return null;
  // Always one leading slash: `//evil.example` becomes the local `/evil.example`, never another host.
  return path.replace(/\/{2,}/g, '/') + (q === -1 ? '' : url.slice(q));
}

/**
 * What the HTTP server answers itself, before Next: null to let Next handle the request.
 * - TRACE and friends: 405 (see FETCH_FORBIDDEN_METHODS).
 * - A page path with repeated slashes: 308 to the collapsed path, with the security headers (Next's own
 *   redirect for these carries none).
 * - A POST to a page (a server action or a form post) without Content-Length: 411. proxy.ts refuses a
 *   declared length over Next's 1 MB action limit with 413; a chunked body declares none and Next answered
 *   one over the limit with a 500. Browsers always send the length of a form post.
 */
export function earlyAnswer(req: http.IncomingMessage): { status: number; headers: Record<string, string>; body: string } | null {
  const method = (req.method ?? '').toUpperCase();
  if (FETCH_FORBIDDEN_METHODS.includes(method)) return { status: 405, headers: { ...textHeaders, Allow: PAGE_METHODS.join(', ') }, body: 'Method not allowed.\n' };
  const url = req.url ?? '/';
  const collapsed = collapsedPath(url);
  if (collapsed !== null && (method === 'GET' || method === 'HEAD')) return { status: 308, headers: { ...textHeaders, Location: collapsed }, body: '' };
  const isPage = !/^\/(api|_next)(\/|$)/.test(url);
  if (method === 'POST' && isPage && req.headers['content-length'] === undefined) {
    return { status: 411, headers: textHeaders, body: 'Refused: a form post must state its length (Content-Length).\n' };
  }
  return null;
}

/** Drops any client-sent PEER_ADDRESS_HEADER (from headers and rawHeaders) and sets it to the socket's peer. */
export function stampPeerAddress(req: http.IncomingMessage): void {
  delete req.headers[PEER_ADDRESS_HEADER];
  for (let i = req.rawHeaders.length - 2; i >= 0; i -= 2) {
    if (req.rawHeaders[i]!.toLowerCase() === PEER_ADDRESS_HEADER) req.rawHeaders.splice(i, 2);
  }
  const peer = peerAddress(req.socket.remoteAddress);
  if (peer) {
    req.headers[PEER_ADDRESS_HEADER] = peer;
    req.rawHeaders.push(PEER_ADDRESS_HEADER, peer);
  }
}

/**
 * Installs, on every HTTP server of this process (Next's included: it is installed from instrumentation.ts,
 * before the first request), the answers of `earlyAnswer` and the peer-address header. Returns a function
 * that removes it.
 */
export function installMethodGuard(proto: http.Server = http.Server.prototype): () => void {
  const target = proto as http.Server & { [GUARD]?: true; emit: Emit };
  if (target[GUARD]) return () => undefined;
  const hadOwn = Object.hasOwn(target, 'emit');
  const emit = target.emit;
  target.emit = function guardedEmit(this: http.Server, event: string | symbol, ...args: unknown[]): boolean {
    if (event === 'request') {
      const [req, res] = args as [http.IncomingMessage, http.ServerResponse];
      const answer = earlyAnswer(req);
      if (answer) {
        req.resume();
        res.writeHead(answer.status, answer.headers).end(req.method === 'HEAD' ? undefined : answer.body);
        return true;
      }
      stampPeerAddress(req);
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
