import { useApi } from '@backstage/core-plugin-api';
import { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import useAsync from 'react-use/esm/useAsync';
import { mlApiRef } from '../../api';
import { MlSelectField } from './MlSelectField';

/** `ui:field: MlWorkspacePicker`: one of the ML workspaces; the value is its name. */
export function MlWorkspacePicker(props: FieldExtensionComponentProps<string>) {
  const api = useApi(mlApiRef);
  const workspaces = useAsync(
    async () =>
      (await api.listWorkspaces({ sort: '+name', pageSize: 200 })).items,
    [api],
  );
  return (
    <MlSelectField
      id={props.idSchema?.$id ?? 'ml-workspace'}
      label={props.schema.title ?? 'Workspace'}
      description={props.schema.description}
      required={props.required}
      disabled={props.disabled}
      value={props.formData}
      rawErrors={props.rawErrors}
      loading={workspaces.loading}
      error={workspaces.error}
      emptyText="There is no ML workspace yet; an admin creates them on the ML page."
      options={(workspaces.value ?? []).map(w => ({
        value: w.name,
        label:
          w.title && w.title !== w.name ? `${w.title} (${w.name})` : w.name,
      }))}
      onChange={props.onChange}
    />
  );
}
