export * from './mockMlApi';
export * from './mockModelsApi';
export * from './mockApplicationsApi';
export * from './renderWithMlApi';
export * from '../__testUtils__/permissions';
export * from './collaborators';
export * from './forms';
