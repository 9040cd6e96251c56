import { FileInfo } from '../../api';

/** Bigger text files are offered for download only. */
export const TEXT_PREVIEW_MAX_BYTES = 1024 * 1024;

const TEXT_EXTENSIONS = new Set(
  'txt log md json jsonl yaml yml csv tsv py r sql sh ini cfg conf toml xml html js ts ipynb properties'.split(
    ' ',
  ),
);
/** Files MLflow writes without an extension. */
const TEXT_NAMES = new Set(['MLmodel', 'Dockerfile', 'LICENSE', 'README']);
/** Browsers tell these formats by their bytes, whatever the Blob's type. */
const IMAGE_EXTENSIONS = new Set(['png', 'jpg', 'jpeg', 'gif']);

export function artifactName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

/** How the browser previews a file, if at all. */
export type ArtifactPreviewKind =
  | { kind: 'text' }
  | { kind: 'image' }
  | { kind: 'none'; reason: string };

export function previewKind(file: FileInfo): ArtifactPreviewKind {
  const name = artifactName(file.path);
  const extension = extensionOf(name);
  if (IMAGE_EXTENSIONS.has(extension)) {
    return { kind: 'image' };
  }
  if (TEXT_EXTENSIONS.has(extension) || TEXT_NAMES.has(name)) {
    return (file.file_size ?? 0) > TEXT_PREVIEW_MAX_BYTES
      ? { kind: 'none', reason: 'Too large to preview (over 1 MB).' }
      : { kind: 'text' };
  }
  return { kind: 'none', reason: 'No preview for this kind of file.' };
}

/** "12 B", "3.4 KB", "1.2 MB". */
export function formatBytes(bytes: number | undefined): string {
  if (bytes === undefined) return '';
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${Number(value.toFixed(1))} ${units[unit]}`;
}

/** Saves a downloaded file under its name, as the browser does for links. */
export function saveBlob(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  URL.revokeObjectURL(url);
}
