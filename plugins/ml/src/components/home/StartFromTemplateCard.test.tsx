import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { scaffolderTemplateRouteRef } from '../../externalRoutes';
import { StartFromTemplateCard } from './StartFromTemplateCard';

const template = (name: string, title: string, type = 'ml-project') => ({
  apiVersion: 'scaffolder.backstage.io/v1beta3',
  kind: 'Template',
  metadata: { name, namespace: 'default', title, description: `${title}.` },
  spec: { type },
});

describe('StartFromTemplateCard', () => {
  it('links the ML project templates into the scaffolder', async () => {
    const catalogApi = catalogApiMock({
      entities: [
        template('ml-training-project', 'Training project'),
        template('ml-blank-python-project', 'Blank Python project'),
        template('example-nodejs-template', 'Node.js service', 'service'),
      ],
    });

    await renderInTestApp(
      <TestApiProvider apis={[[catalogApiRef, catalogApi]]}>
        <StartFromTemplateCard />
      </TestApiProvider>,
      {
        mountedRoutes: {
          '/create/templates/:namespace/:templateName':
            scaffolderTemplateRouteRef,
        },
      },
    );

    const links = await screen.findAllByRole('link');
    expect(links.map(l => l.textContent)).toEqual([
      'Blank Python project',
      'Training project',
    ]);
    expect(links[1]).toHaveAttribute(
      'href',
      '/create/templates/default/ml-training-project',
    );
    expect(screen.getByText('Training project.')).toBeInTheDocument();
  });
});
