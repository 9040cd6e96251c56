// What the tests of this plugin share: the mock ML API, the render helper and
// the steps and checks many tests take. The data they use is in
// ../testing/fixtures.
export * from '../testing/mockMlApi';
export * from '../testing/mockModelsApi';
export * from '../testing/mockApplicationsApi';
export * from './renderWithMlApi';
export * from './permissions';
export * from './collaborators';
export * from './forms';
export * from './buttons';
export * from './svgLayout';
export * from './reportedState';
export * from './mlflowApi';
