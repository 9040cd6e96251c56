import { useApi } from '@backstage/core-plugin-api';
import { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import useAsync from 'react-use/esm/useAsync';
import { mlApiRef } from '../../api';
import { titleAndName } from '../../lib/titles';
import { MlSelectField } from './MlSelectField';
import { chosenWorkspace, choicesOf, selectPropsOf } from './pickerProps';

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
  const workspaceName = chosenWorkspace(props);
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
      {...selectPropsOf(props, { id: 'ml-project', label: 'Project' })}
      emptyText={
        workspaceName
          ? `Workspace ${workspaceName} has no project yet.`
          : 'Choose a workspace first.'
      }
      {...choicesOf(projects, p => ({
        value: p.id,
        label: titleAndName(p),
      }))}
    />
  );
}
