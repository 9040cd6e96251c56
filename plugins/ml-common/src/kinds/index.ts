export * from './constants';
export * from './refs';
export * from './kubernetes';
export * from './WorkspaceEntityV1alpha1';
export * from './ProjectEntityV1alpha1';
export * from './ModelEntityV1alpha1';
export * from './calledModels';
