import {
  AnyApiFactory,
  createApiFactory,
} from '@backstage/frontend-plugin-api';
import {
  ScaffolderApi,
  scaffolderApiRef,
} from '@backstage/plugin-scaffolder-react';
import { MlApi, mlApiRef } from '../api';
import { scaffolderApiWithReviewNames } from '../components/scaffolder/reviewNames';

/**
 * The scaffolder API factory `original` (the scaffolder plugin's
 * `api:scaffolder`), whose template parameter schemas name the values of
 * the ML id pickers, so the review step shows a runtime's or a project's
 * name instead of its id (`withReviewNames`). The scaffolder's review step
 * takes no custom component in the new frontend system; its `enum` /
 * `enumNames` support is what it offers. Install it with a module for the
 * `scaffolder` plugin that overrides `api:scaffolder`.
 *
 * @alpha
 */
export function withMlReviewNames(original: AnyApiFactory): AnyApiFactory {
  return createApiFactory({
    api: scaffolderApiRef,
    deps: { ...original.deps, mlApi: mlApiRef },
    factory: ({ mlApi, ...deps }) =>
      scaffolderApiWithReviewNames(
        original.factory(deps) as ScaffolderApi,
        mlApi as MlApi,
      ),
  });
}
