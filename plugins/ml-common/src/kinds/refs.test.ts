import { parseEntityRef } from '@backstage/catalog-model';
import {
  mlDatasetEntityRef,
  mlModelApiEntityRef,
  mlModelEntityRef,
  mlRuntimeEntityName,
  mlRuntimeEntityRef,
  toEntityName,
} from './refs';

/** The catalog's own rule for entity names (KubernetesValidatorFunctions). */
const VALID_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;

describe('entity names and refs of ML objects', () => {
  it('keeps a valid name as it is', () => {
    expect(toEntityName('default.customer_events')).toBe(
      'default.customer_events',
    );
  });

  it.each([
    ['sales db / orders (2024)', 'sales-db-orders-2024'],
    ['__hidden__', 'hidden'],
    ['a..b--c', 'a.b-c'],
    ['***', 'unnamed'],
  ])('makes %j a valid name: %j', (text, name) => {
    expect(toEntityName(text)).toBe(name);
    expect(name).toMatch(VALID_NAME);
  });

  it('cuts long names to 63 characters and keeps two long names apart', () => {
    const a = toEntityName(`${'x'.repeat(70)}-a`);
    const b = toEntityName(`${'x'.repeat(70)}-b`);
    expect(a).toHaveLength(63);
    expect(a).toMatch(VALID_NAME);
    expect(a).not.toBe(b);
    expect(toEntityName(`${'x'.repeat(70)}-a`)).toBe(a);
  });

  it('scopes models and their APIs by project within the workspace namespace', () => {
    const model = { workspace: 'demo', project: 'churn', name: 'classifier' };
    expect(mlModelEntityRef(model)).toBe('model:demo/churn.classifier');
    expect(mlModelApiEntityRef(model)).toBe('api:demo/churn.classifier');
    expect(mlModelEntityRef({ ...model, project: 'forecast' })).not.toBe(
      mlModelEntityRef(model),
    );
  });

  it('puts datasets in the workspace namespace and runtimes in the default one', () => {
    expect(mlDatasetEntityRef('demo', 'warehouse.customer events')).toBe(
      'resource:demo/warehouse.customer-events',
    );
    const runtime = {
      editor: 'Workbench',
      kernel: 'Python 3.11',
      edition: 'Standard',
      shortVersion: '2026.11',
      maintenanceVersion: 2,
    };
    expect(mlRuntimeEntityName(runtime)).toBe(
      'workbench-python-3.11-standard-2026.11.2',
    );
    expect(parseEntityRef(mlRuntimeEntityRef(runtime))).toEqual({
      kind: 'resource',
      namespace: 'default',
      name: 'workbench-python-3.11-standard-2026.11.2',
    });
  });
});
