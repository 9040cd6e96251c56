import { discoveryApiRef } from '@backstage/core-plugin-api';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { ModelEndpointCard } from './ModelEndpointCard';
import { churnModel } from '../../testing/fixtures';

const discovery = {
  getBaseUrl: async () => 'http://portal:7007/api/ml',
};

function renderCard(disableAuthentication: boolean) {
  return renderInTestApp(
    <TestApiProvider apis={[[discoveryApiRef, discovery]]}>
      <ModelEndpointCard
        projectId="p1"
        model={{ ...churnModel, disableAuthentication }}
        request={{ size: 80 }}
      />
    </TestApiProvider>,
  );
}

const perModelUrl = `http://portal:7007/api/ml/projects/p1/models/${churnModel.id}/predict`;

/** The code snippet whose text passes `test`. */
function codeWhere(test: (text: string) => boolean) {
  return screen.getByText(
    (_, element) =>
      element?.tagName === 'CODE' && test(element.textContent ?? ''),
  );
}

describe('ModelEndpointCard', () => {
  it('gives a per-model curl that works as pasted when no key is needed', async () => {
    await renderCard(true);

    expect(
      await screen.findByText(/Authentication is disabled/),
    ).toBeInTheDocument();
    expect(screen.getAllByText(perModelUrl).length).toBeGreaterThan(0);
    const curl = codeWhere(text =>
      text.startsWith(`curl -X POST ${perModelUrl}`),
    );
    expect(curl.textContent).not.toContain('access key');
    expect(curl.textContent).toContain(`-d '{"size":80}'`);
  });

  it('asks for the key on both URLs when the model needs one', async () => {
    await renderCard(false);

    expect(
      await screen.findByText(/Every call needs an access key/),
    ).toBeInTheDocument();
    expect(
      codeWhere(text => text.includes('Authorization: Bearer <access key>')),
    ).toBeInTheDocument();
    expect(
      codeWhere(text =>
        text.includes('{"accessKey":"<access key>","request":{"size":80}}'),
      ),
    ).toBeInTheDocument();
  });
});
