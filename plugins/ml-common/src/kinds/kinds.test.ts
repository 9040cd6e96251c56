import { Entity } from '@backstage/catalog-model';
import {
  isMlModelEntity,
  isMlProjectEntity,
  isMlWorkspaceEntity,
  mlProjectEntityRef,
  mlProjectSystemEntityRef,
  mlWorkspaceEntityRef,
  modelEntityV1alpha1Validator,
  projectEntityV1alpha1Validator,
  workspaceEntityV1alpha1Validator,
} from '.';

/** An entity of one of the ML kinds. */
function mlEntity(
  kind: string,
  metadata: Entity['metadata'],
  spec: Entity['spec'],
): Entity {
  return { apiVersion: 'ml-platform.io/v1alpha1', kind, metadata, spec };
}

const workspace = mlEntity(
  'Workspace',
  { name: 'demo', annotations: { 'ml-platform.io/workspace': 'demo' } },
  {
    owner: 'group:default/ml-research',
    driver: 'local',
    nodeGroups: [
      {
        name: 'standard',
        cpu: 4,
        memoryMiB: 16384,
        gpu: 0,
        minNodes: 1,
        maxNodes: 3,
      },
    ],
  },
);

const project = mlEntity(
  'Project',
  { name: 'churn', namespace: 'demo' },
  {
    owner: 'user:default/jane',
    workspace: 'workspace:default/demo',
    visibility: 'team',
    mlProjectId: '3b241101-e2bb-4255-8caf-4136c566a962',
  },
);

const model = mlEntity(
  'Model',
  { name: 'churn-classifier', namespace: 'demo' },
  {
    owner: 'group:default/ml-research',
    project: 'churn',
    mlModelId: '9f0c3c1e-5a8e-4a55-9a8a-1f0d1b2c3d4e',
    dependsOn: ['resource:demo/customer-events'],
    providesApis: ['churn-api'],
  },
);

/** A copy of an entity with `spec` changed by `patch` (undefined deletes). */
function withSpec(entity: Entity, patch: Record<string, unknown>): Entity {
  const spec: Record<string, unknown> = { ...entity.spec, ...patch };
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) {
      delete spec[key];
    }
  }
  return { ...entity, spec } as Entity;
}

describe('ML catalog kinds', () => {
  describe.each([
    [
      'Workspace',
      workspaceEntityV1alpha1Validator,
      workspace,
      isMlWorkspaceEntity,
    ],
    ['Project', projectEntityV1alpha1Validator, project, isMlProjectEntity],
    ['Model', modelEntityV1alpha1Validator, model, isMlModelEntity],
  ] as const)('%s', (kind, validator, good, isKind) => {
    it('accepts a valid entity', async () => {
      await expect(validator.check(good)).resolves.toBe(true);
      expect(isKind(good)).toBe(true);
    });

    it('accepts extra spec fields (forward compatible, like the built-in kinds)', async () => {
      await expect(
        validator.check(withSpec(good, { later: 'x' })),
      ).resolves.toBe(true);
    });

    it('says false (not an error) for other kinds and apiVersions', async () => {
      const component = {
        ...good,
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
      };
      await expect(validator.check(component)).resolves.toBe(false);
      await expect(
        validator.check({ ...good, apiVersion: 'ml-platform.io/v1beta1' }),
      ).resolves.toBe(false);
      expect(isKind(component)).toBe(false);
      expect(isKind({ ...good, apiVersion: 'backstage.io/v1alpha1' })).toBe(
        false,
      );
    });

    it('rejects a missing spec and a missing or empty owner', async () => {
      const { spec: _spec, ...noSpec } = good;
      await expect(validator.check(noSpec as Entity)).rejects.toThrow(/spec/);
      await expect(
        validator.check(withSpec(good, { owner: undefined })),
      ).rejects.toThrow(/owner/);
      await expect(
        validator.check(withSpec(good, { owner: '' })),
      ).rejects.toThrow(/owner/);
    });

    it(`is only for ${kind}`, () => {
      const others = [workspace, project, model].filter(e => e !== good);
      expect(others.some(e => isKind(e))).toBe(false);
    });
  });

  const byKind = {
    workspace: [workspaceEntityV1alpha1Validator, workspace],
    project: [projectEntityV1alpha1Validator, project],
    model: [modelEntityV1alpha1Validator, model],
  } as const;

  it.each([
    ['workspace', { nodeGroups: 'standard' }, /nodeGroups/],
    ['workspace', { nodeGroups: [{ cpu: 4 }] }, /name/],
    ['workspace', { nodeGroups: [{ name: 'gpu', gpu: 0.5 }] }, /gpu/],
    ['project', { workspace: undefined }, /workspace/],
    ['project', { visibility: 'everyone' }, /visibility/],
    ['project', { dependsOn: 'resource:default/x' }, /dependsOn/],
    ['model', { project: undefined }, /project/],
    ['model', { dependsOn: 'customer-events' }, /dependsOn/],
    ['model', { providesApis: [''] }, /providesApis/],
    ['model', { type: '' }, /type/],
    ['model', { lifecycle: 3 }, /lifecycle/],
    ['model', { system: ['system:demo/churn'] }, /system/],
  ] as const)('rejects a %s spec with %j', async (kind, patch, error) => {
    const [validator, good] = byKind[kind];
    await expect(validator.check(withSpec(good, patch))).rejects.toThrow(error);
  });

  it('accepts the runtimes a project depends on', async () => {
    await expect(
      projectEntityV1alpha1Validator.check(
        withSpec(project, {
          dependsOn: ['resource:default/workbench-python-3-standard-2026.11.1'],
        }),
      ),
    ).resolves.toBe(true);
  });

  it('accepts the type, lifecycle and system the catalog table shows', async () => {
    await expect(
      modelEntityV1alpha1Validator.check(
        withSpec(model, {
          type: 'ml-model',
          lifecycle: 'production',
          system: 'system:demo/churn',
        }),
      ),
    ).resolves.toBe(true);
  });

  it("rejects an invalid envelope (name formats are the catalog policies' job)", async () => {
    await expect(
      workspaceEntityV1alpha1Validator.check({
        ...workspace,
        metadata: { title: 'No name' },
      } as unknown as Entity),
    ).rejects.toThrow(/name/);
  });

  it('builds the entity refs the entity provider uses', () => {
    expect(mlWorkspaceEntityRef('demo')).toBe('workspace:default/demo');
    expect(mlProjectEntityRef({ workspace: 'demo', name: 'churn' })).toBe(
      'project:demo/churn',
    );
    expect(mlProjectSystemEntityRef({ workspace: 'demo', name: 'churn' })).toBe(
      'system:demo/churn',
    );
  });
});
