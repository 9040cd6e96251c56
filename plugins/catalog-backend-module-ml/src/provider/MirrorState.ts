import { LoggerService } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { explainInvalidName, Workspace } from '@ml-platform/plugin-ml-common';
import { mlLocationRef } from './entities';
import { MlPlatformSnapshot } from './MlPlatformReader';
import {
  frameEntities,
  PlatformContext,
  ProjectEntities,
  projectEntities,
} from './platformEntities';

/** A delta of one project: what to add or update, and what to remove. */
export interface ProjectDelta {
  added: Entity[];
  /** Entity refs. */
  removed: string[];
}

/**
 * What the catalog holds from the provider, by project, so that a change of
 * one project can be applied as a delta: the refs of each project's entities,
 * and which projects use each dataset (projects of a workspace share them,
 * so a dataset goes only when no project uses it).
 */
export class MirrorState {
  /**
   * The entities of a full read (each dataset once) and the state that
   * describes them.
   */
  static fromSnapshot(
    snapshot: MlPlatformSnapshot,
    options: { runtimeOwner: string; logger: LoggerService },
  ): { entities: Entity[]; state: MirrorState } {
    const context: PlatformContext = {
      baseUrl: snapshot.baseUrl,
      locationRef: mlLocationRef(snapshot.baseUrl),
      workspaces: new Map<string, Workspace>(
        snapshot.workspaces
          .filter(w => !explainInvalidName(w.name))
          .map(w => [w.name, w]),
      ),
      runtimes: new Map(snapshot.runtimes.map(r => [r.id, r])),
      runtimeOwner: options.runtimeOwner,
      logger: options.logger,
    };
    const state = new MirrorState(context);
    const entities = frameEntities(snapshot, context);
    const datasets = new Map<string, Entity>();
    for (const view of snapshot.projects) {
      const mapped = projectEntities(view, context);
      if (mapped) {
        entities.push(...mapped.entities);
        for (const dataset of mapped.datasets) {
          datasets.set(stringifyEntityRef(dataset), dataset);
        }
        state.#record(view.project.id, mapped);
      }
    }
    entities.push(...datasets.values());
    return { entities, state };
  }

  readonly context: PlatformContext;
  readonly #projectRefs = new Map<string, Set<string>>();
  readonly #datasetUsers = new Map<string, Set<string>>();

  private constructor(context: PlatformContext) {
    this.context = context;
  }

  hasProject(projectId: string): boolean {
    return this.#projectRefs.has(projectId);
  }

  hasWorkspace(name: string): boolean {
    return this.context.workspaces.has(name);
  }

  /**
   * The delta that brings the catalog from what it has of a project to
   * `mapped` (undefined: the project is gone), and the state after it.
   */
  deltaOf(
    projectId: string,
    mapped: ProjectEntities | undefined,
  ): { delta: ProjectDelta; next: MirrorState } {
    const next = this.#copy();
    const entities = mapped?.entities ?? [];
    const datasets = mapped?.datasets ?? [];
    const refs = new Set(entities.map(e => stringifyEntityRef(e)));
    const removed = [...(this.#projectRefs.get(projectId) ?? [])].filter(
      ref => !refs.has(ref),
    );
    const usedNow = new Set(datasets.map(d => stringifyEntityRef(d)));
    for (const [ref, users] of next.#datasetUsers) {
      if (users.has(projectId) && !usedNow.has(ref)) {
        users.delete(projectId);
        if (users.size === 0) {
          next.#datasetUsers.delete(ref);
          removed.push(ref);
        }
      }
    }
    next.#projectRefs.delete(projectId);
    if (mapped) {
      next.#record(projectId, mapped);
    }
    return { delta: { added: [...entities, ...datasets], removed }, next };
  }

  #record(projectId: string, mapped: ProjectEntities) {
    this.#projectRefs.set(
      projectId,
      new Set(mapped.entities.map(e => stringifyEntityRef(e))),
    );
    for (const dataset of mapped.datasets) {
      const ref = stringifyEntityRef(dataset);
      const users = this.#datasetUsers.get(ref) ?? new Set<string>();
      users.add(projectId);
      this.#datasetUsers.set(ref, users);
    }
  }

  #copy(): MirrorState {
    const copy = new MirrorState(this.context);
    for (const [id, refs] of this.#projectRefs) {
      copy.#projectRefs.set(id, new Set(refs));
    }
    for (const [ref, users] of this.#datasetUsers) {
      copy.#datasetUsers.set(ref, new Set(users));
    }
    return copy;
  }
}
