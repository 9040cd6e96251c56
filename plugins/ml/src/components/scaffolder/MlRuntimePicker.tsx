import { useApi } from '@backstage/core-plugin-api';
import { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import useAsync from 'react-use/esm/useAsync';
import { mlApiRef } from '../../api';
import { runtimeLabel } from '../../lib/runtimes';
import { MlSelectField } from './MlSelectField';
import { choicesOf, selectPropsOf } from './pickerProps';

/**
 * `ui:field: MlRuntimePicker`: a runtime new workloads may use (enabled, the
 * newest maintenance version of each); the value is the runtime's id.
 */
export function MlRuntimePicker(props: FieldExtensionComponentProps<string>) {
  const api = useApi(mlApiRef);
  const runtimes = useAsync(
    async () =>
      (
        await api.listRuntimes({
          enabled: true,
          sort: '+kernel,-short_version',
          pageSize: 200,
        })
      ).items.filter(r => r.enabled),
    [api],
  );
  return (
    <MlSelectField
      {...selectPropsOf(props, { id: 'ml-runtime', label: 'Runtime' })}
      emptyText="No runtime is enabled; an admin enables them on the ML page."
      {...choicesOf(runtimes, r => ({
        value: r.id,
        label: runtimeLabel(r),
      }))}
    />
  );
}
