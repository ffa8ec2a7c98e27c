/** The methods a page answers; proxy.ts refuses any other with 405. */
export const PAGE_METHODS = ['GET', 'HEAD', 'POST', 'OPTIONS'] as const;

/**
 * The request header the HTTP server sets to the socket's peer address (lib/security/method-guard.ts; read by
 * lib/auth/request.ts). Any value the client sent under this name is dropped first: only the server writes it.
 */
export const PEER_ADDRESS_HEADER = 'x-registry-peer-address';
