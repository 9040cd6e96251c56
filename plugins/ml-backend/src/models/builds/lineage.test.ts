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
});
