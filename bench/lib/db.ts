/**
 * Fresh, migrated databases for the benchmarks: a temp-file SQLite database
 * (better-sqlite3, configured as Backstage configures it) or a new database
 * on a Postgres server given by URL.
 */
import knexFactory, { Knex } from 'knex';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { migrationsDir } from '../../plugins/ml-backend/src/database/migrations';

export type DbKind = 'sqlite' | 'pg';

export interface BenchDb {
  kind: DbKind;
  knex: Knex;
  /** Where it lives, for the report. */
  where: string;
  destroy(): Promise<void>;
}

/** Opens a fresh database of one kind; `name` tells databases of one run apart. */
export type DbOpener = (name: string) => Promise<BenchDb>;

export async function migrate(knex: Knex) {
  await knex.migrate.latest({ directory: migrationsDir });
}

/** A SQLite file in a new temp folder, removed on destroy. */
export function sqliteOpener(): DbOpener {
  return async name => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'ml-bench-db-'));
    const filename = path.join(dir, `${name}.sqlite`);
    // What @backstage/backend-defaults builds for a better-sqlite3 plugin
    // database: default pragmas (rollback journal, synchronous=FULL).
    const knex = knexFactory({
      client: 'better-sqlite3',
      connection: { filename },
      useNullAsDefault: true,
    });
    await migrate(knex);
    return {
      kind: 'sqlite',
      knex,
      where: filename,
      destroy: async () => {
        await knex.destroy();
        await fs.rm(dir, { recursive: true, force: true });
      },
    };
  };
}

/** A new database on the server of `url` (which must allow CREATE DATABASE), dropped on destroy. */
export function pgOpener(url: string): DbOpener {
  return async name => {
    const database = `ml_bench_${name}_${process.pid}_${Date.now().toString(
      36,
    )}`.toLowerCase();
    const admin = knexFactory({
      client: 'pg',
      connection: url,
      pool: { min: 0, max: 1 },
    });
    await admin.raw(`CREATE DATABASE ${database}`);
    await admin.destroy();
    const target = new URL(url);
    target.pathname = `/${database}`;
    const knex = knexFactory({ client: 'pg', connection: target.toString() });
    await migrate(knex);
    return {
      kind: 'pg',
      knex,
      where: `${target.host}/${database}`,
      destroy: async () => {
        await knex.destroy();
        const dropper = knexFactory({
          client: 'pg',
          connection: url,
          pool: { min: 0, max: 1 },
        });
        try {
          await dropper.raw(`DROP DATABASE IF EXISTS ${database}`);
        } finally {
          await dropper.destroy();
        }
      },
    };
  };
}
