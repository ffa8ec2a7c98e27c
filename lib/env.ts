import { z } from 'zod';

const DEMO_SECRET = 'longgang-demo-secret-not-for-production-use';

const envSchema = z
  .object({
    DATABASE_PATH: z.string().min(1).default('./data/registry.db'),
    UPLOAD_DIR: z.string().min(1).default('./data/uploads'),
    /** `demo` (default) loads the sample data and demo accounts into a new database; `production` starts empty. */
    REGISTRY_MODE: z.enum(['demo', 'production']).default('demo'),
    REGISTRY_NAME: z.string().min(1).default('Longgang outsourcing registry'),
    /** Prefix of contract references, e.g. LG-2026-0042. */
    CONTRACT_PREFIX: z
      .string()
      .regex(/^[A-Z]{2,6}$/)
      .default('LG'),
    AUTH_SECRET: z.string().optional(),
  })
  .transform((env, ctx) => {
    if (env.REGISTRY_MODE === 'production') {
      if (!env.AUTH_SECRET || env.AUTH_SECRET.length < 32 || env.AUTH_SECRET === DEMO_SECRET) {
        ctx.addIssue({
          code: 'custom',
          path: ['AUTH_SECRET'],
          message: 'REGISTRY_MODE=production needs AUTH_SECRET: a random secret of at least 32 characters (openssl rand -base64 32)',
        });
        return z.NEVER;
      }
      return { ...env, AUTH_SECRET: env.AUTH_SECRET };
    }
    return { ...env, AUTH_SECRET: env.AUTH_SECRET ?? DEMO_SECRET };
  });

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

/** The environment, parsed once; throws with every problem listed when it is not usable. */
export function getEnv(): Env {
  if (!cached) {
    const parsed = envSchema.safeParse(process.env);
    if (!parsed.success) {
      const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
      throw new Error(`Invalid environment:\n${lines.join('\n')}`);
    }
    cached = parsed.data;
  }
  return cached;
}
