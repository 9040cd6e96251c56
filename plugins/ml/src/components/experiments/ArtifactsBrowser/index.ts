export { ArtifactsBrowser } from './ArtifactsBrowser';
