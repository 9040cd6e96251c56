import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { BuildStatus, DeploymentStatus } from './ModelStatus';

describe('ModelStatus', () => {
  it('names build and deployment states', async () => {
    await renderInTestApp(
      <>
        <BuildStatus state="building" />
        <DeploymentStatus state="deployed" detail="2/2 ready" />
        <DeploymentStatus />
      </>,
    );
    expect(screen.getByText('Building')).toBeInTheDocument();
    expect(screen.getByText('Deployed · 2/2 ready')).toBeInTheDocument();
    expect(screen.getByText('Not deployed')).toBeInTheDocument();
  });
});
