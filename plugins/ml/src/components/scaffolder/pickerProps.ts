import { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import { MlSelectOption } from './MlSelectField';
import { siblingValue } from './siblingValue';

/** A picker's field as the scaffolder hands it over, whatever its options. */
type PickerFieldProps = FieldExtensionComponentProps<string, object>;

/**
 * What a picker's select takes from the template's field as it is: id,
 * title, description, flags, value, errors and the change handler.
 */
export function selectPropsOf(
  props: PickerFieldProps,
  defaults: { id: string; label: string },
) {
  return {
    id: props.idSchema?.$id ?? defaults.id,
    label: props.schema.title ?? defaults.label,
    description: props.schema.description,
    required: props.required,
    disabled: props.disabled,
    value: props.formData,
    rawErrors: props.rawErrors,
    onChange: props.onChange,
  };
}

/** The loading state, error and options of choices loaded with `useAsync`. */
export function choicesOf<T>(
  state: { loading: boolean; error?: Error; value?: T[] },
  toOption: (item: T) => MlSelectOption,
) {
  return {
    loading: state.loading,
    error: state.error,
    options: (state.value ?? []).map(toOption),
  };
}

/**
 * The workspace chosen in another field of the form, named by the picker's
 * `ui:options.workspaceField` (default `workspace`).
 */
export function chosenWorkspace(
  props: FieldExtensionComponentProps<string, { workspaceField?: string }>,
): string | undefined {
  const field = props.uiSchema?.['ui:options']?.workspaceField ?? 'workspace';
  return siblingValue(props.formContext, field);
}
