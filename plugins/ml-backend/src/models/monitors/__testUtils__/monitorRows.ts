import { Knex } from 'knex';

export const PROJECT = '11111111-1111-4111-8111-111111111111';
export const MODEL = '22222222-2222-4222-8222-222222222222';
export const OTHER_MODEL = '33333333-3333-4333-8333-333333333333';
/** Past 2^31: times must survive as bigints on Postgres. */
export const AT = 1_790_000_000_000;
export const id = (n: number) =>
  `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** A model row of {@link PROJECT}, which monitors and events refer to. */
export async function insertModel(knex: Knex, modelId: string, name: string) {
  await knex('models').insert({
    id: modelId,
    project_id: PROJECT,
    name,
    description: '',
    disable_authentication: false,
    active_deployment_id: null,
    created_by: 'user:default/a',
    created_at: new Date(AT).toISOString(),
    updated_at: new Date(AT).toISOString(),
  });
}
