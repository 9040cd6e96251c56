import { parseCpuMillis, parseMemoryMiB } from '@ml-platform/plugin-ml-common';
import { useDialogForm } from '../../hooks/useDialogForm';
import { wholeError } from '../../lib/errors';
import { DialogOpenProps, FormDialog } from '../FormDialog';
import { FormTextField } from '../FormFields';

/** What the dialog hands back: CPU in vCPU and memory in MiB, as the API wants. */
export interface ResourceDialogValues {
  key: string;
  description: string;
  cpu: number;
  memoryMiB: number;
  gpu: number;
}

/** The amounts of the values, the part quotas and profiles share. */
export function resourceAmounts(values: ResourceDialogValues) {
  const { cpu, memoryMiB, gpu } = values;
  return { cpu, memoryMiB, gpu };
}

/** @public */
export interface ResourceDialogProps extends DialogOpenProps {
  title: string;
  submitLabel: string;
  /** The identifying field (a profile name, a quota subject), if any. */
  keyField?: {
    label: string;
    helperText: string;
    validate: (value: string) => string | undefined;
    readOnly?: boolean;
  };
  withDescription?: boolean;
  /** Profiles must ask for something; a quota of 0 is a valid limit. */
  requirePositive?: boolean;
  initial?: Partial<ResourceDialogValues>;
  onSubmit: (values: ResourceDialogValues) => Promise<void>;
}

function memoryText(mib: number | undefined): string {
  if (mib === undefined) {
    return '';
  }
  return mib >= 1024 && mib % 1024 === 0 ? `${mib / 1024}Gi` : `${mib}Mi`;
}

interface FormState {
  key: string;
  description: string;
  cpu: string;
  memory: string;
  gpu: string;
}

function parseAmounts(form: FormState) {
  return {
    cpuMillis: parseCpuMillis(form.cpu),
    memoryMiB: parseMemoryMiB(form.memory),
    gpu: /^\d+$/.test(form.gpu.trim()) ? Number(form.gpu) : undefined,
  };
}

/**
 * Edits an amount of compute. Accepts the quantities people type in
 * Kubernetes ("500m", "2Gi") as well as plain numbers.
 */
export function ResourceDialog(props: ResourceDialogProps) {
  const { open, title, submitLabel, keyField, withDescription, initial } =
    props;
  const minimum = props.requirePositive ? 1 : 0;

  const form = useDialogForm({
    open,
    // Only reset when the dialog opens, not when the parent re-renders.
    initialValues: (): FormState => ({
      key: initial?.key ?? '',
      description: initial?.description ?? '',
      cpu: initial?.cpu !== undefined ? String(initial.cpu) : '',
      memory: memoryText(initial?.memoryMiB),
      gpu: String(initial?.gpu ?? 0),
    }),
    validate: values => {
      const { cpuMillis, memoryMiB, gpu } = parseAmounts(values);
      return {
        key:
          keyField && !keyField.readOnly
            ? keyField.validate(values.key)
            : undefined,
        cpu:
          cpuMillis === undefined
            ? 'CPU must be a number of vCPU such as 0.5, or a quantity such as 500m'
            : cpuMillis < minimum && 'CPU must be more than 0',
        memory:
          memoryMiB === undefined
            ? 'Memory must be a number of MiB, or a quantity such as 2Gi'
            : memoryMiB < minimum && 'Memory must be more than 0',
        gpu: gpu === undefined ? 'GPU must be a whole number' : undefined,
      };
    },
    onSubmit: values => {
      const { cpuMillis, memoryMiB, gpu } = parseAmounts(values);
      return props.onSubmit({
        key: values.key,
        description: values.description,
        cpu: cpuMillis! / 1000,
        memoryMiB: memoryMiB!,
        gpu: gpu!,
      });
    },
    onSuccess: props.onClose,
    describeFailure: wholeError,
  });
  const { fieldProps } = form;

  return (
    <FormDialog
      open={open}
      onClose={props.onClose}
      title={title}
      submitLabel={submitLabel}
      form={form}
    >
      {keyField && (
        <FormTextField
          id="ml-resource-key"
          label={keyField.label}
          {...fieldProps('key')}
          disabled={keyField.readOnly}
          help={keyField.helperText}
        />
      )}
      {withDescription && (
        <FormTextField
          id="ml-resource-description"
          label="Description"
          {...fieldProps('description')}
        />
      )}
      <FormTextField
        id="ml-resource-cpu"
        label="CPU"
        {...fieldProps('cpu')}
        help="vCPU, e.g. 2 or 500m"
      />
      <FormTextField
        id="ml-resource-memory"
        label="Memory"
        {...fieldProps('memory')}
        help="e.g. 4Gi or 512Mi; a plain number is MiB"
      />
      <FormTextField
        id="ml-resource-gpu"
        label="GPU"
        {...fieldProps('gpu')}
        inputProps={{ inputMode: 'numeric' }}
      />
    </FormDialog>
  );
}
