import { MlflowError, doesNotExist, invalidParameter } from '../MlflowError';
import {
  TrackingAccess,
  TrackingCaller,
  TrackingNeed,
} from '../TrackingAccess';
import { ExperimentStore, StoredExperiment } from './ExperimentStore';
import { RunStore, StoredRunInfo } from './RunStore';

/**
 * Finds the experiment or run a call names, once the caller's right on its
 * project is checked. Whatever the caller may not read is reported exactly
 * as if it did not exist.
 */
export class TrackingLookup {
  constructor(
    private readonly deps: {
      experiments: ExperimentStore;
      runs: RunStore;
      access: TrackingAccess;
    },
  ) {}

  async experiment(
    caller: TrackingCaller,
    id: string,
    need: TrackingNeed,
  ): Promise<StoredExperiment> {
    const missing = () => doesNotExist(`No Experiment with id=${id} exists`);
    const experiment = await this.deps.experiments.get(id);
    if (!experiment) throw missing();
    await this.deps.access.requireProject(
      caller,
      experiment.projectId,
      need,
      missing,
    );
    return experiment;
  }

  /** An experiment that new runs may go to. */
  async activeExperiment(
    caller: TrackingCaller,
    id: string,
  ): Promise<StoredExperiment> {
    const experiment = await this.experiment(caller, id, 'write');
    if (experiment.lifecycle_stage !== 'active') {
      throw invalidParameter(
        `The experiment ${id} must be in the 'active' state. Current state is ${experiment.lifecycle_stage}.`,
      );
    }
    return experiment;
  }

  async run(
    caller: TrackingCaller,
    runId: string,
    need: TrackingNeed,
  ): Promise<StoredRunInfo> {
    const missing = () => doesNotExist(`Run with id=${runId} not found`);
    const run = await this.deps.runs.getInfo(runId);
    if (!run) throw missing();
    await this.deps.access.requireProject(caller, run.projectId, need, missing);
    return run;
  }

  /** A run that may still be logged to: not deleted. */
  async activeRun(
    caller: TrackingCaller,
    runId: string,
  ): Promise<StoredRunInfo> {
    const run = await this.run(caller, runId, 'write');
    if (run.lifecycle_stage !== 'active') {
      throw new MlflowError(
        'INVALID_PARAMETER_VALUE',
        `The run ${runId} must be in the 'active' state. Current state is ${run.lifecycle_stage}.`,
      );
    }
    return run;
  }
}
