import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { catalogModuleMl } from './module';
import { isMlProjectReader } from './permissions/isMlProjectReader';
import { MlEntitiesProcessor } from './processor/MlEntitiesProcessor';
import { MlEntityProvider } from './provider/MlEntityProvider';
import { providerConfig } from './__testUtils__/providerConfig';

describe('catalogModuleMl', () => {
  it('adds the ML processor, entity provider and permission rule to the catalog', async () => {
    const extensionPoint = {
      addProcessor: jest.fn(),
      addEntityProvider: jest.fn(),
    };
    const permissionsRegistry = mockServices.permissionsRegistry.mock();
    await startTestBackend({
      extensionPoints: [[catalogProcessingExtensionPoint, extensionPoint]],
      features: [
        catalogModuleMl,
        permissionsRegistry.factory,
        mockServices.rootConfig.factory({
          data: {
            ...providerConfig(),
          },
        }),
      ],
    });

    expect(extensionPoint.addProcessor).toHaveBeenCalledWith(
      new MlEntitiesProcessor(),
    );
    expect(extensionPoint.addEntityProvider).toHaveBeenCalledTimes(1);
    const [[provider]] = extensionPoint.addEntityProvider.mock.calls;
    expect(provider).toBeInstanceOf(MlEntityProvider);
    expect(provider.getProviderName()).toBe('MlEntityProvider:default');
    expect(permissionsRegistry.addPermissionRules).toHaveBeenCalledWith([
      isMlProjectReader,
    ]);
  });
});
