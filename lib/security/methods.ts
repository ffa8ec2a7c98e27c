/** The methods a page answers; proxy.ts refuses any other with 405. */
export const PAGE_METHODS = ['GET', 'HEAD', 'POST', 'OPTIONS'] as const;
