import path from 'node:path';
import { z } from 'zod';
import { isValidUscc } from './contractors/uscc';

const DEMO_SECRET = 'longgang-demo-secret-not-for-production-use';
/** Demo mode's publisher: fictional, like the sample data (a government body's code: 11 + Longgang's 330383). */
/** Demo mode's site furniture: clearly fictional, so nobody mistakes the demo for the city's own site. */
const DEMO_SITE = { sponsor: '龙港市人民政府办公室（演示，虚构）', contact: '演示电话 0577-0000 0000（虚构）', idCode: '0000000000（演示）', icp: '浙ICP备00000000号（演示）' };
const DEMO_PUBLISHER = { name: '龙港市政府职能转移登记簿（演示）', creditCode: '11330383MB00000008' };

function isLoopback(url: string): boolean {
  const host = new URL(url).hostname;
  return host === 'localhost' || host.endsWith('.localhost') || host.startsWith('127.') || host === '[::1]' || host === '0.0.0.0';
}

/**
 * A whole number from the environment, within [min, max]: digits only, so `30m`, `1.5`, `-1` or `1e3` refuse to
 * start instead of becoming NaN (which would silently switch a limit off).
 */
const wholeNumber = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d{1,9}$/, 'must be a whole number: digits only, no unit')
    .transform(Number)
    .pipe(z.number().int().min(min, `must be at least ${min}`).max(max, `must be at most ${max}`));

const envSchema = z
  .object({
    DATABASE_PATH: z.string().min(1).default('./data/registry.db'),
    UPLOAD_DIR: z.string().min(1).default('./data/uploads'),
    /** Ed25519 private key that signs audit checkpoints; kept outside the database, created on first use. */
    AUDIT_KEY_PATH: z.string().min(1).default('./data/audit-signing-key.pem'),
    /** `demo` (default) loads the sample data and demo accounts into a new database; `production` starts empty. */
    REGISTRY_MODE: z.enum(['demo', 'production']).default('demo'),
    REGISTRY_NAME: z.string().min(1).default('Longgang outsourcing registry'),
    /** Prefix of contract references, e.g. LG-2026-0042. */
    CONTRACT_PREFIX: z
      .string()
      .regex(/^[A-Z]{2,6}$/)
      .default('LG'),
    /** Prefix of OCDS ocids (registered with the Open Contracting Partnership in a real installation). */
    OCDS_PREFIX: z
      .string()
      .regex(/^ocds-[a-z0-9]{6}-?$/)
      .default('ocds-lg0000-'),
    /** The registry's public base URL: the open data's own links. Required in production, never a loopback address there. */
    PUBLIC_URL: z
      .url({ protocol: /^https?$/ })
      .transform((u) => u.replace(/\/+$/, ''))
      .optional(),
    /** The licence of the open data (a URL). */
    OCDS_LICENSE: z.url().default('https://creativecommons.org/licenses/by/4.0/'),
    /** Who publishes the open data, and its unified social credit code (OCDS publisher scheme CN-USCC). */
    PUBLISHER_NAME: z.string().min(1).optional(),
    PUBLISHER_CREDIT_CODE: z
      .string()
      .refine(isValidUscc, 'not a valid unified social credit code (18 characters, GB 32100-2015 check character)')
      .optional(),
    /** Government-site furniture shown in the footer when set: sponsor (主办单位), contact, website identification code (网站标识码), ICP filing number. */
    SITE_SPONSOR: z.string().trim().min(1).max(200).optional(),
    SITE_CONTACT: z.string().trim().min(1).max(300).optional(),
    SITE_ID_CODE: z.string().trim().min(1).max(40).optional(),
    ICP_NUMBER: z.string().trim().min(1).max(60).optional(),
    PORT: wholeNumber(1, 65_535).transform(String).default('3000'),
    /** A session ends after this many minutes without a request… */
    SESSION_IDLE_MINUTES: wholeNumber(1, 24 * 60).default(30),
    /** …and this many hours after sign-in, however busy. */
    SESSION_MAX_HOURS: wholeNumber(1, 30 * 24).default(12),
    /** `npm start` signs an audit checkpoint this often when the head has moved; 0: only at start. */
    CHECKPOINT_INTERVAL_MINUTES: wholeNumber(0, 7 * 24 * 60).default(60),
    /** Whose procurement rules a draft is checked against (config/procurement/<region>.json). */
    PROCUREMENT_REGION: z.string().regex(/^CN-[A-Z]{2}$/).default('CN-ZJ'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    /** Set by Next (development under `next dev`). */
    NODE_ENV: z.string().default('production'),
    AUTH_SECRET: z.string().optional(),
    /** The registry's public URL (e.g. https://registry.example.gov.cn); https turns on Secure cookies. */
    NEXTAUTH_URL: z.url().optional(),
    /** Single sign-on through an OpenID Connect provider: all three or none. */
    OIDC_ISSUER: z.url().optional(),
    OIDC_CLIENT_ID: z.string().min(1).optional(),
    OIDC_CLIENT_SECRET: z.string().min(1).optional(),
    OIDC_NAME: z.string().min(1).default('SSO'),
    /**
     * `1` only behind a reverse proxy that sets X-Forwarded-For (its right-most entry is the client address for
     * throttling and the audit trail) and X-Forwarded-Host. With `0` no client header is trusted: the address is
     * the TCP peer's (lib/auth/request.ts; a loopback peer counts as unknown).
     */
    TRUST_PROXY: z.enum(['0', '1']).default('0'),
    /** next-auth's own switch to build its URLs from X-Forwarded-Host: only behind a trusted proxy. */
    AUTH_TRUST_HOST: z.string().optional(),
  })
  .refine((env) => env.AUTH_TRUST_HOST === undefined || env.AUTH_TRUST_HOST === '' || env.TRUST_PROXY === '1', {
    path: ['AUTH_TRUST_HOST'],
    message: 'AUTH_TRUST_HOST makes sign-in trust the X-Forwarded-Host header: set it only behind a reverse proxy, with TRUST_PROXY=1 (or set NEXTAUTH_URL instead)',
  })
  .refine((env) => [env.OIDC_ISSUER, env.OIDC_CLIENT_ID, env.OIDC_CLIENT_SECRET].every((v) => v === undefined) || [env.OIDC_ISSUER, env.OIDC_CLIENT_ID, env.OIDC_CLIENT_SECRET].every((v) => v !== undefined), {
    path: ['OIDC_ISSUER'],
    message: 'set OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET together, or none of them',
  })
  .transform((env, ctx) => {
    if (env.REGISTRY_MODE === 'production') {
      if (!env.PUBLIC_URL || isLoopback(env.PUBLIC_URL)) {
        ctx.addIssue({ code: 'custom', path: ['PUBLIC_URL'], message: 'REGISTRY_MODE=production needs PUBLIC_URL: the address the public reaches the registry at (not localhost)' });
        return z.NEVER;
      }
      if (!env.PUBLISHER_NAME || !env.PUBLISHER_CREDIT_CODE) {
        ctx.addIssue({ code: 'custom', path: ['PUBLISHER_NAME'], message: 'REGISTRY_MODE=production needs PUBLISHER_NAME and PUBLISHER_CREDIT_CODE: who publishes the open data' });
        return z.NEVER;
      }
      if (!env.AUTH_SECRET || env.AUTH_SECRET.length < 32 || env.AUTH_SECRET === DEMO_SECRET) {
        ctx.addIssue({
          code: 'custom',
          path: ['AUTH_SECRET'],
          message: 'REGISTRY_MODE=production needs AUTH_SECRET: a random secret of at least 32 characters (openssl rand -base64 32)',
        });
        return z.NEVER;
      }
      return { ...env, AUTH_SECRET: env.AUTH_SECRET, PUBLIC_URL: env.PUBLIC_URL, PUBLISHER_NAME: env.PUBLISHER_NAME, PUBLISHER_CREDIT_CODE: env.PUBLISHER_CREDIT_CODE };
    }
    return {
      ...env,
      AUTH_SECRET: env.AUTH_SECRET ?? DEMO_SECRET,
      PUBLIC_URL: env.PUBLIC_URL ?? `http://localhost:${env.PORT}`,
      PUBLISHER_NAME: env.PUBLISHER_NAME ?? DEMO_PUBLISHER.name,
      PUBLISHER_CREDIT_CODE: env.PUBLISHER_CREDIT_CODE ?? DEMO_PUBLISHER.creditCode,
      SITE_SPONSOR: env.SITE_SPONSOR ?? DEMO_SITE.sponsor,
      SITE_CONTACT: env.SITE_CONTACT ?? DEMO_SITE.contact,
      SITE_ID_CODE: env.SITE_ID_CODE ?? DEMO_SITE.idCode,
      ICP_NUMBER: env.ICP_NUMBER ?? DEMO_SITE.icp,
    };
  });

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

/** An environment parsed; throws with every problem listed, each naming its variable, when it is not usable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

/** The process's environment, parsed once. */
export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** Where attachments are kept, by content hash: UPLOAD_DIR as an absolute path (default ./data/uploads). */
export function uploadDir(): string {
  return path.resolve(getEnv().UPLOAD_DIR);
}
