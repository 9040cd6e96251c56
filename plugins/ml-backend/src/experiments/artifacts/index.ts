export type {
  ArtifactContent,
  ArtifactFileInfo,
  ArtifactStore,
  ArtifactUploadPart,
} from './ArtifactStore';
export { LocalArtifactStore } from './LocalArtifactStore';
export { createArtifactsRouter } from './artifactsRouter';
export type { ArtifactsRouterOptions } from './artifactsRouter';
