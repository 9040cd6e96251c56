import { createExtensionTester } from '@backstage/frontend-test-utils';
import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import {
  mlEntityExtensions,
  modelLineageEntityCard,
  modelOverviewEntityCard,
  projectOverviewEntityCard,
  workspaceOverviewEntityCard,
} from './entity';

describe('ML entity card extensions', () => {
  it.each([
    [workspaceOverviewEntityCard, 'kind:workspace'],
    [projectOverviewEntityCard, 'kind:project'],
    [modelOverviewEntityCard, 'kind:model'],
    [modelLineageEntityCard, 'kind:model'],
  ] as const)(
    'shows each card on the overview of its kind only',
    (extension, filter) => {
      // The four cards differ in their names only; the tester takes one type.
      const tester = createExtensionTester(
        extension as typeof workspaceOverviewEntityCard,
      );
      expect(tester.get(EntityCardBlueprint.dataRefs.filterExpression)).toBe(
        filter,
      );
      expect(tester.get(EntityCardBlueprint.dataRefs.type)).toBe('content');
    },
  );

  it('are all part of the plugin', () => {
    expect(mlEntityExtensions).toHaveLength(4);
  });
});
