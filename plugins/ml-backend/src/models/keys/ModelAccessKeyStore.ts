import { Knex } from 'knex';
import { ModelAccessKey } from '@ml-platform/plugin-ml-common';
import { nowIso } from '../../database/listing';
import { sameColumns } from '../../database/rows';

type KeyRow = {
  id: string;
  model_id: string;
  name: string;
  key_hash: string;
  masked: string;
  created_by: string;
  created_at: string;
  last_used_at: string | null;
};

/** The columns that hold a field of the key as it is (never its hash). */
const SAME_COLUMNS = sameColumns<KeyRow>()(
  ['id', 'model_id', 'name', 'masked', 'created_by'],
  ['last_used_at'],
);

function toKey(row: KeyRow): ModelAccessKey {
  return { ...SAME_COLUMNS.fromRow(row), createdAt: row.created_at };
}

export type NewAccessKey = Pick<
  ModelAccessKey,
  'id' | 'modelId' | 'name' | 'masked' | 'createdBy'
> & {
  keyHash: string;
};

/** Access keys of models, by their SHA-256 hash: the key text is never stored. */
export class ModelAccessKeyStore {
  constructor(private readonly db: Knex) {}

  async create(key: NewAccessKey): Promise<ModelAccessKey> {
    // A new key has not been used yet.
    const row: KeyRow = {
      ...SAME_COLUMNS.toRow(key),
      key_hash: key.keyHash,
      created_at: nowIso(),
    };
    await this.db('model_access_keys').insert(row);
    return toKey(row);
  }

  async listByModel(modelId: string): Promise<ModelAccessKey[]> {
    const rows = await this.db<KeyRow>('model_access_keys')
      .where({ model_id: modelId })
      .orderBy('created_at');
    return rows.map(toKey);
  }

  /** The model a key hash belongs to. */
  async modelOf(keyHash: string): Promise<string | undefined> {
    const row = await this.db<KeyRow>('model_access_keys')
      .where({ key_hash: keyHash })
      .first('model_id');
    return row?.model_id;
  }

  async touch(keyHash: string, at: string): Promise<void> {
    await this.db('model_access_keys')
      .where({ key_hash: keyHash })
      .update({ last_used_at: at });
  }

  async delete(modelId: string, id: string): Promise<boolean> {
    return (
      (await this.db('model_access_keys')
        .where({ model_id: modelId, id })
        .delete()) > 0
    );
  }

  async deleteByModel(modelId: string): Promise<void> {
    await this.db('model_access_keys').where({ model_id: modelId }).delete();
  }
}
