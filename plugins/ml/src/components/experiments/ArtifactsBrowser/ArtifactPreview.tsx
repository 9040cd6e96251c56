import { useEffect, useState } from 'react';
import { Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import GetAppIcon from '@material-ui/icons/GetApp';
import useAsync from 'react-use/esm/useAsync';
import { FileInfo, mlflowApiRef } from '../../../api';
import { describeError } from '../../../lib/errors';
import { ErrorAlert } from '../../ErrorAlert';
import { artifactName, formatBytes, previewKind, saveBlob } from '../artifacts';

export interface ArtifactPreviewProps {
  artifactUri: string;
  file: FileInfo;
}

/** Reads a Blob as text; jsdom's Blob has no text(). */
function blobText(blob: Blob): Promise<string> {
  if (typeof blob.text === 'function') {
    return blob.text();
  }
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsText(blob);
  });
}

/** An image artifact, shown from an object URL of its downloaded bytes. */
function ImagePreview(props: { blob: Blob; alt: string }) {
  const { blob, alt } = props;
  const [url, setUrl] = useState<string>();
  useEffect(() => {
    const objectUrl = URL.createObjectURL(blob);
    setUrl(objectUrl);
    return () => URL.revokeObjectURL(objectUrl);
  }, [blob]);
  return url ? (
    <img src={url} alt={alt} style={{ maxWidth: '100%', maxHeight: 480 }} />
  ) : null;
}

/** One artifact: its text or image, and Download. */
export function ArtifactPreview(props: ArtifactPreviewProps) {
  const { artifactUri, file } = props;
  const mlflow = useApi(mlflowApiRef);
  const preview = previewKind(file);
  const name = artifactName(file.path);
  const [downloadError, setDownloadError] = useState<string>();
  const content = useAsync(async () => {
    if (preview.kind === 'none') return undefined;
    const blob = await mlflow.downloadArtifact(artifactUri, file.path);
    return preview.kind === 'text'
      ? { text: await blobText(blob) }
      : { image: blob };
  }, [mlflow, artifactUri, file.path, preview.kind]);

  const download = async () => {
    setDownloadError(undefined);
    try {
      saveBlob(await mlflow.downloadArtifact(artifactUri, file.path), name);
    } catch (e) {
      setDownloadError(describeError(e));
    }
  };

  let body: JSX.Element | null;
  if (preview.kind === 'none') {
    body = <Typography color="textSecondary">{preview.reason}</Typography>;
  } else if (content.loading) {
    body = <Progress />;
  } else if (content.error) {
    body = <ErrorAlert message={describeError(content.error)} />;
  } else if (content.value?.text !== undefined) {
    body = (
      <Box
        component="pre"
        aria-label={`Content of ${name}`}
        margin={0}
        padding={1}
        maxHeight={480}
        overflow="auto"
        fontSize="0.8rem"
        bgcolor="background.default"
      >
        {content.value.text}
      </Box>
    );
  } else if (content.value?.image) {
    body = <ImagePreview blob={content.value.image} alt={name} />;
  } else {
    body = null;
  }

  return (
    <Box>
      <Box display="flex" alignItems="center" marginBottom={1} gridGap={8}>
        <Typography variant="subtitle2">{file.path}</Typography>
        <Typography variant="body2" color="textSecondary">
          {formatBytes(file.file_size)}
        </Typography>
        <Box flexGrow={1} />
        <Button size="small" startIcon={<GetAppIcon />} onClick={download}>
          Download
        </Button>
      </Box>
      <ErrorAlert message={downloadError} />
      {body}
    </Box>
  );
}
