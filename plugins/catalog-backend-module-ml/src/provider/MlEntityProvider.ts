import {
  AuthService,
  LoggerService,
  SchedulerService,
  SchedulerServiceTaskRunner,
} from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { Config } from '@backstage/config';
import {
  CatalogService,
  DeferredEntity,
  EntityProvider,
  EntityProviderConnection,
} from '@backstage/plugin-catalog-node';
import { EventsService } from '@backstage/plugin-events-node';
import { randomUUID } from 'node:crypto';
import {
  catalogImpactOf,
  ML_CHANGES_TOPIC,
  MlChangeEvent,
} from './changedPaths';
import { ChangeQueue, PendingChanges } from './changeQueue';
import {
  MlPlatformApi,
  MlPlatformReader,
  MlPlatformSnapshot,
} from './MlPlatformReader';
import { projectEntities } from './platformEntities';
import { MirrorState } from './MirrorState';
import { OwnerGroupsLookup } from './OwnerGroupsLookup';
import { DEFAULT_RUNTIME_OWNER, readProviderConfig } from './readSchedule';

function count(items: unknown[], noun: string): string {
  return `${items.length} ${noun}${items.length === 1 ? '' : 's'}`;
}

/** What `MlEntityProvider.fromConfig` needs. */
export interface MlEntityProviderOptions {
  logger: LoggerService;
  scheduler: Pick<SchedulerService, 'createScheduledTaskRunner'>;
  /** The ML backend's API (`mlServiceRef`). */
  ml: MlPlatformApi;
  auth: Pick<AuthService, 'getOwnServiceCredentials' | 'getPluginRequestToken'>;
  /** Where the ML backend announces its changes; without it, only the schedule. */
  events?: Pick<EventsService, 'subscribe'>;
  /**
   * The catalog, for the groups of the owners of `team` projects (read with
   * the module's service credentials); without it, users are in no group and
   * their `team` projects are restricted to owner and collaborators.
   */
  catalog?: Pick<CatalogService, 'getEntitiesByRefs'>;
}

/** The reader as the provider uses it. */
export type PlatformReader = Pick<
  MlPlatformReader,
  'read' | 'readProject' | 'readProjectIds'
>;

/**
 * Mirrors the ML platform into the catalog: workspaces, projects, models
 * (with their endpoint APIs and dataset Resources), runtimes and
 * applications.
 *
 * - On a schedule (`catalog.providers.ml.schedule`, default every 30 s) it
 *   reads everything and replaces its entities with a `full` mutation.
 * - On each `ml.changes` event (a successful write to the ML API) it re-reads
 *   the project concerned and applies a `delta` mutation within a second, so
 *   a new project or model is in the catalog within seconds.
 * - The entities of private and team projects carry their readers, for the
 *   `IS_ML_PROJECT_READER` rule (`permissions/isMlProjectReader.ts`).
 *
 * A failed read changes nothing in the catalog.
 */
export class MlEntityProvider implements EntityProvider {
  static fromConfig(
    config: Config,
    options: MlEntityProviderOptions,
  ): MlEntityProvider {
    const providerConfig = readProviderConfig(config);
    return new MlEntityProvider({
      logger: options.logger,
      taskRunner: options.scheduler.createScheduledTaskRunner(
        providerConfig.schedule,
      ),
      reader: new MlPlatformReader({
        ml: options.ml,
        auth: options.auth,
        ownerGroups: options.catalog
          ? new OwnerGroupsLookup({
              catalog: options.catalog,
              auth: options.auth,
              logger: options.logger,
            })
          : undefined,
      }),
      events: options.events,
      runtimeOwner: providerConfig.runtimeOwner,
    });
  }

  readonly #logger: LoggerService;
  readonly #taskRunner: SchedulerServiceTaskRunner;
  readonly #reader: PlatformReader;
  readonly #events?: Pick<EventsService, 'subscribe'>;
  readonly #runtimeOwner: string;
  readonly #changes: ChangeQueue;
  #connection?: EntityProviderConnection;
  #state?: MirrorState;
  /** Reads and mutations, one at a time, so a delta never races a full. */
  #serial: Promise<void> = Promise.resolve();

  constructor(options: {
    logger: LoggerService;
    taskRunner: SchedulerServiceTaskRunner;
    reader: PlatformReader;
    events?: Pick<EventsService, 'subscribe'>;
    runtimeOwner?: string;
    /** Quiet time before changes are applied; default 300 ms. */
    debounceMs?: number;
  }) {
    this.#logger = options.logger;
    this.#taskRunner = options.taskRunner;
    this.#reader = options.reader;
    this.#events = options.events;
    this.#runtimeOwner = options.runtimeOwner ?? DEFAULT_RUNTIME_OWNER;
    const quietMs = options.debounceMs ?? 300;
    this.#changes = new ChangeQueue({
      quietMs,
      maxWaitMs: quietMs * 4,
      flush: changes => {
        this.#enqueue(() => this.#applyChanges(changes)).catch(() => {});
      },
    });
  }

  getProviderName(): string {
    return 'MlEntityProvider:default';
  }

  async connect(connection: EntityProviderConnection): Promise<void> {
    this.#connection = connection;
    const taskId = `${this.getProviderName()}:refresh`;
    await this.#taskRunner.run({
      id: taskId,
      fn: async () => {
        const logger = this.#logger.child({
          taskId,
          taskInstanceId: randomUUID(),
        });
        await this.#enqueue(() => this.#refreshAll(logger));
      },
    });
    await this.#events?.subscribe({
      id: 'ml-entity-provider',
      topics: [ML_CHANGES_TOPIC],
      onEvent: async params => {
        const payload = params.eventPayload as Partial<MlChangeEvent>;
        if (typeof payload?.path === 'string') {
          this.#changes.add(
            catalogImpactOf({
              method: String(payload.method),
              path: payload.path,
            }),
          );
        }
      },
    });
  }

  /** Applies the changes gathered so far now (tests, shutdown). */
  async flushChanges(): Promise<void> {
    this.#changes.flushNow();
    await this.#serial;
  }

  /** Reads the ML platform and maps it to the provider's entities. */
  async read(options: { logger: LoggerService }): Promise<DeferredEntity[]> {
    const snapshot = await this.#reader.read();
    return this.#toDeferred(this.#mirror(snapshot, options.logger).entities);
  }

  #enqueue(task: () => Promise<void>): Promise<void> {
    const run = this.#serial.then(task);
    this.#serial = run.catch(() => {});
    return run;
  }

  #toDeferred(entities: Entity[]): DeferredEntity[] {
    return entities.map(entity => ({
      entity,
      locationKey: this.getProviderName(),
    }));
  }

  async #refreshAll(logger: LoggerService) {
    const connection = this.#connection;
    if (!connection) {
      return;
    }
    try {
      const snapshot = await this.#reader.read();
      this.#warnRefused(snapshot.refusedLists, logger);
      const { entities, state } = this.#mirror(snapshot, logger);
      await connection.applyMutation({
        type: 'full',
        entities: this.#toDeferred(entities),
      });
      this.#state = state;
      const models = snapshot.projects.flatMap(p => p.models);
      const applications = snapshot.projects.flatMap(p => p.applications);
      logger.info(
        `Read ${count(snapshot.workspaces, 'workspace')}, ${count(
          snapshot.runtimes,
          'runtime',
        )}, ${count(snapshot.projects, 'project')}, ${count(
          models,
          'model',
        )} and ${count(applications, 'application')} from ${
          snapshot.baseUrl
        }: ${count(entities, 'entity')}`,
      );
    } catch (error) {
      // The catalog keeps what the last successful read put there.
      logger.error(
        'Could not mirror the ML platform into the catalog; keeping the entities of the last successful read',
        error as Error,
      );
    }
  }

  #warnRefused(lists: string[], logger: LoggerService) {
    if (lists.length > 0) {
      logger.warn(
        `The ML backend refused the catalog's service token for the ${lists.join(
          ', ',
        )} of projects; they are left out of the catalog (collaborators: of the readers of private and team projects) until it lets services read them`,
      );
    }
  }

  #mirror(snapshot: MlPlatformSnapshot, logger: LoggerService) {
    return MirrorState.fromSnapshot(snapshot, {
      runtimeOwner: this.#runtimeOwner,
      logger,
    });
  }

  async #applyChanges(changes: PendingChanges) {
    const logger = this.#logger.child({ trigger: ML_CHANGES_TOPIC });
    if (changes.all || !this.#state) {
      await this.#refreshAll(logger);
      return;
    }
    const projectIds = new Set(changes.projectIds);
    try {
      if (changes.newProjects) {
        const state = this.#state;
        // A new project is one the catalog does not have yet.
        for (const id of await this.#reader.readProjectIds()) {
          if (!state.hasProject(id)) {
            projectIds.add(id);
          }
        }
      }
      for (const projectId of projectIds) {
        if (!(await this.#refreshProject(projectId, logger))) {
          // The project is in a workspace the provider has not read yet.
          await this.#refreshAll(logger);
          return;
        }
      }
    } catch (error) {
      logger.error(
        'Could not apply changes of the ML platform to the catalog; the next scheduled refresh will',
        error as Error,
      );
    }
  }

  /**
   * Re-reads one project and applies the difference as a delta mutation.
   * False when that needs a full read instead (an unknown workspace).
   */
  async #refreshProject(projectId: string, logger: LoggerService) {
    const state = this.#state!;
    const connection = this.#connection!;
    const { view, refusedLists } = await this.#reader.readProject(projectId);
    this.#warnRefused(refusedLists, logger);
    if (view && !state.hasWorkspace(view.project.workspace)) {
      return false;
    }
    const mapped = view
      ? projectEntities(view, { ...state.context, logger })
      : undefined;
    const { delta, next } = state.deltaOf(projectId, mapped);
    await connection.applyMutation({
      type: 'delta',
      added: this.#toDeferred(delta.added),
      removed: delta.removed.map(entityRef => ({
        entityRef,
        locationKey: this.getProviderName(),
      })),
    });
    // Only what the catalog took: a failed mutation leaves the state as is.
    this.#state = next;
    logger.info(
      `Applied the changes of ML project ${projectId}: ${count(
        delta.added,
        'entity',
      )} added or updated, ${delta.removed.length} removed`,
    );
    return true;
  }
}
