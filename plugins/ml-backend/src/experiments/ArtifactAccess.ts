import { Request } from 'express';
import { invalidParameter, doesNotExist } from './MlflowError';
import { TrackingAccess } from './TrackingAccess';
import { TrackingLookup } from './tracking/TrackingLookup';

/**
 * Project permissions for artifacts. Store paths are
 * `<experiment_id>/<run_id>/artifacts/...`: the experiment names the
 * project. Writes must go under an active run of that experiment.
 */
export class ArtifactAccess {
  constructor(
    private readonly deps: { access: TrackingAccess; lookup: TrackingLookup },
  ) {}

  authorize = async (
    req: Request,
    artifactPath: string,
    need: 'read' | 'write',
  ): Promise<void> => {
    const caller = await this.deps.access.caller(req);
    const [experimentId, runId] = artifactPath.split('/').filter(Boolean);
    if (!experimentId) {
      throw invalidParameter(
        "Name the artifacts of an experiment or run: paths start with '<experiment_id>/<run_id>/artifacts'",
      );
    }
    await this.deps.lookup.experiment(caller, experimentId, need);
    if (need === 'write') {
      const run = runId && (await this.deps.lookup.activeRun(caller, runId));
      if (!run || run.experiment_id !== experimentId) {
        throw doesNotExist(
          `No run '${
            runId ?? ''
          }' in experiment ${experimentId} to upload artifacts to`,
        );
      }
    }
  };

  resolveRun = async (
    req: Request,
    runId: string,
  ): Promise<{ artifactUri: string }> => {
    const caller = await this.deps.access.caller(req);
    const run = await this.deps.lookup.run(caller, runId, 'read');
    return { artifactUri: run.artifact_uri };
  };
}
