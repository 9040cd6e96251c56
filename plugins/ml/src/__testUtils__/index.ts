export * from '../testing/mockMlApi';
export * from '../testing/mockModelsApi';
export * from '../testing/mockApplicationsApi';
export * from './renderWithMlApi';
export * from './permissions';
export * from './collaborators';
export * from './forms';
export * from './buttons';
