/**
 * The value of another field of the template form, named in the field's
 * `ui:options` (e.g. `workspaceField: workspace`). The scaffolder passes all
 * steps' values as `formContext.formData`.
 */
export function siblingValue(
  formContext: { formData?: Record<string, unknown> } | undefined,
  field: string | undefined,
): string | undefined {
  if (!field) return undefined;
  const value = formContext?.formData?.[field];
  return typeof value === 'string' && value ? value : undefined;
}
