/**
 * The Kubernetes compute driver for the ML backend.
 *
 * @packageDocumentation
 */
export { mlModuleKubernetes as default } from './module';
