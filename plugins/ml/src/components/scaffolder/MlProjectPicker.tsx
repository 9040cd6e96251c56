import { useApi } from '@backstage/core-plugin-api';
import { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import useAsync from 'react-use/esm/useAsync';
import { mlApiRef } from '../../api';
import { MlSelectField } from './MlSelectField';
import { siblingValue } from './siblingValue';

/** `ui:options` of the project picker. */
export interface MlProjectPickerOptions {
  /** The form field that holds the workspace name. Default: `workspace`. */
  workspaceField?: string;
}

/**
 * `ui:field: MlProjectPicker`: a project of the workspace chosen in another
 * field of the form; the value is the project's id.
 */
export function MlProjectPicker(
  props: FieldExtensionComponentProps<string, MlProjectPickerOptions>,
) {
  const api = useApi(mlApiRef);
  const field = props.uiSchema?.['ui:options']?.workspaceField ?? 'workspace';
  const workspaceName = siblingValue(props.formContext, field);
  const projects = useAsync(async () => {
    if (!workspaceName) return [];
    return (
      await api.listProjects({
        workspace: workspaceName,
        sort: '+name',
        pageSize: 500,
      })
    ).items;
  }, [api, workspaceName]);
  return (
    <MlSelectField
      id={props.idSchema?.$id ?? 'ml-project'}
      label={props.schema.title ?? 'Project'}
      description={props.schema.description}
      required={props.required}
      disabled={props.disabled}
      value={props.formData}
      rawErrors={props.rawErrors}
      loading={projects.loading}
      error={projects.error}
      emptyText={
        workspaceName
          ? `Workspace ${workspaceName} has no project yet.`
          : 'Choose a workspace first.'
      }
      options={(projects.value ?? []).map(p => ({
        value: p.id,
        label:
          p.title && p.title !== p.name ? `${p.title} (${p.name})` : p.name,
      }))}
      onChange={props.onChange}
    />
  );
}
