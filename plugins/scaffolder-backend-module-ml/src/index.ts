/**
 * The ml module for the scaffolder: template actions that create ML
 * projects, jobs, models, deployments and applications (CML AMP task parity).
 *
 * @packageDocumentation
 */

export { scaffolderModuleMl as default } from './module';
