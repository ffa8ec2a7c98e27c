import { openDatabase, type Db } from '../../db/client';

/** A migrated in-memory database for one test. */
export function testDb(): Db {
  return openDatabase(':memory:');
}
