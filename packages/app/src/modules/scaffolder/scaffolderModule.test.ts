import { ApiBlueprint } from '@backstage/frontend-plugin-api';
import { createExtensionTester } from '@backstage/frontend-test-utils';
import { scaffolderApiWithMlNames } from './scaffolderModule';

const runtime = {
  id: 'rt-1',
  editor: 'Workbench',
  kernel: 'Python 3.11',
  edition: 'Standard',
  shortVersion: '2026.01',
  maintenanceVersion: 2,
  enabled: true,
};

const parameterSchema = {
  title: 'Blank Python project',
  steps: [
    {
      title: 'Compute',
      schema: {
        type: 'object',
        properties: {
          runtimeId: { type: 'string', 'ui:field': 'MlRuntimePicker' },
        },
      },
    },
  ],
};

describe('scaffolderModule', () => {
  it("is the scaffolder's own client, with the ML names in the parameter schemas", async () => {
    const factory = createExtensionTester(scaffolderApiWithMlNames).get(
      ApiBlueprint.dataRefs.factory,
    );
    expect(factory.api.id).toBe('plugin.scaffolder.service');
    expect(Object.keys(factory.deps).sort()).toEqual([
      'discoveryApi',
      'fetchApi',
      'identityApi',
      'mlApi',
      'scmIntegrationsApi',
    ]);

    const fetch = jest.fn(
      async (_url: string) => new Response(JSON.stringify(parameterSchema)),
    );
    const api = factory.factory({
      discoveryApi: { getBaseUrl: async () => 'http://be/api/scaffolder' },
      fetchApi: { fetch },
      identityApi: {},
      scmIntegrationsApi: {},
      mlApi: {
        listRuntimes: async () => ({ items: [runtime], total_size: 1 }),
      },
    }) as {
      getTemplateParameterSchema(ref: string): Promise<typeof parameterSchema>;
    };

    const schema = await api.getTemplateParameterSchema(
      'template:default/blank-python',
    );
    expect(fetch.mock.calls[0][0]).toBe(
      'http://be/api/scaffolder/v2/templates/default/template/blank-python/parameter-schema',
    );
    expect(schema.steps[0].schema.properties.runtimeId).toEqual({
      type: 'string',
      'ui:field': 'MlRuntimePicker',
      enum: ['rt-1'],
      enumNames: ['Workbench Python 3.11 Standard 2026.01.2'],
    });
  });
});
