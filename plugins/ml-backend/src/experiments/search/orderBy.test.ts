import { MlflowError } from '../MlflowError';
import { parseOrderBy } from './orderBy';

const refusal = (run: () => unknown): MlflowError => {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(MlflowError);
    expect((error as MlflowError).errorCode).toBe('INVALID_PARAMETER_VALUE');
    return error as MlflowError;
  }
  throw new Error('expected the order_by to be refused');
};

describe('parseOrderBy', () => {
  it('has no terms for no entries', () => {
    expect(parseOrderBy('runs', undefined)).toEqual([]);
    expect(parseOrderBy('runs', [])).toEqual([]);
  });

  it('reads run entries, ascending unless DESC', () => {
    expect(
      parseOrderBy('runs', [
        'metrics.rmse DESC',
        'attributes.start_time',
        'params.alpha ASC',
        'metrics.`f1 score` desc',
        'tags."mlflow.user"',
        '  run_name  ',
        'end_time Asc',
      ]),
    ).toEqual([
      { entity: 'metric', key: 'rmse', ascending: false },
      { entity: 'attribute', key: 'start_time', ascending: true },
      { entity: 'param', key: 'alpha', ascending: true },
      { entity: 'metric', key: 'f1 score', ascending: false },
      { entity: 'tag', key: 'mlflow.user', ascending: true },
      { entity: 'attribute', key: 'run_name', ascending: true },
      { entity: 'attribute', key: 'end_time', ascending: true },
    ]);
  });

  it('resolves aliases and refuses a field named twice', () => {
    expect(parseOrderBy('runs', ['Created DESC'])).toEqual([
      { entity: 'attribute', key: 'start_time', ascending: false },
    ]);
    expect(
      refusal(() => parseOrderBy('runs', ['start_time', 'created DESC']))
        .message,
    ).toMatch(/'created DESC' sorts on a field named before/);
  });

  it.each([
    [
      'metrics.rmse DOWN',
      /Expected ASC, DESC or the end of the entry at position 13, found 'DOWN'/,
    ],
    ['metrics.rmse DESC ASC', /Expected the end of the entry/],
    ['', /it is empty/],
    ['datasets.name', /cannot be sorted on 'datasets' fields/],
    ['magic.x', /cannot be sorted on 'magic' fields/],
    ['lifecycle_stage', /cannot be sorted on 'lifecycle_stage'/],
    ['metrics.`rmse', /never closed/],
    ['metrics.rmse, params.a', /Expected ASC, DESC/],
  ])('refuses the run entry %p', (entry, message) => {
    expect(refusal(() => parseOrderBy('runs', [entry])).message).toMatch(
      message,
    );
  });

  it('reads what experiment and registry searches sort on', () => {
    expect(
      parseOrderBy('experiments', [
        'name',
        'experiment_id DESC',
        'attribute.creation_time',
        'last_update_time desc',
      ]).map(term => [term.key, term.ascending]),
    ).toEqual([
      ['name', true],
      ['experiment_id', false],
      ['creation_time', true],
      ['last_update_time', false],
    ]);
    expect(
      parseOrderBy('registeredModels', ['timestamp DESC', 'name']).map(
        term => term.key,
      ),
    ).toEqual(['last_updated_timestamp', 'name']);
    expect(
      parseOrderBy('modelVersions', [
        'version_number DESC',
        'creation_timestamp',
      ]).map(term => term.key),
    ).toEqual(['version_number', 'creation_timestamp']);
  });

  it.each([
    [
      'experiments',
      'tags.owner',
      /experiments cannot be sorted on 'tags' fields/,
    ],
    ['experiments', 'metrics.a', /cannot be sorted on 'metrics' fields/],
    [
      'experiments',
      'artifact_location',
      /cannot be sorted on 'artifact_location'.*name, experiment_id/,
    ],
    [
      'registeredModels',
      'version_number',
      /registered models cannot be sorted on 'version_number'/,
    ],
    ['modelVersions', 'run_id', /model versions cannot be sorted on 'run_id'/],
  ] as const)('refuses for %s the entry %p', (kind, entry, message) => {
    expect(refusal(() => parseOrderBy(kind, [entry])).message).toMatch(message);
  });
});
