import { createExternalRouteRef } from '@backstage/core-plugin-api';

/**
 * A software template's page in the scaffolder; bound to the scaffolder's
 * own page by default.
 *
 * @public
 */
export const scaffolderTemplateRouteRef = createExternalRouteRef({
  id: 'ml/scaffolder-template',
  params: ['namespace', 'templateName'],
  optional: true,
  defaultTarget: 'scaffolder.selectedTemplate',
});
