import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { invalidParameter } from '../MlflowError';
import { ArtifactUploadPart } from './ArtifactStore';
import { COPY_CHUNK, isMissing } from './localFiles';

/** As S3, whose multipart API MLflow's follows. */
const MAX_PART_NUMBER = 10_000;
const UPLOAD_ID =
  /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** Whether an upload id is one the store could have made (a v4 UUID). */
export const isUploadId = (uploadId: unknown): uploadId is string =>
  typeof uploadId === 'string' && UPLOAD_ID.test(uploadId);

/** Strips the quotes (and weak marker) an etag travels with in HTTP. */
const bareEtag = (etag: string) => etag.replace(/^(W\/)?"(.*)"$/, '$2');

/** Refuses a part number S3 would refuse. */
export function checkPartNumber(partNumber: number): void {
  if (
    !Number.isInteger(partNumber) ||
    partNumber < 1 ||
    partNumber > MAX_PART_NUMBER
  ) {
    throw invalidParameter(
      `Invalid part number ${partNumber}: it must be from 1 to ${MAX_PART_NUMBER}`,
    );
  }
}

/** The parts sorted by number; each once, at least one. */
export function orderedParts(
  parts: ArtifactUploadPart[],
): ArtifactUploadPart[] {
  if (parts.length === 0) {
    throw invalidParameter('A multipart upload needs at least one part');
  }
  const ordered = [...parts].sort((a, b) => a.partNumber - b.partNumber);
  ordered.forEach((part, index) => {
    checkPartNumber(part.partNumber);
    if (index > 0 && ordered[index - 1].partNumber === part.partNumber) {
      throw invalidParameter(`Part ${part.partNumber} is named twice`);
    }
  });
  return ordered;
}

/** Writes the parts one after another into `temp`, checking their etags. */
export async function concatenateParts(
  temp: string,
  uploadDir: string,
  parts: ArtifactUploadPart[],
): Promise<void> {
  const out = await fs.open(temp, 'wx');
  try {
    for (const { partNumber, etag } of parts) {
      const partFile = path.join(uploadDir, String(partNumber));
      const input = await fs.open(partFile, 'r').catch(error => {
        if (!isMissing(error)) throw error;
        throw invalidParameter(`Part ${partNumber} was never uploaded`);
      });
      const md5 = createHash('md5');
      try {
        for await (const chunk of input.createReadStream({
          highWaterMark: COPY_CHUNK,
          autoClose: false,
        })) {
          md5.update(chunk);
          await out.write(chunk);
        }
      } finally {
        await input.close();
      }
      if (etag && bareEtag(etag) !== md5.digest('hex')) {
        throw invalidParameter(
          `Part ${partNumber} does not match its etag '${etag}'`,
        );
      }
    }
  } finally {
    await out.close();
  }
}
