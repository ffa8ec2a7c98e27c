// npm run user:create -- --email a@b.cn --name "名字" [--role admin] [--department CODE] [--contractor CREDIT_CODE]
// Creates a user (the first admin of a real installation) with a temporary password printed once; the
// password must be changed at first sign-in. Recorded in the audit trail as done by the command line.
import { eq } from 'drizzle-orm';
import { parseArgs } from 'node:util';
import { openDatabase } from '../db/client';
import { contractors, departments } from '../db/schema';
import { systemActor } from '../lib/auth/actor';
import { getEnv } from '../lib/env';
import { isAppError } from '../lib/errors';
import { createUserWithTemporaryPassword } from '../lib/users/service';

const { values } = parseArgs({
  options: {
    email: { type: 'string' },
    name: { type: 'string' },
    role: { type: 'string', default: 'admin' },
    department: { type: 'string' },
    contractor: { type: 'string' },
  },
});

async function main() {
  if (!values.email || !values.name) {
    console.error('usage: npm run user:create -- --email EMAIL --name NAME [--role ROLE] [--department CODE] [--contractor CREDIT_CODE]');
    process.exit(2);
  }
  const db = openDatabase(getEnv().DATABASE_PATH);
  const departmentId = values.department ? db.select({ id: departments.id }).from(departments).where(eq(departments.code, values.department)).get()?.id : null;
  const contractorId = values.contractor ? db.select({ id: contractors.id }).from(contractors).where(eq(contractors.creditCode, values.contractor)).get()?.id : null;
  if (values.department && !departmentId) throw new Error(`no department ${values.department}`);
  if (values.contractor && !contractorId) throw new Error(`no contractor ${values.contractor}`);
  const { id, temporaryPassword } = await createUserWithTemporaryPassword(db, systemActor('command line (user:create)'), {
    email: values.email,
    name: values.name,
    role: values.role,
    departmentId: departmentId ?? null,
    contractorId: contractorId ?? null,
  });
  console.log(`user:create: user ${id} (${values.email}, ${values.role}) created.`);
  console.log(`temporary password (shown once, to be changed at first sign-in): ${temporaryPassword}`);
}

main().catch((e) => {
  console.error(`user:create: ${isAppError(e) ? `${e.message}${e.details.fieldErrors ? ` ${JSON.stringify(e.details.fieldErrors)}` : ''}` : (e as Error).message}`);
  process.exit(1);
});
