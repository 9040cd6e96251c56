import { CodeSnippet, InfoCard } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { Model } from '@ml-platform/plugin-ml-common';
import { useMlBaseUrl } from '../../hooks/useMlBaseUrl';
import {
  cmlCurl,
  modelEndpoints,
  perModelCurl,
} from '../../lib/modelEndpoints';

/** @public */
export interface ModelEndpointCardProps {
  projectId: string;
  model: Pick<Model, 'id' | 'name' | 'disableAuthentication'>;
  /** The request the curl commands send (a build's example). */
  request?: unknown;
}

function Endpoint(props: {
  title: string;
  description: string;
  url: string;
  curl: string;
}) {
  const { title, description, url, curl } = props;
  return (
    <Box marginBottom={3}>
      <Typography variant="subtitle2">{title}</Typography>
      <Typography variant="body2" color="textSecondary" paragraph>
        {description}
      </Typography>
      <Box marginBottom={1}>
        <CodeSnippet text={url} language="text" showCopyCodeButton />
      </Box>
      <CodeSnippet text={curl} language="bash" showCopyCodeButton />
    </Box>
  );
}

/**
 * The URLs a model answers on, whether a call needs an access key, and a
 * curl command for each: the one place that says how to call a model.
 */
export function ModelEndpointCard(props: ModelEndpointCardProps) {
  const { projectId, model, request = {} } = props;
  const baseUrl = useMlBaseUrl() ?? '/api/ml';
  const urls = modelEndpoints(baseUrl, projectId, model.id);
  const needsKey = !model.disableAuthentication;
  return (
    <InfoCard
      title="Endpoint"
      subheader={
        needsKey
          ? 'Every call needs an access key of this model (Access keys tab)'
          : 'Authentication is disabled: the per-model URL needs no access key'
      }
    >
      <Endpoint
        title="Per-model URL"
        description={
          needsKey
            ? 'POST the request itself as JSON, with the key as a Bearer token.'
            : 'POST the request itself as JSON. The command works as pasted.'
        }
        url={urls.perModel}
        curl={perModelCurl({ url: urls.perModel, request, needsKey })}
      />
      <Endpoint
        title="CML-compatible URL"
        description='One URL for every model, as in CML: POST {"accessKey", "request"}. The key says which model answers, so this URL needs one even when authentication is disabled.'
        url={urls.cml}
        curl={cmlCurl({ url: urls.cml, request })}
      />
    </InfoCard>
  );
}
