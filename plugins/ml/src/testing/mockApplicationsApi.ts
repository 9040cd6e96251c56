import { Application } from '@ml-platform/plugin-ml-common';
import { MlApplicationsApi } from '../api';

/** A fake of every applications method of MlApi. */
export function createMockApplicationsApi(): jest.Mocked<MlApplicationsApi> {
  return {
    getApplicationSettings: jest.fn(),
    listApplications: jest.fn(),
    getApplication: jest.fn(),
    createApplication: jest.fn(),
    updateApplication: jest.fn(),
    deleteApplication: jest.fn(),
    startApplication: jest.fn(),
    stopApplication: jest.fn(),
    restartApplication: jest.fn(),
    prepareApplicationUrl: jest.fn(),
  };
}

/** A running app of the churn project. */
export const dashboardApp: Application = {
  id: 'a1b2c3d4-0000-4000-8000-000000000001',
  projectId: 'p-1',
  name: 'Churn dashboard',
  slug: 'churn-dashboard',
  description: 'Live churn numbers',
  script: 'app.py',
  runtimeId: 'r-1',
  profile: 'small',
  env: { THEME: 'dark' },
  bypassAuthentication: false,
  workloadId: 'w-app-1',
  state: 'running',
  url: '/apps/churn-dashboard/',
  createdBy: 'user:default/jane',
  createdAt: '2026-01-10T10:00:00.000Z',
  updatedAt: '2026-01-12T10:00:00.000Z',
};
