import { useEffect, useState } from 'react';
import Dialog from '@material-ui/core/Dialog';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import TextField from '@material-ui/core/TextField';
import { parseCpuMillis, parseMemoryMiB } from '@ml-platform/plugin-ml-common';
import { describeError } from '../../lib/errors';
import { DialogSubmitActions } from '../DialogSubmitActions';
import { ErrorAlert } from '../ErrorAlert';

/** What the dialog hands back: CPU in vCPU and memory in MiB, as the API wants. */
export interface ResourceDialogValues {
  key: string;
  description: string;
  cpu: number;
  memoryMiB: number;
  gpu: number;
}

/** @public */
export interface ResourceDialogProps {
  open: boolean;
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
  onClose: () => void;
}

function memoryText(mib: number | undefined): string {
  if (mib === undefined) {
    return '';
  }
  return mib >= 1024 && mib % 1024 === 0 ? `${mib / 1024}Gi` : `${mib}Mi`;
}

/**
 * Edits an amount of compute. Accepts the quantities people type in
 * Kubernetes ("500m", "2Gi") as well as plain numbers.
 */
export function ResourceDialog(props: ResourceDialogProps) {
  const { open, title, submitLabel, keyField, withDescription, initial } =
    props;
  const [key, setKey] = useState('');
  const [description, setDescription] = useState('');
  const [cpu, setCpu] = useState('');
  const [memory, setMemory] = useState('');
  const [gpu, setGpu] = useState('0');
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  useEffect(() => {
    if (open) {
      setKey(initial?.key ?? '');
      setDescription(initial?.description ?? '');
      setCpu(initial?.cpu !== undefined ? String(initial.cpu) : '');
      setMemory(memoryText(initial?.memoryMiB));
      setGpu(String(initial?.gpu ?? 0));
      setTouched(false);
      setError(undefined);
    }
    // Only reset when the dialog opens, not when the parent re-renders.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open]);

  const cpuMillis = parseCpuMillis(cpu);
  const memoryMiB = parseMemoryMiB(memory);
  const gpuCount = /^\d+$/.test(gpu.trim()) ? Number(gpu) : undefined;
  const minimum = props.requirePositive ? 1 : 0;

  const problems = {
    key: keyField && !keyField.readOnly ? keyField.validate(key) : undefined,
    cpu:
      cpuMillis === undefined
        ? 'CPU must be a number of vCPU such as 0.5, or a quantity such as 500m'
        : cpuMillis < minimum && 'CPU must be more than 0',
    memory:
      memoryMiB === undefined
        ? 'Memory must be a number of MiB, or a quantity such as 2Gi'
        : memoryMiB < minimum && 'Memory must be more than 0',
    gpu: gpuCount === undefined ? 'GPU must be a whole number' : undefined,
  };
  const invalid = Object.values(problems).some(Boolean);

  const submit = async () => {
    setTouched(true);
    if (invalid) {
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      await props.onSubmit({
        key,
        description,
        cpu: cpuMillis! / 1000,
        memoryMiB: memoryMiB!,
        gpu: gpuCount!,
      });
      props.onClose();
    } catch (e) {
      setError(describeError(e));
    } finally {
      setBusy(false);
    }
  };

  const shown = (problem: string | false | undefined) =>
    touched && problem ? problem : undefined;

  return (
    <Dialog open={open} onClose={props.onClose} fullWidth maxWidth="sm">
      <form
        noValidate
        onSubmit={e => {
          e.preventDefault();
          submit();
        }}
      >
        <DialogTitle>{title}</DialogTitle>
        <DialogContent>
          <ErrorAlert message={error} />
          {keyField && (
            <TextField
              id="ml-resource-key"
              label={keyField.label}
              value={key}
              onChange={e => setKey(e.target.value)}
              disabled={keyField.readOnly}
              error={Boolean(shown(problems.key))}
              helperText={shown(problems.key) ?? keyField.helperText}
              fullWidth
              margin="normal"
            />
          )}
          {withDescription && (
            <TextField
              id="ml-resource-description"
              label="Description"
              value={description}
              onChange={e => setDescription(e.target.value)}
              fullWidth
              margin="normal"
            />
          )}
          <TextField
            id="ml-resource-cpu"
            label="CPU"
            value={cpu}
            onChange={e => setCpu(e.target.value)}
            error={Boolean(shown(problems.cpu))}
            helperText={shown(problems.cpu) ?? 'vCPU, e.g. 2 or 500m'}
            fullWidth
            margin="normal"
          />
          <TextField
            id="ml-resource-memory"
            label="Memory"
            value={memory}
            onChange={e => setMemory(e.target.value)}
            error={Boolean(shown(problems.memory))}
            helperText={
              shown(problems.memory) ??
              'e.g. 4Gi or 512Mi; a plain number is MiB'
            }
            fullWidth
            margin="normal"
          />
          <TextField
            id="ml-resource-gpu"
            label="GPU"
            value={gpu}
            onChange={e => setGpu(e.target.value)}
            error={Boolean(shown(problems.gpu))}
            helperText={shown(problems.gpu)}
            inputProps={{ inputMode: 'numeric' }}
            fullWidth
            margin="normal"
          />
        </DialogContent>
        <DialogSubmitActions
          submitLabel={submitLabel}
          busy={busy}
          onCancel={props.onClose}
        />
      </form>
    </Dialog>
  );
}
