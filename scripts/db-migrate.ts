// npm run db:migrate — applies the committed migrations to DATABASE_PATH.
import { openDatabase } from '../db/client';
import { getEnv } from '../lib/env';

const file = getEnv().DATABASE_PATH;
const db = openDatabase(file);
const applied = db.$client.prepare('select count(*) from __drizzle_migrations').pluck().get();
console.log(`migrate: ${file} is at migration ${applied}`);
db.$client.close();
