// Runs once when the server starts (Next's instrumentation hook), before it answers a request.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  // TRACE and TRACK never reach proxy.ts (lib/security/method-guard.ts): refused with 405 at the HTTP server.
  const { installMethodGuard } = await import('./lib/security/method-guard');
  installMethodGuard();
}
