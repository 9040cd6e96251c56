import { createScaffolderFieldExtension } from '@backstage/plugin-scaffolder-react';
import { mlPlugin } from './plugin';
import {
  MlProfilePicker,
  MlProjectPicker,
  MlRuntimePicker,
  MlWorkspacePicker,
} from './components/scaffolder';

/**
 * Scaffolder field `MlWorkspacePicker` for apps on the legacy frontend
 * system: put it inside `<ScaffolderFieldExtensions>`.
 *
 * @public
 */
export const MlWorkspacePickerFieldExtension = mlPlugin.provide(
  createScaffolderFieldExtension({
    name: 'MlWorkspacePicker',
    component: MlWorkspacePicker,
  }),
);

/** @public Scaffolder field `MlRuntimePicker` (enabled runtimes; value: runtime id). */
export const MlRuntimePickerFieldExtension = mlPlugin.provide(
  createScaffolderFieldExtension({
    name: 'MlRuntimePicker',
    component: MlRuntimePicker,
  }),
);

/** @public Scaffolder field `MlProfilePicker` (profiles of the chosen workspace that fit it). */
export const MlProfilePickerFieldExtension = mlPlugin.provide(
  createScaffolderFieldExtension({
    name: 'MlProfilePicker',
    component: MlProfilePicker,
  }),
);

/** @public Scaffolder field `MlProjectPicker` (projects of the chosen workspace; value: id). */
export const MlProjectPickerFieldExtension = mlPlugin.provide(
  createScaffolderFieldExtension({
    name: 'MlProjectPicker',
    component: MlProjectPicker,
  }),
);
