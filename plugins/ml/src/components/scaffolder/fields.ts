import { MlProfilePicker } from './MlProfilePicker';
import { MlProjectPicker } from './MlProjectPicker';
import { MlRuntimePicker } from './MlRuntimePicker';
import { MlWorkspacePicker } from './MlWorkspacePicker';

/**
 * The ML field extensions by the `ui:field` name templates use. Both the
 * legacy (`createScaffolderFieldExtension`) and the new frontend system
 * (`FormFieldBlueprint`) registrations are made from this list.
 */
export const mlFieldExtensions = [
  { name: 'MlWorkspacePicker', component: MlWorkspacePicker },
  { name: 'MlRuntimePicker', component: MlRuntimePicker },
  { name: 'MlProfilePicker', component: MlProfilePicker },
  { name: 'MlProjectPicker', component: MlProjectPicker },
] as const;
