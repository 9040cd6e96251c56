import { useApi } from '@backstage/core-plugin-api';
import { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import useAsync from 'react-use/esm/useAsync';
import { mlApiRef } from '../../api';
import { titleAndName } from '../../lib/titles';
import { MlSelectField } from './MlSelectField';
import { choicesOf, selectPropsOf } from './pickerProps';

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
      {...selectPropsOf(props, { id: 'ml-workspace', label: 'Workspace' })}
      emptyText="There is no ML workspace yet; an admin creates them on the ML page."
      {...choicesOf(workspaces, w => ({
        value: w.name,
        label: titleAndName(w),
      }))}
    />
  );
}
