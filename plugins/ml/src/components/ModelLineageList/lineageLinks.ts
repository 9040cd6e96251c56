import { LineageEdgeType, LineageNode } from '@ml-platform/plugin-ml-common';

/** How each edge reads from its start to its end. */
export const EDGE_LABELS: Record<LineageEdgeType, string> = {
  trainedOn: 'trained',
  registeredAs: 'registered as',
  builtFrom: 'built as',
  deployedAs: 'deployed as',
  serves: 'serves',
  calledBy: 'called by',
};

export const NODE_KIND_LABELS: Record<LineageNode['kind'], string> = {
  dataset: 'Dataset',
  experimentRun: 'Experiment run',
  modelVersion: 'Model version',
  build: 'Build',
  deployment: 'Deployment',
  endpoint: 'Endpoint',
  application: 'Application',
};

/** Where the plugin shows a node, by the routes' link makers. */
export interface LineageLinks {
  experimentRun: (runId: string) => string;
  registeredModel: (modelName: string) => string;
  /** The model's own tab, e.g. `builds`. */
  modelTab: (tab: 'builds' | 'deployments' | '') => string;
}

function detail(node: LineageNode, key: string): string | undefined {
  const value = node.details?.[key];
  return typeof value === 'string' ? value : undefined;
}

/** The plugin page of a node, where it has one. */
export function lineageNodeLink(
  node: LineageNode,
  links: LineageLinks,
): string | undefined {
  switch (node.kind) {
    case 'experimentRun': {
      const runId = detail(node, 'runId') ?? node.id.split(':')[1];
      return runId ? links.experimentRun(runId) : undefined;
    }
    case 'modelVersion': {
      const name = detail(node, 'name');
      return name ? links.registeredModel(name) : undefined;
    }
    case 'build':
      return links.modelTab('builds');
    case 'deployment':
      return links.modelTab('deployments');
    case 'endpoint':
      return links.modelTab('');
    default:
      return undefined;
  }
}
