import {
  Application,
  LineageEdge,
  LineageNode,
  Model,
  ModelBuild,
  ModelDeployment,
  ModelLineage,
  Project,
  mlApplicationEntityRef,
  mlDatasetEntityRef,
  mlModelApiEntityRef,
  mlModelEntityRef,
  modelsCalledBy,
} from '@ml-platform/plugin-ml-common';

/** What the lineage reads, from the services that own it. */
export interface LineageSources {
  projects: { get(projectId: string): Promise<Project> };
  models: { get(projectId: string, modelIdOrName: string): Promise<Model> };
  modelBuilds: {
    list(projectId: string, modelId: string): Promise<ModelBuild[]>;
  };
  modelDeployments: {
    list(projectId: string, modelId: string): Promise<ModelDeployment[]>;
  };
  /** Absent in a backend without applications: the graph ends at the endpoint. */
  applications?: { list(projectId: string): Promise<Application[]> };
}

/** Deployments that serve (or are about to serve) the endpoint. */
const SERVING = new Set(['deploying', 'deployed']);

/**
 * A model's lineage as a graph: the datasets each build was trained on
 * (recorded from `lineage.yaml` at build time) → builds → deployments → the
 * model's endpoint → the applications of its project that call it (their
 * `ML_MODEL_NAME`/`ML_MODEL_NAMES` env). Nodes carry the refs of their
 * catalog entities, so a client can link to the catalog graph.
 */
export class LineageService {
  constructor(private readonly sources: LineageSources) {}

  async get(projectId: string, modelIdOrName: string): Promise<ModelLineage> {
    const { sources } = this;
    const project = await sources.projects.get(projectId);
    const model = await sources.models.get(projectId, modelIdOrName);
    const [builds, deployments, applications] = await Promise.all([
      sources.modelBuilds.list(project.id, model.id),
      sources.modelDeployments.list(project.id, model.id),
      sources.applications?.list(project.id) ?? Promise.resolve([]),
    ]);
    const refParts = {
      workspace: project.workspace,
      project: project.name,
      name: model.name,
    };
    const nodes: LineageNode[] = [];
    const edges: LineageEdge[] = [];
    const datasetIds = new Set<string>();

    for (const build of [...builds].sort((a, b) => a.number - b.number)) {
      const buildId = `build:${build.id}`;
      nodes.push({
        id: buildId,
        kind: 'build',
        label: `Build ${build.number}`,
        state: build.state,
        details: {
          number: build.number,
          filePath: build.filePath,
          functionName: build.functionName,
          lineageMetadata: build.lineageMetadata,
        },
      });
      for (const table of build.datasets) {
        const datasetId = `dataset:${table}`;
        if (!datasetIds.has(datasetId)) {
          datasetIds.add(datasetId);
          nodes.push({
            id: datasetId,
            kind: 'dataset',
            label: table,
            entityRef: mlDatasetEntityRef(project.workspace, table),
          });
        }
        edges.push({ from: datasetId, to: buildId, type: 'trainedOn' });
      }
    }

    const endpointId = `endpoint:${model.id}`;
    nodes.push({
      id: endpointId,
      kind: 'endpoint',
      label: `${model.name} endpoint`,
      entityRef: mlModelApiEntityRef(refParts),
      details: { path: `/projects/${project.id}/models/${model.id}/predict` },
    });

    const buildIds = new Set(builds.map(b => b.id));
    for (const deployment of deployments) {
      const deploymentId = `deployment:${deployment.id}`;
      nodes.push({
        id: deploymentId,
        kind: 'deployment',
        label: `Deployment of build ${deployment.buildNumber}`,
        state: deployment.state,
        details: {
          replicas: deployment.replicas,
          profile: deployment.profile,
          active: deployment.id === model.activeDeploymentId,
        },
      });
      if (buildIds.has(deployment.buildId)) {
        edges.push({
          from: `build:${deployment.buildId}`,
          to: deploymentId,
          type: 'deployedAs',
        });
      }
      if (
        deployment.id === model.activeDeploymentId &&
        SERVING.has(deployment.state)
      ) {
        edges.push({ from: deploymentId, to: endpointId, type: 'serves' });
      }
    }

    for (const application of applications) {
      const calls = modelsCalledBy(application, project.name).some(
        called => called.project === project.name && called.name === model.name,
      );
      if (!calls) continue;
      const applicationId = `application:${application.id}`;
      nodes.push({
        id: applicationId,
        kind: 'application',
        label: application.name,
        state: application.state,
        entityRef: mlApplicationEntityRef(project.workspace, application.slug),
      });
      edges.push({ from: endpointId, to: applicationId, type: 'calledBy' });
    }

    return {
      modelId: model.id,
      entityRef: mlModelEntityRef(refParts),
      nodes,
      edges,
    };
  }
}
