import { useApi } from '@backstage/core-plugin-api';
import { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import { formatMemory } from '@ml-platform/plugin-ml-common';
import useAsync from 'react-use/esm/useAsync';
import { mlApiRef } from '../../api';
import { formatGpu, formatVcpu } from '../../lib/resources';
import { MlSelectField } from './MlSelectField';
import { chosenWorkspace, choicesOf, selectPropsOf } from './pickerProps';
import { profilesThatFit } from './profileFit';

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
  const workspaceName = chosenWorkspace(props);
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
      {...selectPropsOf(props, { id: 'ml-profile', label: 'Resource profile' })}
      emptyText={
        workspaceName
          ? `No resource profile of workspace ${workspaceName} fits its nodes.`
          : 'Choose a workspace first.'
      }
      {...choicesOf(profiles, p => ({
        value: p.name,
        label: `${p.name} (${formatVcpu(p.cpu)}, ${formatMemory(p.memoryMiB)}${
          p.gpu ? `, ${formatGpu(p.gpu)}` : ''
        })`,
      }))}
    />
  );
}
