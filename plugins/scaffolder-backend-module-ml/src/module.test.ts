import { startTestBackend } from '@backstage/backend-test-utils';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { scaffolderModuleMl } from './module';

describe('scaffolderModuleMl', () => {
  it('registers the ML actions', async () => {
    const addActions = jest.fn();
    await startTestBackend({
      extensionPoints: [[scaffolderActionsExtensionPoint, { addActions }]],
      features: [scaffolderModuleMl],
    });
    const ids = addActions.mock.calls
      .flat()
      .map((action: { id: string }) => action.id);
    expect(ids.sort()).toEqual([
      'ml:application:start',
      'ml:job:create',
      'ml:job:run',
      'ml:model:build',
      'ml:model:create',
      'ml:model:deploy',
      'ml:model:drift-baseline',
      'ml:model:monitor:create',
      'ml:model:monitoring-settings',
      'ml:model:promotion-policy:set',
      'ml:model:register',
      'ml:project:create',
      'ml:project:upload',
    ]);
  });
});
