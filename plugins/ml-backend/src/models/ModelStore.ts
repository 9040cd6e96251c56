import { Knex } from 'knex';
import { Model } from '@ml-platform/plugin-ml-common';
import { nowIso } from '../database/listing';
import { IdTableStore, fromStampColumns, sameColumns } from '../database/rows';

type ModelRow = {
  id: string;
  project_id: string;
  name: string;
  description: string;
  disable_authentication: boolean | number;
  active_deployment_id: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
};

/** The columns that hold a field of the model as it is. */
const SAME_COLUMNS = sameColumns<ModelRow>()(
  ['id', 'project_id', 'name', 'description', 'created_by'],
  ['active_deployment_id'],
);

function toModel(row: ModelRow): Model {
  return {
    ...SAME_COLUMNS.fromRow(row),
    disableAuthentication: Boolean(row.disable_authentication),
    ...fromStampColumns(row),
  };
}

export type NewModel = Pick<
  Model,
  | 'id'
  | 'projectId'
  | 'name'
  | 'description'
  | 'disableAuthentication'
  | 'createdBy'
>;

/** Models: a name in a project, and which deployment serves it. */
export class ModelStore extends IdTableStore<ModelRow, Model> {
  constructor(db: Knex) {
    super(db, 'models', toModel);
  }

  async create(model: NewModel): Promise<Model> {
    // A new model has no active deployment yet.
    return this.insertOne({
      ...SAME_COLUMNS.toRow(model),
      disable_authentication: model.disableAuthentication,
    });
  }

  async findByName(
    projectId: string,
    name: string,
  ): Promise<Model | undefined> {
    return this.findOne({ project_id: projectId, name });
  }

  async listByProject(projectId: string): Promise<Model[]> {
    return this.findAll({ project_id: projectId }, 'name');
  }

  async listAll(): Promise<Model[]> {
    const rows = await this.db<ModelRow>('models').orderBy('id');
    return rows.map(toModel);
  }

  async update(
    id: string,
    patch: Partial<Pick<Model, 'description' | 'disableAuthentication'>>,
  ): Promise<Model | undefined> {
    await this.patchOne({ id }, patch, {
      description: 'description',
      disableAuthentication: 'disable_authentication',
    });
    return this.get(id);
  }

  /**
   * Points the model at a deployment (or at none) if it still points at
   * `expected`: two backends switching at once cannot both win.
   */
  async switchActiveDeployment(
    id: string,
    expected: string | undefined,
    next: string | undefined,
  ): Promise<boolean> {
    const updated = await this.db('models')
      .where({ id })
      .modify(q => {
        if (expected) q.where('active_deployment_id', expected);
        else q.whereNull('active_deployment_id');
      })
      .update({ active_deployment_id: next ?? null, updated_at: nowIso() });
    return updated === 1;
  }

  async delete(id: string): Promise<boolean> {
    return this.deleteOne({ id });
  }
}
