import { useState } from 'react';
import {
  InfoCard,
  StatusError,
  StatusOK,
  StructuredMetadataTable,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import Alert from '@material-ui/lab/Alert';
import { PredictionResponse, Project } from '@ml-platform/plugin-ml-common';
import { mlApiRef } from '../../api';
import { describeError } from '../../lib/errors';
import { activeDeployment, exampleRequest } from '../../lib/models';
import { ErrorAlert } from '../ErrorAlert';
import { ModelState } from '../ModelPage/modelState';

/** @public */
export interface ModelTestPanelProps {
  project: Project;
  state: ModelState;
}

const useStyles = makeStyles(theme => ({
  response: {
    fontFamily: 'monospace',
    whiteSpace: 'pre-wrap',
    wordBreak: 'break-word',
    maxHeight: 400,
    overflow: 'auto',
    padding: theme.spacing(1),
    backgroundColor: theme.palette.background.default,
  },
}));

function pretty(value: unknown): string {
  return JSON.stringify(value ?? {}, null, 2);
}

// Model functions often take well under a millisecond.
const formatMs = (ms: number) => `${ms.toFixed(ms < 1 ? 2 : 1)} ms`;

/**
 * Sends a request to the deployed model as the signed-in user, starting from
 * the build's first example, and shows the answer with the uuid, the replica
 * that served it and how long it took.
 */
export function ModelTestPanel(props: ModelTestPanelProps) {
  const { project, state } = props;
  const { model, builds, deployments } = state;
  const api = useApi(mlApiRef);
  const classes = useStyles();
  const active = activeDeployment(model, deployments);
  const [text, setText] = useState(() =>
    pretty(exampleRequest(builds, active?.buildId)),
  );
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<PredictionResponse>();
  const [problem, setProblem] = useState<string>();

  const test = async () => {
    let request: unknown;
    try {
      request = JSON.parse(text);
    } catch (e) {
      setProblem(`The request is not JSON: ${(e as Error).message}`);
      setResult(undefined);
      return;
    }
    setBusy(true);
    setProblem(undefined);
    try {
      setResult(await api.predict(project.id, model.id, request));
    } catch (e) {
      setResult(undefined);
      setProblem(describeError(e));
    } finally {
      setBusy(false);
    }
  };

  const ready = active?.replicaStatus.some(r => r.ready) ?? false;

  return (
    <Grid container spacing={3}>
      <Grid item xs={12} md={6}>
        <InfoCard title="Request" subheader="The JSON your model function gets">
          {!active && (
            <Alert severity="info">
              The model is not deployed; deploy a build to test it.
            </Alert>
          )}
          {active && !ready && (
            <Alert severity="warning">
              No replica is ready yet; a request waits for one or is refused.
            </Alert>
          )}
          <TextField
            id="ml-model-test-request"
            label="Request (JSON)"
            value={text}
            onChange={e => setText(e.target.value)}
            multiline
            minRows={8}
            fullWidth
            margin="normal"
            variant="outlined"
            inputProps={{ style: { fontFamily: 'monospace' } }}
          />
          <Box display="flex" justifyContent="flex-end">
            <Button
              variant="contained"
              color="primary"
              onClick={test}
              disabled={busy || !active}
            >
              Test
            </Button>
          </Box>
        </InfoCard>
      </Grid>
      <Grid item xs={12} md={6}>
        <InfoCard title="Response">
          <ErrorAlert message={problem} />
          {!result && !problem && (
            <Typography color="textSecondary">
              {busy
                ? 'Waiting for the model…'
                : 'Press Test to send the request.'}
            </Typography>
          )}
          {result && (
            <>
              <Box marginBottom={1}>
                {result.success ? (
                  <StatusOK>Success</StatusOK>
                ) : (
                  <StatusError>The model function raised an error</StatusError>
                )}
              </Box>
              {result.error && (
                <Alert severity="error" role="alert">
                  {`${result.error.name}: ${result.error.message}`}
                </Alert>
              )}
              {result.success && (
                <pre className={classes.response} aria-label="Response JSON">
                  {pretty(result.response)}
                </pre>
              )}
              <StructuredMetadataTable
                dense
                metadata={{
                  uuid: result.uuid,
                  replica: String(result.replica),
                  'time in the model': formatMs(result.timing.modelMs),
                  'time in the platform': formatMs(result.timing.totalMs),
                }}
              />
            </>
          )}
        </InfoCard>
      </Grid>
    </Grid>
  );
}
