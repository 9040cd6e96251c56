import {
  CreateJobRequest,
  Job,
  LaunchSessionRequest,
  Page,
  RunJobRequest,
  SessionCell,
  UpdateJobRequest,
  Workload,
  WorkloadEvent,
} from '@ml-platform/plugin-ml-common';
import {
  MlExecuteEvent,
  MlListRunsOptions,
  MlLogOptions,
  MlProjectQuota,
  MlWorkspaceQueue,
} from './MlApi';
import { Collection } from './Collection';
import { MlHttp, projectPath, seg } from './MlHttp';
import { readLines, readServerSentEvents } from './streams';

const sessionsOf = (http: MlHttp, projectId: string) =>
  new Collection<Workload>(http, `${projectPath(projectId)}/sessions`);

const jobsOf = (http: MlHttp, projectId: string) =>
  new Collection<Job>(http, `${projectPath(projectId)}/jobs`);

const workloadPath = (workloadId: string) => `/workloads/${seg(workloadId)}`;

/**
 * The workload engine: sessions and their console, jobs and runs, any
 * workload's events and logs, and the workspace queue.
 */
export class EngineClient {
  constructor(private readonly http: MlHttp) {}

  getProjectQuota(projectId: string) {
    return this.http.json<MlProjectQuota>(
      'GET',
      `${projectPath(projectId)}/quota`,
    );
  }

  listSessions(projectId: string) {
    return sessionsOf(this.http, projectId).page();
  }

  launchSession(projectId: string, request: LaunchSessionRequest) {
    return sessionsOf(this.http, projectId).create(request);
  }

  getSession(projectId: string, sessionId: string) {
    return sessionsOf(this.http, projectId).get(sessionId);
  }

  async *executeSession(
    projectId: string,
    sessionId: string,
    code: string,
    options?: { signal?: AbortSignal },
  ): AsyncGenerator<MlExecuteEvent> {
    const session = sessionsOf(this.http, projectId).pathOf(sessionId);
    const response = await this.http.send('POST', `${session}/execute`, {
      body: { code },
      signal: options?.signal,
    });
    for await (const line of readLines(response.body!)) {
      if (line.trim()) {
        yield JSON.parse(line) as MlExecuteEvent;
      }
    }
  }

  async getSessionTranscript(projectId: string, sessionId: string) {
    const { items } = await this.http.json<{ items: SessionCell[] }>(
      'GET',
      `/projects/${seg(projectId)}/sessions/${seg(sessionId)}/transcript`,
    );
    return items;
  }

  stopSession(projectId: string, sessionId: string) {
    return sessionsOf(this.http, projectId).act(sessionId, 'stop');
  }

  listJobs(projectId: string) {
    return jobsOf(this.http, projectId).items();
  }

  getJob(projectId: string, jobId: string) {
    return jobsOf(this.http, projectId).get(jobId);
  }

  createJob(projectId: string, request: CreateJobRequest) {
    return jobsOf(this.http, projectId).create(request);
  }

  updateJob(projectId: string, jobId: string, request: UpdateJobRequest) {
    return jobsOf(this.http, projectId).update(jobId, request);
  }

  deleteJob(projectId: string, jobId: string) {
    return jobsOf(this.http, projectId).remove(jobId);
  }

  runJob(projectId: string, jobId: string, request?: RunJobRequest) {
    return this.http.json<Workload>(
      'POST',
      `${jobsOf(this.http, projectId).pathOf(jobId)}/runs`,
      { body: request ?? {} },
    );
  }

  listJobRuns(projectId: string, jobId: string, options?: MlListRunsOptions) {
    return this.http.json<Page<Workload>>(
      'GET',
      `${jobsOf(this.http, projectId).pathOf(jobId)}/runs`,
      { query: { page_size: options?.pageSize, offset: options?.offset } },
    );
  }

  async getCronNextRuns(schedule: string, timezone: string, count?: number) {
    const { nextRuns } = await this.http.json<{ nextRuns: string[] }>(
      'GET',
      '/cron/next',
      { query: { schedule, timezone, count } },
    );
    return nextRuns;
  }

  getWorkload(workloadId: string) {
    return this.http.json<Workload>('GET', workloadPath(workloadId));
  }

  async listWorkloadEvents(workloadId: string) {
    const { items } = await this.http.json<{ items: WorkloadEvent[] }>(
      'GET',
      `${workloadPath(workloadId)}/events`,
    );
    return items;
  }

  async getWorkloadLogs(workloadId: string, options?: MlLogOptions) {
    // `truncated` says the start was left out; the viewer shows the end.
    const { lines } = await this.http.json<{
      lines: string[];
      truncated?: boolean;
    }>('GET', `${workloadPath(workloadId)}/logs`, {
      query: { attempt: options?.attempt },
      signal: options?.signal,
    });
    return lines;
  }

  async *followWorkloadLogs(
    workloadId: string,
    options?: MlLogOptions,
  ): AsyncGenerator<string> {
    const response = await this.http.send(
      'GET',
      `${workloadPath(workloadId)}/logs`,
      {
        query: { follow: true, attempt: options?.attempt },
        signal: options?.signal,
      },
    );
    for await (const { event, data } of readServerSentEvents(response.body!)) {
      if (event === 'end') {
        return;
      }
      if (event === 'error') {
        throw new Error(`Reading the logs failed: ${JSON.parse(data)}`);
      }
      // Each data field is one log line as a JSON string, so lines that
      // contain newlines or look like SSE fields arrive intact.
      yield JSON.parse(data) as string;
    }
    // The server always ends with an `end` event; without it the connection
    // was cut, and the caller should know that the log may go on.
    throw new Error('The log stream was cut off');
  }

  stopWorkload(workloadId: string) {
    return this.http.json<Workload>('POST', `${workloadPath(workloadId)}/stop`);
  }

  getWorkspaceQueue(workspace: string) {
    return this.http.json<MlWorkspaceQueue>(
      'GET',
      `/workspaces/${seg(workspace)}/queue`,
    );
  }
}
