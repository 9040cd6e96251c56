import { useApi } from '@backstage/core-plugin-api';
import { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import { formatMemory } from '@ml-platform/plugin-ml-common';
import useAsync from 'react-use/esm/useAsync';
import { mlApiRef } from '../../api';
import { formatGpu, formatVcpu } from '../../lib/resources';
import { MlSelectField } from './MlSelectField';
import { profilesThatFit } from './profileFit';
import { siblingValue } from './siblingValue';

/** `ui:options` of the profile picker. */
export interface MlProfilePickerOptions {
  /** The form field that holds the workspace name. Default: `workspace`. */
  workspaceField?: string;
}

/**
 * `ui:field: MlProfilePicker`: a resource profile of the workspace chosen in
 * another field of the form, only those that fit its nodes; the value is the
 * profile's name.
 */
export function MlProfilePicker(
  props: FieldExtensionComponentProps<string, MlProfilePickerOptions>,
) {
  const api = useApi(mlApiRef);
  const field = props.uiSchema?.['ui:options']?.workspaceField ?? 'workspace';
  const workspaceName = siblingValue(props.formContext, field);
  const profiles = useAsync(async () => {
    if (!workspaceName) return [];
    const [workspace, page] = await Promise.all([
      api.getWorkspace(workspaceName),
      api.listProfiles(workspaceName, { sort: '+name', pageSize: 200 }),
    ]);
    return profilesThatFit(page.items, workspace);
  }, [api, workspaceName]);
  return (
    <MlSelectField
      id={props.idSchema?.$id ?? 'ml-profile'}
      label={props.schema.title ?? 'Resource profile'}
      description={props.schema.description}
      required={props.required}
      disabled={props.disabled}
      value={props.formData}
      rawErrors={props.rawErrors}
      loading={profiles.loading}
      error={profiles.error}
      emptyText={
        workspaceName
          ? `No resource profile of workspace ${workspaceName} fits its nodes.`
          : 'Choose a workspace first.'
      }
      options={(profiles.value ?? []).map(p => ({
        value: p.name,
        label: `${p.name} (${formatVcpu(p.cpu)}, ${formatMemory(p.memoryMiB)}${
          p.gpu ? `, ${formatGpu(p.gpu)}` : ''
        })`,
      }))}
      onChange={props.onChange}
    />
  );
}
