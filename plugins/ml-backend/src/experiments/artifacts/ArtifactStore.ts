import { Readable } from 'node:stream';

/**
 * One entry of a folder, as MLflow's `FileInfo` describes it: `path` is
 * relative to the store's root, `file_size` is absent for folders.
 *
 * @internal
 */
export interface ArtifactFileInfo {
  path: string;
  is_dir: boolean;
  file_size?: number;
}

/** An artifact opened for reading. @internal */
export interface ArtifactContent {
  stream: Readable;
  /** In bytes. */
  size: number;
}

/** A part named when a multipart upload is completed. @internal */
export interface ArtifactUploadPart {
  partNumber: number;
  /** The etag `uploadPart` gave; checked when present. */
  etag?: string;
}

/**
 * Where MLflow run artifacts are kept. Paths are relative and
 * `/`-separated (`<experiment_id>/<run_id>/artifacts/model/MLmodel`); an
 * implementation refuses any other with MLflow's `INVALID_PARAMETER_VALUE`
 * and answers a missing artifact with `RESOURCE_DOES_NOT_EXIST`. Small
 * enough for an object store (S3, GCS, Azure Blob) to implement as well as
 * the local folder does.
 *
 * @internal
 */
export interface ArtifactStore {
  /** Writes a file whole: readers see the old content or the new, never a part. */
  put(path: string, content: Readable | Buffer): Promise<void>;

  /** Opens a file for reading. */
  get(path: string): Promise<ArtifactContent>;

  /**
   * The entries directly inside a folder, sorted by path; `[]` for a
   * missing folder or a file, as MLflow lists them.
   */
  list(path: string): Promise<ArtifactFileInfo[]>;

  /** Deletes a file or a folder with everything in it; nothing if missing. */
  delete(path: string): Promise<void>;

  /** Starts an upload of `path` in parts; gives the upload's id. */
  createMultipartUpload(path: string): Promise<string>;

  /** Stores one part (numbered from 1) of an upload; gives its etag. */
  uploadPart(
    path: string,
    uploadId: string,
    partNumber: number,
    content: Readable | Buffer,
  ): Promise<string>;

  /** Writes `path` from the given parts, in part-number order, and ends the upload. */
  completeMultipartUpload(
    path: string,
    uploadId: string,
    parts: ArtifactUploadPart[],
  ): Promise<void>;

  /** Ends an upload and drops its parts. */
  abortMultipartUpload(path: string, uploadId: string): Promise<void>;
}
