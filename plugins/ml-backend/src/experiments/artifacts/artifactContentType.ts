import { artifactBaseName } from './artifactPaths';

/**
 * Extensions (or, for files without one, whole names) MLflow serves as
 * `text/plain` (`mlflow/utils/mime_type_utils.py`): its UI shows them as
 * text, and a script or markup among them is never run by a browser.
 */
const TEXT = new Set([
  'txt',
  'log',
  'err',
  'cfg',
  'conf',
  'cnf',
  'cf',
  'ini',
  'properties',
  'prop',
  'hocon',
  'toml',
  'yaml',
  'yml',
  'xml',
  'json',
  'js',
  'py',
  'py3',
  'csv',
  'tsv',
  'md',
  'rst',
  'MLmodel',
  'MLproject',
]);

/** The other types an ML run commonly leaves behind. */
const BY_EXTENSION: Record<string, string> = {
  html: 'text/html',
  htm: 'text/html',
  svg: 'image/svg+xml',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  bmp: 'image/bmp',
  tif: 'image/tiff',
  tiff: 'image/tiff',
  ico: 'image/vnd.microsoft.icon',
  pdf: 'application/pdf',
  zip: 'application/zip',
  gz: 'application/gzip',
  tgz: 'application/gzip',
  tar: 'application/x-tar',
  mp3: 'audio/mpeg',
  wav: 'audio/wav',
  mp4: 'video/mp4',
  webm: 'video/webm',
};

const BINARY = 'application/octet-stream';

/**
 * The Content-Type an artifact is served with, guessed from its name as
 * MLflow guesses it; `application/octet-stream` when unknown.
 *
 * @internal
 */
export function artifactContentType(artifactPath: string): string {
  const name = artifactBaseName(artifactPath);
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 ? name.slice(dot + 1) : name;
  if (TEXT.has(extension)) return 'text/plain';
  if (dot <= 0) return BINARY;
  return BY_EXTENSION[extension.toLowerCase()] ?? BINARY;
}
