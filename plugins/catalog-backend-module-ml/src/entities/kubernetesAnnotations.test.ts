import {
  KubernetesObjectsOf,
  kubernetesAnnotations,
} from './kubernetesAnnotations';

const PROJECT = '11111111-1111-4111-8111-111111111111';

describe('kubernetesAnnotations', () => {
  it.each<[string, KubernetesObjectsOf, Record<string, string>]>([
    [
      'a workspace by its label',
      { workspace: 'gpu-lab' },
      {
        'backstage.io/kubernetes-label-selector':
          'ml-platform.io/workspace=gpu-lab',
      },
    ],
    [
      'a project by all of its workloads',
      { projectId: PROJECT },
      {
        'backstage.io/kubernetes-id': `ml-project-${PROJECT}`,
        'backstage.io/kubernetes-label-selector': `ml-platform.io/project-id=${PROJECT}`,
      },
    ],
    [
      "a model by its replicas' id",
      { projectId: PROJECT, modelId: 'm1' },
      { 'backstage.io/kubernetes-id': 'ml-model-m1' },
    ],
    [
      'an application by its slug',
      { projectId: PROJECT, applicationSlug: 'churn-dashboard' },
      {
        'backstage.io/kubernetes-id': `ml-project-${PROJECT}`,
        'backstage.io/kubernetes-label-selector':
          'ml-platform.io/app-slug=churn-dashboard',
      },
    ],
  ])('selects %s on Kubernetes', (_what, of, annotations) => {
    expect(kubernetesAnnotations('kubernetes', of)).toEqual(annotations);
  });

  it('gives nothing on other drivers', () => {
    expect(kubernetesAnnotations('local', { projectId: PROJECT })).toEqual({});
    expect(kubernetesAnnotations(undefined, { workspace: 'demo' })).toEqual({});
  });
});
