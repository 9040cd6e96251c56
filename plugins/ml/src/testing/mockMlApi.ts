import { ResponseError } from '@backstage/errors';
import { MlApi } from '../api';
import {
  createMockModelMonitoringApi,
  createMockModelsApi,
} from './mockModelsApi';
import { createMockApplicationsApi } from './mockApplicationsApi';
import { page, pythonRuntime, smallProfile } from './fixtures';

/** The methods of MlApi that answer with a promise. */
type AsyncMethod = {
  [K in keyof MlApi]: ReturnType<MlApi[K]> extends Promise<unknown> ? K : never;
}[keyof MlApi];

/** What some of MlApi's methods resolve to, by name. */
export type MlApiAnswers = {
  [K in AsyncMethod]?: Awaited<ReturnType<MlApi[K]>>;
};

/**
 * A fake of every MlApi method, for tests to stub as they need; the methods
 * named in `answers` resolve to what it gives them.
 */
export function createMockMlApi(
  answers: MlApiAnswers = {},
): jest.Mocked<MlApi> {
  const api: jest.Mocked<MlApi> = {
    listWorkspaces: jest.fn(),
    getWorkspace: jest.fn(),
    createWorkspace: jest.fn(),
    updateWorkspace: jest.fn(),
    deleteWorkspace: jest.fn(),
    getWorkspaceCapacity: jest.fn(),
    listProfiles: jest.fn(),
    createProfile: jest.fn(),
    updateProfile: jest.fn(),
    deleteProfile: jest.fn(),
    listQuotas: jest.fn(),
    createQuota: jest.fn(),
    updateQuota: jest.fn(),
    deleteQuota: jest.fn(),
    listRuntimes: jest.fn(),
    getRuntime: jest.fn(),
    createRuntime: jest.fn(),
    updateRuntime: jest.fn(),
    deleteRuntime: jest.fn(),
    listProjects: jest.fn(),
    getProject: jest.fn(),
    createProject: jest.fn(),
    updateProject: jest.fn(),
    deleteProject: jest.fn(),
    listCollaborators: jest.fn(),
    setCollaborator: jest.fn(),
    removeCollaborator: jest.fn(),
    listFiles: jest.fn(),
    readFile: jest.fn(),
    writeFile: jest.fn(),
    createDirectory: jest.fn(),
    renameFile: jest.fn(),
    deleteFile: jest.fn(),
    downloadArchive: jest.fn(),
    getProjectQuota: jest.fn(),
    listSessions: jest.fn(),
    launchSession: jest.fn(),
    getSession: jest.fn(),
    executeSession: jest.fn(),
    getSessionTranscript: jest.fn().mockResolvedValue([]),
    stopSession: jest.fn(),
    listJobs: jest.fn(),
    getJob: jest.fn(),
    createJob: jest.fn(),
    updateJob: jest.fn(),
    deleteJob: jest.fn(),
    runJob: jest.fn(),
    listJobRuns: jest.fn(),
    getCronNextRuns: jest.fn(),
    getWorkload: jest.fn(),
    listWorkloadEvents: jest.fn(),
    getWorkloadLogs: jest.fn(),
    followWorkloadLogs: jest.fn(),
    stopWorkload: jest.fn(),
    getWorkspaceQueue: jest.fn(),
    ...createMockModelsApi(),
    ...createMockModelMonitoringApi(),
    ...createMockApplicationsApi(),
  };
  return answerWith(api, answers);
}

/** Makes the methods of `api` named in `answers` resolve to what it gives. */
export function answerWith(api: jest.Mocked<MlApi>, answers: MlApiAnswers) {
  for (const [method, answer] of Object.entries(answers)) {
    (api[method as AsyncMethod] as jest.Mock).mockResolvedValue(answer);
  }
  return api;
}

/** What the forms that launch a workload list to choose from. */
export function launchChoices(): MlApiAnswers {
  return {
    listRuntimes: page([pythonRuntime]),
    listProfiles: page([smallProfile]),
    listFiles: [],
  };
}

/** Yields the given values, as the client's streaming methods do. */
export async function* streamOf<T>(...values: T[]): AsyncGenerator<T> {
  for (const value of values) {
    yield value;
  }
}

/**
 * Yields the given values, then stays open as the stream of a workload that
 * still runs does, until the reader aborts.
 */
export async function* openStreamOf<T>(
  signal: AbortSignal | undefined,
  ...values: T[]
): AsyncGenerator<T> {
  yield* values;
  await new Promise<void>(resolve => {
    if (signal?.aborted) resolve();
    signal?.addEventListener('abort', () => resolve(), { once: true });
  });
}

/** A failed call as the client reports it, with the server's message. */
export async function responseError(
  status: number,
  message: string,
  name = status === 409 ? 'ConflictError' : 'InputError',
): Promise<ResponseError> {
  return ResponseError.fromResponse(
    new Response(
      JSON.stringify({
        error: { name, message },
        response: { statusCode: status },
      }),
      { status, headers: { 'Content-Type': 'application/json' } },
    ),
  );
}
