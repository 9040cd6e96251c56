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
import { MlHttp, seg } from './MlHttp';
import { readLines, readServerSentEvents } from './streams';

/**
 * The workload engine: sessions and their console, jobs and runs, any
 * workload's events and logs, and the workspace queue.
 */
export class EngineClient {
  constructor(private readonly http: MlHttp) {}

  getProjectQuota(projectId: string) {
    return this.http.json<MlProjectQuota>(
      'GET',
      `/projects/${seg(projectId)}/quota`,
    );
  }

  listSessions(projectId: string) {
    return this.http.json<Page<Workload>>(
      'GET',
      `/projects/${seg(projectId)}/sessions`,
    );
  }

  launchSession(projectId: string, request: LaunchSessionRequest) {
    return this.http.json<Workload>(
      'POST',
      `/projects/${seg(projectId)}/sessions`,
      {
        body: request,
      },
    );
  }

  getSession(projectId: string, sessionId: string) {
    return this.http.json<Workload>(
      'GET',
      `/projects/${seg(projectId)}/sessions/${seg(sessionId)}`,
    );
  }

  async *executeSession(
    projectId: string,
    sessionId: string,
    code: string,
    options?: { signal?: AbortSignal },
  ): AsyncGenerator<MlExecuteEvent> {
    const response = await this.http.send(
      'POST',
      `/projects/${seg(projectId)}/sessions/${seg(sessionId)}/execute`,
      { body: { code }, signal: options?.signal },
    );
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
    return this.http.json<Workload>(
      'POST',
      `/projects/${seg(projectId)}/sessions/${seg(sessionId)}/stop`,
    );
  }

  async listJobs(projectId: string) {
    const { items } = await this.http.json<{ items: Job[] }>(
      'GET',
      `/projects/${seg(projectId)}/jobs`,
    );
    return items;
  }

  getJob(projectId: string, jobId: string) {
    return this.http.json<Job>(
      'GET',
      `/projects/${seg(projectId)}/jobs/${seg(jobId)}`,
    );
  }

  createJob(projectId: string, request: CreateJobRequest) {
    return this.http.json<Job>('POST', `/projects/${seg(projectId)}/jobs`, {
      body: request,
    });
  }

  updateJob(projectId: string, jobId: string, request: UpdateJobRequest) {
    return this.http.json<Job>(
      'PATCH',
      `/projects/${seg(projectId)}/jobs/${seg(jobId)}`,
      { body: request },
    );
  }

  async deleteJob(projectId: string, jobId: string) {
    await this.http.send(
      'DELETE',
      `/projects/${seg(projectId)}/jobs/${seg(jobId)}`,
    );
  }

  runJob(projectId: string, jobId: string, request?: RunJobRequest) {
    return this.http.json<Workload>(
      'POST',
      `/projects/${seg(projectId)}/jobs/${seg(jobId)}/runs`,
      { body: request ?? {} },
    );
  }

  listJobRuns(projectId: string, jobId: string, options?: MlListRunsOptions) {
    return this.http.json<Page<Workload>>(
      'GET',
      `/projects/${seg(projectId)}/jobs/${seg(jobId)}/runs`,
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
    return this.http.json<Workload>('GET', `/workloads/${seg(workloadId)}`);
  }

  async listWorkloadEvents(workloadId: string) {
    const { items } = await this.http.json<{ items: WorkloadEvent[] }>(
      'GET',
      `/workloads/${seg(workloadId)}/events`,
    );
    return items;
  }

  async getWorkloadLogs(workloadId: string, options?: MlLogOptions) {
    // `truncated` says the start was left out; the viewer shows the end.
    const { lines } = await this.http.json<{
      lines: string[];
      truncated?: boolean;
    }>('GET', `/workloads/${seg(workloadId)}/logs`, {
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
      `/workloads/${seg(workloadId)}/logs`,
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
    return this.http.json<Workload>(
      'POST',
      `/workloads/${seg(workloadId)}/stop`,
    );
  }

  getWorkspaceQueue(workspace: string) {
    return this.http.json<MlWorkspaceQueue>(
      'GET',
      `/workspaces/${seg(workspace)}/queue`,
    );
  }
}
