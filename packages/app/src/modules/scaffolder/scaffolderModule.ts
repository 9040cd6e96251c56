import {
  ApiBlueprint,
  createFrontendModule,
} from '@backstage/frontend-plugin-api';
import scaffolderPlugin from '@backstage/plugin-scaffolder/alpha';
import { withMlReviewNames } from '@ml-platform/plugin-ml/alpha';

/**
 * The scaffolder's own API, with the names of the ML pickers' ids in the
 * template schemas, so the review step shows "Workbench Python 3.11 …"
 * rather than a runtime id.
 */
export const scaffolderApiWithMlNames = scaffolderPlugin
  .getExtension('api:scaffolder')
  .override({
    factory(originalFactory) {
      return [
        ApiBlueprint.dataRefs.factory(
          withMlReviewNames(
            originalFactory().get(ApiBlueprint.dataRefs.factory),
          ),
        ),
      ];
    },
  });

/** Replaces the scaffolder plugin's `api:scaffolder` with the one above. */
export const scaffolderModule = createFrontendModule({
  pluginId: 'scaffolder',
  extensions: [scaffolderApiWithMlNames],
});
