import { Knex } from 'knex';

/** Values generated once and shared by every backend replica. */
export class SettingsStore {
  constructor(private readonly db: Knex) {}

  /**
   * The stored value of `key`, creating it with `make()` when absent. When
   * several replicas race, the first insert wins and all read that value.
   */
  async getOrCreate(key: string, make: () => string): Promise<string> {
    await this.db('settings')
      .insert({ key, value: make(), created_at: new Date().toISOString() })
      .onConflict('key')
      .ignore();
    const row = await this.db('settings').where({ key }).first('value');
    return row.value;
  }
}
