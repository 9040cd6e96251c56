import { InputError } from '@backstage/errors';
import { ProjectFiles } from '../../projects/ProjectFiles';

/** Largest metrics file read: a handful of numbers, not a dataset. */
const MAX_METRICS_BYTES = 64 * 1024;

/**
 * Where a run of a job with a candidate writes its metrics (policy source
 * `jobOutput`), relative to the project's folder. A run starts in that
 * folder on every driver, so the relative path is the one it sees.
 */
export function candidateMetricsPath(runId: string): string {
  return `.ml-platform/candidates/${runId}.json`;
}

/** The env of a run of a job with a candidate. */
export function candidateMetricsEnv(runId: string): Record<string, string> {
  return { ML_CANDIDATE_METRICS_FILE: candidateMetricsPath(runId) };
}

/**
 * The JSON object the run wrote to its metrics file; an InputError naming
 * the file when it is missing, too large or not an object.
 */
export async function readCandidateMetrics(
  files: Pick<ProjectFiles, 'read'>,
  projectId: string,
  runId: string,
): Promise<Record<string, unknown>> {
  const file = candidateMetricsPath(runId);
  const { entry, stream } = await files.read(projectId, file).catch(() => {
    throw new InputError(`the run wrote no metrics file ${file}`);
  });
  if (entry.size > MAX_METRICS_BYTES) {
    stream.destroy();
    throw new InputError(`metrics file ${file} is over 64 KiB`);
  }
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk));
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new InputError(`metrics file ${file} is not JSON`);
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new InputError(`metrics file ${file} does not hold a JSON object`);
  }
  return parsed as Record<string, unknown>;
}
