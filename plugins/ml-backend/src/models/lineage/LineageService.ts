import {
  Application,
  LineageEdge,
  LineageNode,
  Model,
  ModelBuild,
  ModelDeployment,
  ModelLineage,
  Project,
  RegisteredModelSource,
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
  /** The experiment runs registered versions came from (the tracking server). */
  experimentRuns?: {
    get(runId: string): Promise<ExperimentRunLineage | undefined>;
  };
}

/** What the lineage shows of an experiment run. */
export interface ExperimentRunLineage {
  runId: string;
  name: string;
  experimentId: string;
  /** The names of the datasets the run logged as its inputs. */
  datasets: string[];
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
      const addDataset = (table: string, to: string) => {
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
        edges.push({ from: datasetId, to, type: 'trainedOn' });
      };
      for (const table of build.datasets) addDataset(table, buildId);
      if (build.registeredModel) {
        await this.addRegistryPart(build.registeredModel, buildId, {
          nodes,
          edges,
          addDataset,
        });
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

  /**
   * A build from the registry: the experiment run (and the datasets it
   * logged) → the model version → the build. Shared nodes appear once.
   */
  private async addRegistryPart(
    source: RegisteredModelSource,
    buildId: string,
    graph: {
      nodes: LineageNode[];
      edges: LineageEdge[];
      addDataset: (table: string, to: string) => void;
    },
  ): Promise<void> {
    const { nodes, edges } = graph;
    const has = (id: string) => nodes.some(n => n.id === id);
    const versionId = `modelVersion:${source.name}/${source.version}`;
    if (!has(versionId)) {
      nodes.push({
        id: versionId,
        kind: 'modelVersion',
        label: `${source.name} v${source.version}`,
        details: { name: source.name, version: source.version },
      });
    }
    edges.push({ from: versionId, to: buildId, type: 'builtFrom' });
    if (!source.runId) return;
    const runId = `experimentRun:${source.runId}`;
    if (!has(runId)) {
      const run = await this.sources.experimentRuns?.get(source.runId);
      nodes.push({
        id: runId,
        kind: 'experimentRun',
        label: run?.name ?? source.runId,
        details: {
          runId: source.runId,
          ...(run ? { experimentId: run.experimentId } : {}),
        },
      });
      for (const dataset of run?.datasets ?? []) {
        graph.addDataset(dataset, runId);
      }
    }
    edges.push({ from: runId, to: versionId, type: 'registeredAs' });
  }
}
