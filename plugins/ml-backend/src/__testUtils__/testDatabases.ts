import { TestDatabases } from '@backstage/backend-test-utils';

/**
 * SQLite always; Postgres 15 when the test script provides one through
 * BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING (npm test does). Docker
 * is never used: there is no engine on our machines.
 */
export function createTestDatabases(): TestDatabases {
  return TestDatabases.create({
    ids: ['SQLITE_3', 'POSTGRES_15'],
    disableDocker: true,
  });
}
