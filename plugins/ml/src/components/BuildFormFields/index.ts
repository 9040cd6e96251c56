export { BuildFormFields } from './BuildFormFields';
export type { BuildFormFieldsProps } from './BuildFormFields';
export { checkBuildForm, emptyBuildForm } from './buildForm';
export type { BuildFormState, BuildSource } from './buildForm';
