import {
  Model,
  ModelBuild,
  ModelDeployment,
} from '@ml-platform/plugin-ml-common';

/** A build still changes while it waits or builds; pages poll until then. */
export function isBuildLive(build: Pick<ModelBuild, 'state'>): boolean {
  return build.state === 'queued' || build.state === 'building';
}

/**
 * A deployment changes while it deploys and while a deployed one has
 * replicas that are not ready yet (starting, replaced, scaled).
 */
export function isDeploymentLive(deployment: ModelDeployment): boolean {
  if (deployment.state === 'deploying') {
    return true;
  }
  return (
    deployment.state === 'deployed' &&
    (deployment.replicaStatus.length !== deployment.replicas ||
      deployment.replicaStatus.some(r => !r.ready))
  );
}

/** "1/2": replicas that take traffic of those asked for. */
export function replicasReady(deployment: ModelDeployment): string {
  const ready = deployment.replicaStatus.filter(r => r.ready).length;
  return `${ready}/${deployment.replicas}`;
}

/** The deployment that serves the model now, if any. */
export function activeDeployment(
  model: Pick<Model, 'activeDeploymentId'>,
  deployments: ModelDeployment[],
): ModelDeployment | undefined {
  return model.activeDeploymentId
    ? deployments.find(d => d.id === model.activeDeploymentId)
    : undefined;
}

/** The highest-numbered build, whatever its state. */
/**
 * What a build calls: its file's function, wrapping a registry version if
 * it has one, or the platform's MLflow wrapper of that version.
 */
export function describeBuildFunction(
  build: Pick<ModelBuild, 'filePath' | 'functionName' | 'registeredModel'>,
): string {
  const version = build.registeredModel
    ? `${build.registeredModel.name} v${build.registeredModel.version}`
    : undefined;
  if (!build.filePath) {
    return version ? `MLflow pyfunc of ${version}` : '—';
  }
  const called = `${build.functionName} in ${build.filePath}`;
  return version ? `${called}, with ${version}` : called;
}

export function latestBuild(builds: ModelBuild[]): ModelBuild | undefined {
  return builds.reduce<ModelBuild | undefined>(
    (latest, b) => (!latest || b.number > latest.number ? b : latest),
    undefined,
  );
}

/**
 * What the Test panel starts with: the first example of the build that is
 * deployed, else of the newest build that has one.
 */
export function exampleRequest(
  builds: ModelBuild[],
  deployedBuildId?: string,
): unknown {
  const deployed = builds.find(b => b.id === deployedBuildId);
  if (deployed?.examples.length) {
    return deployed.examples[0].request;
  }
  const withExamples = builds
    .filter(b => b.examples.length > 0)
    .sort((a, b) => b.number - a.number);
  return withExamples[0]?.examples[0].request;
}

/**
 * A curl command for the CML-style endpoint, `{"accessKey", "request"}`. The
 * key is a placeholder: the platform shows whole keys only once.
 */
export function curlExample(options: {
  endpointUrl: string;
  request: unknown;
  accessKey?: string;
}): string {
  const body = JSON.stringify({
    accessKey: options.accessKey ?? '<access key>',
    request: options.request ?? {},
  });
  // Single quotes in the body would end the shell string.
  const quoted = body.replace(/'/g, `'\\''`);
  return [
    `curl -X POST ${options.endpointUrl} \\`,
    `  -H 'Content-Type: application/json' \\`,
    `  -d '${quoted}'`,
  ].join('\n');
}

/** "" is no examples; otherwise a JSON array of `{request, response?}`. */
export function parseExamples(
  text: string,
): { examples: ModelBuild['examples'] } | { problem: string } {
  if (!text.trim()) {
    return { examples: [] };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    return { problem: `Not JSON: ${(e as Error).message}` };
  }
  if (!Array.isArray(parsed)) {
    return { problem: 'A JSON array of {"request": …, "response": …}' };
  }
  for (const [i, item] of parsed.entries()) {
    if (typeof item !== 'object' || item === null || !('request' in item)) {
      return { problem: `Example ${i + 1} has no "request"` };
    }
  }
  return { examples: parsed as ModelBuild['examples'] };
}
