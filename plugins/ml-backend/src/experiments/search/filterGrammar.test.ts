import { MlflowError } from '../MlflowError';
import { parseFilter } from './filterGrammar';

const refusal = (run: () => unknown): MlflowError => {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(MlflowError);
    expect((error as MlflowError).errorCode).toBe('INVALID_PARAMETER_VALUE');
    return error as MlflowError;
  }
  throw new Error('expected the filter to be refused');
};

describe('parseFilter for runs', () => {
  it('has no comparisons for an empty or blank filter', () => {
    expect(parseFilter('runs', undefined)).toEqual([]);
    expect(parseFilter('runs', '')).toEqual([]);
    expect(parseFilter('runs', '   ')).toEqual([]);
  });

  it('reads AND-ed metric, param, tag and attribute comparisons', () => {
    expect(
      parseFilter(
        'runs',
        "metrics.rmse < 0.5 and params.lr = '0.01' AND tags.team != \"ml\" and attributes.status = 'FINISHED'",
      ),
    ).toEqual([
      { entity: 'metric', key: 'rmse', comparator: '<', value: 0.5 },
      { entity: 'param', key: 'lr', comparator: '=', value: '0.01' },
      { entity: 'tag', key: 'team', comparator: '!=', value: 'ml' },
      {
        entity: 'attribute',
        key: 'status',
        comparator: '=',
        value: 'FINISHED',
      },
    ]);
  });

  it("takes MLflow's synonyms of the entities", () => {
    const entities = [
      'metric.a > 1',
      "param.a = 'x'",
      "parameter.a = 'x'",
      "parameters.a = 'x'",
      "tag.a = 'x'",
      "attribute.status = 'x'",
      "attr.status = 'x'",
      "run.status = 'x'",
      "status = 'x'",
      "dataset.name = 'x'",
    ].map(text => parseFilter('runs', text)[0].entity);
    expect(entities).toEqual([
      'metric',
      'param',
      'param',
      'param',
      'tag',
      'attribute',
      'attribute',
      'attribute',
      'attribute',
      'dataset',
    ]);
  });

  it('reads keys quoted with backticks or double quotes, and dotted keys', () => {
    expect(
      parseFilter(
        'runs',
        "metrics.\"f1 score\" >= 0.9 and params.`a.b` = '1' and tags.mlflow.user = 'me'",
      ).map(c => c.key),
    ).toEqual(['f1 score', 'a.b', 'mlflow.user']);
  });

  it('resolves attribute aliases to the attribute', () => {
    expect(
      parseFilter('runs', "created > 5 and `Run name` = 'x'").map(c => c.key),
    ).toEqual(['start_time', 'run_name']);
    expect(parseFilter('runs', 'attributes."Run Name" = \'x\'')[0].key).toBe(
      'run_name',
    );
  });

  it('reads numbers in their usual forms and strings with doubled quotes', () => {
    expect(
      parseFilter(
        'runs',
        "metrics.a > -1.5e3 and metrics.b <= .25 and attributes.end_time < 10 and params.p = 'it''s'",
      ).map(c => c.value),
    ).toEqual([-1500, 0.25, 10, "it's"]);
  });

  it('reads comparator words in any case', () => {
    expect(
      parseFilter(
        'runs',
        "params.a like 'x%' and tags.b IlIkE '%Y' and run_id in ('a') and run_id not IN ('b', 'c')",
      ).map(c => [c.comparator, c.value]),
    ).toEqual([
      ['LIKE', 'x%'],
      ['ILIKE', '%Y'],
      ['IN', ['a']],
      ['NOT IN', ['b', 'c']],
    ]);
  });

  it('takes IS NULL and IS NOT NULL for params and tags', () => {
    expect(
      parseFilter('runs', 'tags.env IS NULL and params.lr is not null'),
    ).toEqual([
      { entity: 'tag', key: 'env', comparator: 'IS NULL', value: null },
      { entity: 'param', key: 'lr', comparator: 'IS NOT NULL', value: null },
    ]);
    expect(
      refusal(() => parseFilter('runs', 'metrics.a IS NULL')).message,
    ).toMatch(/comparator 'IS NULL' is not allowed for 'metrics.a'/);
  });

  it('takes lists for datasets', () => {
    expect(
      parseFilter(
        'runs',
        "datasets.name IN ('train', 'eval') and datasets.context = 'training' and dataset.digest LIKE 'ab%'",
      ),
    ).toEqual([
      {
        entity: 'dataset',
        key: 'name',
        comparator: 'IN',
        value: ['train', 'eval'],
      },
      {
        entity: 'dataset',
        key: 'context',
        comparator: '=',
        value: 'training',
      },
      { entity: 'dataset', key: 'digest', comparator: 'LIKE', value: 'ab%' },
    ]);
  });

  it.each([
    ["magic.x = 'a'", /unknown entity 'magic' in 'magic.x'/],
    ["attributes.lifecycle_stage = 'a'", /unknown attribute 'lifecycle_stage'/],
    ["datasets.schema = 'a'", /unknown dataset field 'schema'/],
    [
      "metrics.a LIKE '1'",
      /comparator 'LIKE' is not allowed for 'metrics.a'.*=, !=, >, >=, <, <=/,
    ],
    ['params.a > 1', /comparator '>' is not allowed for 'params.a'/],
    [
      "start_time LIKE '1%'",
      /comparator 'LIKE' is not allowed for 'start_time'/,
    ],
    ["status IN ('a')", /comparator 'IN' is not allowed for 'status'/],
    ["metrics.a > 'big'", /'metrics.a' compares with a number, found 'big'/],
    ["start_time > '5'", /'start_time' compares with a number/],
    ['params.a = 1', /'params.a' compares with a quoted string.*found 1/],
    ['metrics.a > 1 OR metrics.b > 2', /OR is not supported.*position 14/],
    ["params.a = 'x", /quote ' at position 11 is never closed/],
    ['params.`a = 1', /quote ` at position 7 is never closed/],
    [
      'metrics.a > 1 garbage',
      /Expected AND or the end of the filter at position 14, found 'garbage'/,
    ],
    ['metrics.a > 1 and', /Expected a condition after AND/],
    ['(metrics.a > 1)', /parentheses are not supported/],
    [
      'metrics.a 1',
      /Expected a comparator .* after 'metrics.a' at position 10/,
    ],
    [
      "params.model-type = 'x'",
      /after 'params.model' \(quote names holding spaces or symbols/,
    ],
    ['metrics.a <> 1', /Unknown comparator '<>'/],
    ["params.a NOT LIKE 'x'", /NOT takes IN/],
    ["params.a IS 'x'", /IS takes NULL or NOT NULL/],
    ['run_id IN ()', /non-empty list/],
    ["run_id IN ('a', 1)", /only quoted strings in the list/],
    ["run_id IN ('a' 'b')", /Expected ',' or '\)'/],
    ["run_id IN 'a'", /Expected a list of quoted strings/],
    ["run_id = ('a')", /lists go with IN or NOT IN/],
    ["'a' = params.x", /Expected an identifier/],
    ['metrics. > 1', /Expected a name after 'metrics.'/],
    ['metrics.a > 1x', /Expected a value/],
  ])('refuses %s', (text, message) => {
    expect(refusal(() => parseFilter('runs', text)).message).toMatch(message);
  });
});

describe('parseFilter for other searches', () => {
  it('takes the attributes and tags of experiments', () => {
    expect(
      parseFilter(
        'experiments',
        "name LIKE 'exp%' and attribute.creation_time > 10 and last_update_time <= 20 and tags.owner = 'me' and tag.x IS NULL",
      ),
    ).toEqual([
      { entity: 'attribute', key: 'name', comparator: 'LIKE', value: 'exp%' },
      { entity: 'attribute', key: 'creation_time', comparator: '>', value: 10 },
      {
        entity: 'attribute',
        key: 'last_update_time',
        comparator: '<=',
        value: 20,
      },
      { entity: 'tag', key: 'owner', comparator: '=', value: 'me' },
      { entity: 'tag', key: 'x', comparator: 'IS NULL', value: null },
    ]);
  });

  it.each([
    [
      'experiments',
      'metrics.a > 1',
      /unknown entity 'metrics'.*attribute, tag, tags/,
    ],
    ['experiments', "attributes.name = 'a'", /unknown entity 'attributes'/],
    ['experiments', "status = 'a'", /unknown attribute 'status'/],
    ['experiments', "name IN ('a')", /comparator 'IN' is not allowed/],
    [
      'registeredModels',
      'tags.a IS NULL',
      /comparator 'IS NULL' is not allowed/,
    ],
    ['registeredModels', 'creation_timestamp > 1', /unknown attribute/],
    [
      'modelVersions',
      "run_id NOT IN ('a')",
      /comparator 'NOT IN' is not allowed/,
    ],
    ['modelVersions', "version_number = '1'", /compares with a number/],
  ] as const)('refuses for %s: %s', (kind, text, message) => {
    expect(refusal(() => parseFilter(kind, text)).message).toMatch(message);
  });

  it('takes what registered model and model version searches allow', () => {
    expect(
      parseFilter('registeredModels', "name ILIKE '%fraud%' and tags.a != 'b'"),
    ).toHaveLength(2);
    expect(
      parseFilter(
        'modelVersions',
        "name = 'm' and run_id IN ('r1', 'r2') and source_path LIKE 's3://%' and version_number >= 2 and tags.t = 'v'",
      ).map(c => [c.key, c.comparator]),
    ).toEqual([
      ['name', '='],
      ['run_id', 'IN'],
      ['source_path', 'LIKE'],
      ['version_number', '>='],
      ['t', '='],
    ]);
  });
});
