import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { LoggerService } from '@backstage/backend-plugin-api';
import {
  explainInvalidName,
  mlRuntimeEntityRef,
  Runtime,
  Workspace,
} from '@ml-platform/plugin-ml-common';
import { withAccessMarks } from '../entities/accessMarks';
import { applicationToEntity } from '../entities/applicationEntity';
import {
  datasetToEntity,
  modelApiToEntity,
  modelToEntity,
} from '../entities/modelEntities';
import { registryLineageEntities } from '../entities/registryEntities';
import { runtimeToEntity } from '../entities/runtimeEntity';
import {
  projectSystemToEntity,
  projectToEntity,
  workspaceToEntity,
} from './entities';
import { MlPlatformSnapshot, MlProjectView } from './MlPlatformReader';
import { projectAccessOf } from './projectAccess';

/** What maps ML objects to entities besides the objects themselves. */
export interface PlatformContext {
  baseUrl: string;
  locationRef: string;
  workspaces: Map<string, Workspace>;
  runtimes: Map<string, Runtime>;
  /** Owner of the runtime Resources (runtimes belong to no workspace). */
  runtimeOwner: string;
  logger: LoggerService;
}

/** The entities of one project, and the datasets its models use. */
export interface ProjectEntities {
  /**
   * The project, its System, its models, their APIs and its applications;
   * restricted to the project's readers unless it is public.
   */
  entities: Entity[];
  /**
   * Dataset Resources; projects of a workspace may share them, so they are
   * never restricted (a table name is all they say).
   */
  datasets: Entity[];
}

/** Why a name cannot be an entity name (logged), or undefined. */
function invalidName(
  logger: LoggerService,
  what: string,
  ...names: string[]
): boolean {
  const problem = names.map(explainInvalidName).find(Boolean);
  if (problem) {
    logger.warn(`Left ${what} out of the catalog: its name ${problem}`);
  }
  return Boolean(problem);
}

/**
 * The entities of a project: the `Project` and its `System`, its `Model`s
 * and their `API`s, its applications' `Component`s, and the `dataset` Resources its models
 * were trained on. Undefined when the project cannot be in the catalog (its
 * workspace is unknown, or a name is not a DNS label). The entities of a
 * private or team project carry its readers (`accessMarks.ts`); the
 * datasets do not.
 */
export function projectEntities(
  view: MlProjectView,
  context: PlatformContext,
): ProjectEntities | undefined {
  const { project } = view;
  const workspace = context.workspaces.get(project.workspace);
  if (
    !workspace ||
    invalidName(
      context.logger,
      `project '${project.workspace}/${project.name}' (${project.id})`,
      project.workspace,
      project.name,
    )
  ) {
    return undefined;
  }
  const common = {
    workspace,
    project,
    locationRef: context.locationRef,
    baseUrl: context.baseUrl,
    runtimes: context.runtimes,
  };
  const runtimeIds = new Set(view.jobRuntimeIds);
  const entities: Entity[] = [];
  const datasets = new Map<string, Entity>();
  // The project's own: restricted to its readers like its models.
  const registryParts = new Map<string, Entity>();
  for (const modelView of view.models) {
    entities.push(modelToEntity(modelView, common));
    entities.push(modelApiToEntity(modelView, common));
    if (modelView.build) {
      runtimeIds.add(modelView.build.runtimeId);
      const registered = modelView.build.registeredModel;
      const tables = [
        ...modelView.build.datasets,
        ...(registered?.datasets ?? []),
      ];
      for (const table of tables) {
        const dataset = datasetToEntity(table, workspace, context.locationRef);
        datasets.set(stringifyEntityRef(dataset), dataset);
      }
      // Two models built from one version share its entities.
      for (const entity of registered
        ? registryLineageEntities(registered, common)
        : []) {
        registryParts.set(stringifyEntityRef(entity), entity);
      }
    }
  }
  entities.push(...registryParts.values());
  for (const application of view.applications) {
    runtimeIds.add(application.runtimeId);
    entities.push(applicationToEntity(application, common));
  }
  const runtimeRefs = [...runtimeIds]
    .map(id => context.runtimes.get(id))
    .filter((r): r is Runtime => Boolean(r))
    .map(mlRuntimeEntityRef);
  entities.unshift(
    projectToEntity(project, context.locationRef, {
      runtimeRefs,
      driver: workspace.driver,
    }),
    projectSystemToEntity(project, context.locationRef, workspace.driver),
  );
  const access = projectAccessOf(view);
  return {
    entities: entities.map(entity => withAccessMarks(entity, access)),
    datasets: [...datasets.values()],
  };
}

/** The entities of workspaces and runtimes: the platform's frame. */
export function frameEntities(
  snapshot: Pick<MlPlatformSnapshot, 'workspaces' | 'runtimes'>,
  context: PlatformContext,
): Entity[] {
  const entities: Entity[] = [];
  for (const workspace of snapshot.workspaces) {
    if (
      !invalidName(
        context.logger,
        `workspace '${workspace.name}'`,
        workspace.name,
      )
    ) {
      entities.push(workspaceToEntity(workspace, context.locationRef));
    }
  }
  for (const runtime of snapshot.runtimes) {
    entities.push(
      runtimeToEntity(runtime, {
        locationRef: context.locationRef,
        owner: context.runtimeOwner,
      }),
    );
  }
  return entities;
}
