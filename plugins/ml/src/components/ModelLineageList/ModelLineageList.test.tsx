import { screen, within } from '@testing-library/react';
import { ModelLineage } from '@ml-platform/plugin-ml-common';
import { createMockMlApi, renderWithMlApi } from '../../__testUtils__';
import { projectSlug } from '../../lib/projectSlug';
import { churnModel, churnProject } from '../../testing/fixtures';
import { ModelLineageList } from './ModelLineageList';

const slug = projectSlug(churnProject);
const runId = '0123456789abcdef0123456789abcdef';
const lineage: ModelLineage = {
  modelId: churnModel.id,
  entityRef: 'model:demo/churn.churn-predictor',
  nodes: [
    { id: 'dataset:events', kind: 'dataset', label: 'events' },
    {
      id: `experimentRun:${runId}`,
      kind: 'experimentRun',
      label: 'baseline',
      details: { runId, experimentId: '7' },
    },
    {
      id: 'modelVersion:churn-classifier/2',
      kind: 'modelVersion',
      label: 'churn-classifier v2',
      details: { name: 'churn-classifier', version: '2' },
    },
    { id: 'build:b-2', kind: 'build', label: 'Build 2', state: 'built' },
  ],
  edges: [
    { from: 'dataset:events', to: `experimentRun:${runId}`, type: 'trainedOn' },
    {
      from: `experimentRun:${runId}`,
      to: 'modelVersion:churn-classifier/2',
      type: 'registeredAs',
    },
    {
      from: 'modelVersion:churn-classifier/2',
      to: 'build:b-2',
      type: 'builtFrom',
    },
  ],
};

describe('ModelLineageList', () => {
  it('lists the edges, with experiment runs and registry versions linked to their pages', async () => {
    const api = createMockMlApi({ getModelLineage: lineage });
    await renderWithMlApi(
      <ModelLineageList model={churnModel} projectId={slug} />,
      { api },
    );

    const runLinks = await screen.findAllByRole('link', { name: 'baseline' });
    expect(runLinks[0]).toHaveAttribute(
      'href',
      `/ml/projects/${slug}/experiments/runs/${runId}`,
    );
    const registered = screen.getByText('registered as').closest('tr')!;
    expect(
      within(registered).getByRole('link', { name: 'churn-classifier v2' }),
    ).toHaveAttribute('href', `/ml/projects/${slug}/registry/churn-classifier`);
    const built = screen.getByText('built as').closest('tr')!;
    expect(
      within(built).getByRole('link', { name: 'Build 2' }),
    ).toHaveAttribute(
      'href',
      `/ml/projects/${slug}/models/${churnModel.id}/builds`,
    );
    expect(within(built).getByText('Model version')).toBeInTheDocument();
    const trained = screen.getByText('trained').closest('tr')!;
    expect(within(trained).getByText('events')).toBeInTheDocument();
    expect(within(trained).getByText('Experiment run')).toBeInTheDocument();
    expect(api.getModelLineage).toHaveBeenCalledWith(
      churnModel.projectId,
      churnModel.id,
    );
  });
});
