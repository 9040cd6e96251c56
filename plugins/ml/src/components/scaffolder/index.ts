export { MlWorkspacePicker } from './MlWorkspacePicker';
export { MlRuntimePicker } from './MlRuntimePicker';
export { MlProfilePicker } from './MlProfilePicker';
export type { MlProfilePickerOptions } from './MlProfilePicker';
export { MlProjectPicker } from './MlProjectPicker';
export type { MlProjectPickerOptions } from './MlProjectPicker';
export { mlFieldExtensions } from './fields';
