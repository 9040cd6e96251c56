import { LoggerService } from '@backstage/backend-plugin-api';
import { SignalsService } from '@backstage/plugin-signals-node';
import {
  MlChangeEvent,
  MlStateSignal,
  mlProjectChannel,
  mlWorkspaceChannel,
} from '@ml-platform/plugin-ml-common';
import { StateChange } from './StateChangeStore';

/**
 * Tells the pages that something changed, through Backstage signals. Each
 * channel gets one signal per batch of changes however many it holds: a
 * page re-reads once either way. The signals are broadcast and say only
 * what kind of thing changed; what changed is read through the API, where
 * the reader's rights are checked.
 */
export class LiveStateSignals {
  constructor(
    private readonly deps: {
      signals: Pick<SignalsService, 'publish'>;
      logger: LoggerService;
    },
  ) {}

  /**
   * A write through the API succeeded (another tab or user created, edited or
   * deleted something): the project it was under is told.
   */
  async wrote(change: MlChangeEvent): Promise<void> {
    const projectId = /^\/projects\/([^/]+)/.exec(change.path)?.[1];
    if (projectId) await this.publish([{ projectId, change: 'write' }]);
  }

  async publish(changes: readonly StateChange[]): Promise<void> {
    const byChannel = new Map<string, MlStateSignal>();
    for (const { projectId, workspace, change } of changes) {
      byChannel.set(mlProjectChannel(projectId), { change });
      if (workspace) byChannel.set(mlWorkspaceChannel(workspace), { change });
    }
    for (const [channel, message] of byChannel) {
      try {
        await this.deps.signals.publish<MlStateSignal & { [k: string]: any }>({
          recipients: { type: 'broadcast' },
          channel,
          message,
        });
      } catch (error) {
        // Pages fall back to polling; a lost signal only delays them.
        this.deps.logger.warn(
          `Could not signal ${channel}: ${(error as Error).message}`,
        );
      }
    }
  }
}
