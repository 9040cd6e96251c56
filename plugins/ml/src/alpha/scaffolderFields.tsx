import {
  FormFieldBlueprint,
  createFormField,
} from '@backstage/plugin-scaffolder-react/alpha';

const FIELD_IDS = {
  MlWorkspacePicker: 'workspace-picker',
  MlRuntimePicker: 'runtime-picker',
  MlProfilePicker: 'profile-picker',
  MlProjectPicker: 'project-picker',
} as const;

/**
 * The ML pickers as scaffolder form fields of the new frontend system; they
 * attach to the scaffolder plugin's form fields when it is installed.
 */
export const mlScaffolderFormFields = (
  Object.keys(FIELD_IDS) as Array<keyof typeof FIELD_IDS>
).map(name =>
  FormFieldBlueprint.make({
    name: FIELD_IDS[name],
    params: {
      field: () =>
        import('../components/scaffolder').then(m => {
          const { component } = m.mlFieldExtensions.find(f => f.name === name)!;
          return createFormField({ name, component: component as any });
        }),
    },
  }),
);
