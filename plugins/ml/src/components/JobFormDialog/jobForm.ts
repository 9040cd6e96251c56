import { EnvVarsInput, Job } from '@ml-platform/plugin-ml-common';
import { joinArgs } from '../../lib/args';
import { JobTriggerValue } from '../JobTriggerFields';

/** The job form as typed: numbers stay text until they are valid. */
export interface FormState {
  name: string;
  script: string;
  args: string;
  env: EnvVarsInput;
  envValid: boolean;
  runtimeId: string;
  profile: string;
  timeout: string;
  retries: string;
  backoff: string;
  enabled: boolean;
  trigger: JobTriggerValue;
}

function triggerKind(job?: Job): JobTriggerValue['kind'] {
  if (job?.schedule) {
    return 'schedule';
  }
  return job?.parentJobId ? 'dependency' : 'manual';
}

/** The form for a job, or for a new one. */
export function initialState(job?: Job): FormState {
  return {
    name: job?.name ?? '',
    script: job?.script ?? '',
    args: joinArgs(job?.args ?? []),
    env: job?.env ?? {},
    envValid: true,
    runtimeId: job?.runtimeId ?? '',
    profile: job?.profile ?? '',
    timeout: job?.timeoutSeconds ? String(job.timeoutSeconds) : '',
    retries: String(job?.maxRetries ?? 0),
    backoff: String(job?.retryBackoffSeconds ?? 30),
    enabled: job?.enabled ?? true,
    trigger: {
      kind: triggerKind(job),
      schedule: job?.schedule ?? '',
      timezone: job?.timezone ?? 'UTC',
      parentJobId: job?.parentJobId ?? '',
    },
  };
}

const wholeNumber = (text: string) =>
  /^\d+$/.test(text.trim()) ? Number(text) : undefined;

/**
 * The numbers the form holds and what is wrong with each field, by the API's
 * field names (so server errors and these share the same places).
 */
export function checkForm(form: FormState) {
  const timeout = form.timeout.trim() ? wholeNumber(form.timeout) : null;
  const retries = wholeNumber(form.retries);
  const backoff = wholeNumber(form.backoff);
  const { trigger } = form;
  const problems: Record<string, string | undefined> = {
    name: form.name.trim() ? undefined : 'Name must not be empty',
    script: form.script.trim() ? undefined : 'Choose the file to run',
    timeoutSeconds:
      timeout === undefined || timeout === 0
        ? 'A whole number of seconds, or empty for no limit'
        : undefined,
    maxRetries:
      retries === undefined || retries > 10 ? 'From 0 to 10' : undefined,
    retryBackoffSeconds:
      backoff === undefined || backoff > 3600
        ? 'From 0 to 3600 seconds'
        : undefined,
    schedule:
      trigger.kind === 'schedule' && !trigger.schedule.trim()
        ? 'Enter a cron schedule'
        : undefined,
    parentJobId:
      trigger.kind === 'dependency' && !trigger.parentJobId
        ? 'Choose the job this one runs after'
        : undefined,
  };
  return { timeout, retries, backoff, problems };
}
