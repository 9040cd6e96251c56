import { useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import FormControl from '@material-ui/core/FormControl';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import FormLabel from '@material-ui/core/FormLabel';
import Radio from '@material-ui/core/Radio';
import RadioGroup from '@material-ui/core/RadioGroup';
import TextField from '@material-ui/core/TextField';
import { Job } from '@ml-platform/plugin-ml-common';
import useAsync from 'react-use/esm/useAsync';
import useDebounce from 'react-use/esm/useDebounce';
import { mlApiRef } from '../../api';
import { fieldErrors } from '../../lib/errors';
import { formatInZone } from '../../lib/workloads';

/** How a job starts. The API allows a schedule or a parent, never both. */
export type JobTriggerKind = 'manual' | 'schedule' | 'dependency';

/**
 * The trigger part of the job form. All fields are kept when the kind
 * changes, so switching back and forth loses nothing typed.
 */
export interface JobTriggerValue {
  kind: JobTriggerKind;
  schedule: string;
  timezone: string;
  parentJobId: string;
}

/** @public */
export interface JobTriggerFieldsProps {
  value: JobTriggerValue;
  onChange: (value: JobTriggerValue) => void;
  /** Jobs that may be the parent (not the job itself). */
  parents: Job[];
  /** Problems the server named, by field. */
  errors: Record<string, string | undefined>;
}

const PREVIEW_DEBOUNCE_MS = 400;

function timeZones(): string[] {
  const intl = Intl as { supportedValuesOf?: (key: string) => string[] };
  return intl.supportedValuesOf?.('timeZone') ?? ['UTC'];
}

/**
 * Manual, a cron schedule (with a live preview of when it fires, from the
 * server so it matches the scheduler exactly), or after another job.
 */
export function JobTriggerFields(props: JobTriggerFieldsProps) {
  const { value, onChange, parents, errors } = props;
  const api = useApi(mlApiRef);
  const [debounced, setDebounced] = useState({
    schedule: value.schedule,
    timezone: value.timezone,
  });
  useDebounce(
    () => setDebounced({ schedule: value.schedule, timezone: value.timezone }),
    PREVIEW_DEBOUNCE_MS,
    [value.schedule, value.timezone],
  );
  const scheduled = value.kind === 'schedule';
  const preview = useAsync(async () => {
    if (!scheduled || !debounced.schedule.trim()) {
      return undefined;
    }
    return api.getCronNextRuns(
      debounced.schedule.trim(),
      debounced.timezone.trim() || 'UTC',
      3,
    );
  }, [api, scheduled, debounced.schedule, debounced.timezone]);
  const previewProblems = preview.error
    ? fieldErrors(preview.error)
    : undefined;
  const scheduleProblem =
    errors.schedule ??
    previewProblems?.fields.schedule ??
    (previewProblems && !previewProblems.fields.timezone
      ? previewProblems.general
      : undefined);
  const timezoneProblem = errors.timezone ?? previewProblems?.fields.timezone;

  let scheduleHelp: string;
  if (scheduleProblem) {
    scheduleHelp = scheduleProblem;
  } else if (preview.value && preview.value.length > 0) {
    const zone = debounced.timezone.trim() || 'UTC';
    scheduleHelp = `Next runs: ${preview.value
      .map(t => formatInZone(t, zone))
      .join('; ')}`;
  } else if (preview.loading) {
    scheduleHelp = 'Next runs: …';
  } else {
    scheduleHelp = 'Five fields: minute hour day-of-month month day-of-week';
  }

  const set = (change: Partial<JobTriggerValue>) =>
    onChange({ ...value, ...change });

  return (
    <>
      <FormControl component="fieldset" margin="normal">
        <FormLabel component="legend">Trigger</FormLabel>
        <RadioGroup
          row
          aria-label="Trigger"
          value={value.kind}
          onChange={e => set({ kind: e.target.value as JobTriggerKind })}
        >
          <FormControlLabel value="manual" control={<Radio />} label="Manual" />
          <FormControlLabel
            value="schedule"
            control={<Radio />}
            label="Cron schedule"
          />
          <FormControlLabel
            value="dependency"
            control={<Radio />}
            label="After another job"
            disabled={parents.length === 0 && value.kind !== 'dependency'}
          />
        </RadioGroup>
      </FormControl>
      {scheduled && (
        <>
          <TextField
            id="ml-job-schedule"
            label="Schedule"
            value={value.schedule}
            onChange={e => set({ schedule: e.target.value })}
            placeholder="0 3 * * *"
            error={Boolean(scheduleProblem)}
            helperText={scheduleHelp}
            FormHelperTextProps={{ 'aria-live': 'polite' }}
            fullWidth
            margin="normal"
          />
          <TextField
            id="ml-job-timezone"
            label="Time zone"
            value={value.timezone}
            onChange={e => set({ timezone: e.target.value })}
            error={Boolean(timezoneProblem)}
            helperText={timezoneProblem ?? 'IANA name, e.g. Europe/Berlin'}
            inputProps={{ list: 'ml-job-timezones' }}
            fullWidth
            margin="normal"
          />
          <datalist id="ml-job-timezones">
            {timeZones().map(zone => (
              <option key={zone} value={zone} />
            ))}
          </datalist>
        </>
      )}
      {value.kind === 'dependency' && (
        <TextField
          id="ml-job-parent"
          label="Parent job"
          select
          SelectProps={{ native: true }}
          value={value.parentJobId}
          onChange={e => set({ parentJobId: e.target.value })}
          error={Boolean(errors.parentJobId)}
          helperText={
            errors.parentJobId ?? 'Runs each time the parent job succeeds'
          }
          fullWidth
          margin="normal"
        >
          <option value="" disabled>
            Choose a job
          </option>
          {parents.map(job => (
            <option key={job.id} value={job.id}>
              {job.name}
            </option>
          ))}
        </TextField>
      )}
    </>
  );
}
