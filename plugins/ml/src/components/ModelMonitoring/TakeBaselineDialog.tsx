import { TakeDriftBaselineRequest } from '@ml-platform/plugin-ml-common';
import { useDialogForm } from '../../hooks/useDialogForm';
import { DialogOpenProps, FormDialog } from '../FormDialog';
import { FormTextField, SelectField } from '../FormFields';

export interface TakeBaselineDialogProps extends DialogOpenProps {
  onTake: (request: TakeDriftBaselineRequest) => Promise<unknown>;
}

type Source = TakeDriftBaselineRequest['source'];

const SOURCES: Array<{ value: Source; label: string }> = [
  {
    value: 'dataset',
    label: "The training CSV of the active build (its lineage.yaml's dataset)",
  },
  { value: 'examples', label: "The active build's example requests" },
  {
    value: 'predictions',
    label: 'The first predictions of the active deployment',
  },
];

/**
 * Takes the distributions drift is measured against, for every declared
 * feature the source has: from the active build's training CSV or
 * examples, or from the first predictions the active deployment served.
 */
export function TakeBaselineDialog(props: TakeBaselineDialogProps) {
  const { open, onClose, onTake } = props;
  const form = useDialogForm({
    open,
    initialValues: () => ({
      source: 'dataset' as Source,
      path: '',
      size: '',
    }),
    validate: values => ({
      size:
        values.source === 'predictions' &&
        values.size.trim() !== '' &&
        !(Number.isInteger(Number(values.size)) && Number(values.size) >= 10) &&
        'A whole number, at least 10',
    }),
    onSubmit: values =>
      onTake({
        source: values.source,
        ...(values.source === 'dataset' &&
          values.path.trim() && { path: values.path.trim() }),
        ...(values.source === 'predictions' &&
          values.size.trim() && { size: Number(values.size) }),
      }),
    onSuccess: onClose,
  });
  const { values, setValues, fieldProps } = form;

  return (
    <FormDialog
      open={open}
      onClose={onClose}
      titleId="ml-take-baseline-title"
      title="Take drift baseline"
      submitLabel="Take baseline"
      form={form}
    >
      <SelectField
        id="ml-baseline-source"
        label="Source"
        value={values.source}
        options={SOURCES}
        onChange={source => setValues({ source: source as Source })}
        help="Replaces the baseline of every declared feature found there"
      />
      {values.source === 'dataset' && (
        <FormTextField
          id="ml-baseline-path"
          label="CSV file"
          {...fieldProps('path')}
          help="A file of the build's snapshot; empty: the first dataset of its lineage.yaml"
        />
      )}
      {values.source === 'predictions' && (
        <FormTextField
          id="ml-baseline-size"
          label="Predictions"
          {...fieldProps('size')}
          help="How many of the first ones; empty: the settings' baseline size"
        />
      )}
    </FormDialog>
  );
}
