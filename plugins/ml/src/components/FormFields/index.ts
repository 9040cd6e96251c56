export { EnvVarsField } from './EnvVarsField';
export type { EnvVarsFieldProps } from './EnvVarsField';
export { FormTextField } from './FormTextField';
export type { FormTextFieldProps } from './FormTextField';
export { SelectField } from './SelectField';
export type { SelectFieldProps, SelectOption } from './SelectField';
export { FileField } from './FileField';
export type { FileFieldProps } from './FileField';
