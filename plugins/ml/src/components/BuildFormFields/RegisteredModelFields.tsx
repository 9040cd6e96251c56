import { describeError } from '../../lib/errors';
import { FormRow, SelectField, SelectOption } from '../FormFields';
import { useModelVersions } from '../registry/useModelVersions';
import { useProjectRegisteredModels } from '../registry/useProjectRegisteredModels';

export interface RegisteredModelFieldsProps {
  projectId: string;
  name: string;
  version: string;
  onChange: (change: { name: string; version: string }) => void;
  errorOf: (field: string) => string | undefined;
}

/** The choices, with the chosen value kept while its list loads. */
function optionsWith(
  values: string[],
  chosen: string,
  placeholder: string,
): SelectOption[] {
  const all = chosen && !values.includes(chosen) ? [chosen, ...values] : values;
  return [
    { value: '', label: placeholder },
    ...all.map(value => ({ value, label: value })),
  ];
}

/**
 * The registered model of the project and the version a build serves.
 * Mounted only for builds from the registry, so that only they ask MLflow.
 */
export function RegisteredModelFields(props: RegisteredModelFieldsProps) {
  const { projectId, name, version, onChange, errorOf } = props;
  const models = useProjectRegisteredModels(projectId);
  const versions = useModelVersions(name || undefined);
  const loadError = models.error ?? versions.error;
  return (
    <FormRow widths={[2, 1]}>
      <SelectField
        id="ml-build-registered-model"
        label="Registered model"
        value={name}
        options={optionsWith(
          (models.value ?? []).map(m => m.name),
          name,
          models.loading ? 'Loading…' : 'Choose a model',
        )}
        onChange={value => onChange({ name: value, version: '' })}
        problem={
          errorOf('registeredModel') ??
          (loadError ? describeError(loadError) : undefined)
        }
        help="From the project's model registry"
      />
      <SelectField
        id="ml-build-registered-version"
        label="Version"
        value={version}
        disabled={!name}
        options={optionsWith(
          (versions.value ?? []).map(v => v.version),
          version,
          versions.loading ? 'Loading…' : 'Choose a version',
        )}
        onChange={value => onChange({ name, version: value })}
        problem={errorOf('registeredModel.version')}
      />
    </FormRow>
  );
}
