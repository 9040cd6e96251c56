import { readModelLineage } from './lineage';

describe('readModelLineage', () => {
  it("reads CML's format for the named model", () => {
    const text = `
churn:
  hive_table_qualified_names:
    - "db.customers@cm"
    - "db.calls@cm"
  metadata:
    query: "select * from customers"
    owner: data-team
other:
  hive_table_qualified_names: ["db.unrelated@cm"]
`;
    expect(readModelLineage(text, 'churn')).toEqual({
      datasets: ['db.customers@cm', 'db.calls@cm'],
      metadata: { query: 'select * from customers', owner: 'data-team' },
    });
  });

  it('accepts datasets: and merges without duplicates', () => {
    const text =
      'm:\n  datasets: [a, b]\n  hive_table_qualified_names: [b, c]\n';
    expect(readModelLineage(text, 'm').datasets).toEqual(['b', 'c', 'a']);
  });

  it('gives nothing for a model without an entry or an odd document', () => {
    expect(readModelLineage('other: {datasets: [x]}', 'm')).toEqual({
      datasets: [],
      metadata: {},
    });
    expect(readModelLineage('- a\n- b', 'm')).toEqual({
      datasets: [],
      metadata: {},
    });
    expect(
      readModelLineage('m: {datasets: [1, "", ok], metadata: [1]}', 'm'),
    ).toEqual({
      datasets: ['ok'],
      metadata: {},
    });
  });

  it('throws on YAML that does not parse', () => {
    expect(() => readModelLineage('m: [unclosed', 'm')).toThrow();
  });

  it('reads monitoring settings, with prediction and truth naming the metrics', () => {
    const text = `
churn:
  datasets: [data/train.csv]
  monitoring:
    task: classification
    prediction: churn_score
    truth: churned
    features:
      - { name: tenure, type: numeric }
      - { name: plan, type: categorical }
    baselineSize: 500
`;
    expect(readModelLineage(text, 'churn')).toEqual({
      datasets: ['data/train.csv'],
      metadata: {},
      monitoring: {
        task: 'classification',
        predictionMetric: 'churn_score',
        truthMetric: 'churned',
        features: [
          { name: 'tenure', type: 'numeric' },
          { name: 'plan', type: 'categorical' },
        ],
        baselineSize: 500,
      },
    });
    expect(
      readModelLineage(
        'm: {monitoring: {task: regression, predictionMetric: y}}',
        'm',
      ).monitoring,
    ).toEqual({ task: 'regression', predictionMetric: 'y' });
    expect(readModelLineage('m: {datasets: [a]}', 'm')).not.toHaveProperty(
      'monitoring',
    );
  });

  it('names the bad field of a monitoring entry', () => {
    const bad = (monitoring: string) => () =>
      readModelLineage(`m:\n  monitoring: ${monitoring}\n`, 'm');
    expect(bad('[1]')).toThrow('monitoring: must be a mapping');
    expect(bad('{prediction: y}')).toThrow(/^monitoring\.task: /);
    expect(bad('{task: ranking}')).toThrow(/^monitoring\.task: /);
    expect(bad('{task: regression, truth: 3}')).toThrow(/^monitoring\.truth: /);
    expect(
      bad('{task: regression, features: [{name: x, type: text}]}'),
    ).toThrow(/^monitoring\.features\.0\.type: /);
    expect(bad('{task: regression, extra: 1}')).toThrow(/extra/);
  });
});
