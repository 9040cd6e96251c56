import {
  AuthService,
  DiscoveryService,
  LoggerService,
  SchedulerService,
  SchedulerServiceTaskRunner,
} from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { Config } from '@backstage/config';
import {
  DeferredEntity,
  EntityProvider,
  EntityProviderConnection,
} from '@backstage/plugin-catalog-node';
import { explainInvalidName } from '@ml-platform/plugin-ml-common';
import { randomUUID } from 'node:crypto';
import { mlLocationRef, projectToEntity, workspaceToEntity } from './entities';
import { MlPlatformReader, MlPlatformSnapshot } from './MlPlatformReader';
import { readSchedule } from './readSchedule';

function count(items: unknown[], noun: string): string {
  return `${items.length} ${noun}${items.length === 1 ? '' : 's'}`;
}

/** What `MlEntityProvider.fromConfig` needs. */
export interface MlEntityProviderOptions {
  logger: LoggerService;
  scheduler: Pick<SchedulerService, 'createScheduledTaskRunner'>;
  discovery: Pick<DiscoveryService, 'getBaseUrl'>;
  auth: Pick<AuthService, 'getOwnServiceCredentials' | 'getPluginRequestToken'>;
  /** Replaces the global `fetch` for calls to the ML backend (tests). */
  fetch?: typeof fetch;
}

/**
 * Mirrors the ML platform's workspaces and projects into the catalog as
 * `Workspace` and `Project` entities: on a schedule
 * (`catalog.providers.ml.schedule`, default every 30 s) it reads them all from
 * the ML backend and replaces its entities with a `full` mutation. A failed
 * read changes nothing in the catalog.
 */
export class MlEntityProvider implements EntityProvider {
  static fromConfig(
    config: Config,
    options: MlEntityProviderOptions,
  ): MlEntityProvider {
    return new MlEntityProvider({
      logger: options.logger,
      taskRunner: options.scheduler.createScheduledTaskRunner(
        readSchedule(config),
      ),
      reader: new MlPlatformReader({
        discovery: options.discovery,
        auth: options.auth,
        fetch: options.fetch,
      }),
    });
  }

  readonly #logger: LoggerService;
  readonly #taskRunner: SchedulerServiceTaskRunner;
  readonly #reader: Pick<MlPlatformReader, 'read'>;

  constructor(options: {
    logger: LoggerService;
    taskRunner: SchedulerServiceTaskRunner;
    reader: Pick<MlPlatformReader, 'read'>;
  }) {
    this.#logger = options.logger;
    this.#taskRunner = options.taskRunner;
    this.#reader = options.reader;
  }

  getProviderName(): string {
    return 'MlEntityProvider:default';
  }

  async connect(connection: EntityProviderConnection): Promise<void> {
    const taskId = `${this.getProviderName()}:refresh`;
    await this.#taskRunner.run({
      id: taskId,
      fn: async () => {
        const logger = this.#logger.child({
          taskId,
          taskInstanceId: randomUUID(),
        });
        try {
          const entities = await this.read({ logger });
          await connection.applyMutation({ type: 'full', entities });
        } catch (error) {
          // The catalog keeps what the last successful read put there.
          logger.error(
            'Could not mirror the ML platform into the catalog; keeping the entities of the last successful read',
            error as Error,
          );
        }
      },
    });
  }

  /** Reads the ML platform and maps it to the provider's entities. */
  async read(options: { logger: LoggerService }): Promise<DeferredEntity[]> {
    const snapshot = await this.#reader.read();
    const entities = this.#toEntities(snapshot, options.logger);
    options.logger.info(
      `Read ${count(snapshot.workspaces, 'workspace')} and ${count(
        snapshot.projects,
        'project',
      )} from ${snapshot.baseUrl}`,
    );
    return entities.map(entity => ({
      entity,
      locationKey: this.getProviderName(),
    }));
  }

  #toEntities(snapshot: MlPlatformSnapshot, logger: LoggerService): Entity[] {
    const locationRef = mlLocationRef(snapshot.baseUrl);
    const entities: Entity[] = [];
    // Names of workspaces and projects are DNS labels in the ML platform, and
    // so valid entity names and namespaces; anything else is left out rather
    // than failing the whole mutation.
    const invalid = (what: string, ...names: string[]) => {
      const problem = names.map(explainInvalidName).find(Boolean);
      if (problem) {
        logger.warn(`Left ${what} out of the catalog: its name ${problem}`);
      }
      return Boolean(problem);
    };
    for (const workspace of snapshot.workspaces) {
      if (!invalid(`workspace '${workspace.name}'`, workspace.name)) {
        entities.push(workspaceToEntity(workspace, locationRef));
      }
    }
    for (const project of snapshot.projects) {
      if (
        !invalid(
          `project '${project.workspace}/${project.name}' (${project.id})`,
          project.workspace,
          project.name,
        )
      ) {
        entities.push(projectToEntity(project, locationRef));
      }
    }
    return entities;
  }
}
