import {
  StatusAborted,
  StatusError,
  StatusOK,
  StatusPending,
  StatusRunning,
} from '@backstage/core-components';
import { BuildState, DeploymentState } from '@ml-platform/plugin-ml-common';

const BUILD_LABELS: Record<BuildState, string> = {
  queued: 'Queued',
  building: 'Building',
  built: 'Built',
  failed: 'Failed',
  stopped: 'Stopped',
};

const DEPLOYMENT_LABELS: Record<DeploymentState, string> = {
  deploying: 'Deploying',
  deployed: 'Deployed',
  failed: 'Failed',
  stopped: 'Stopped',
};

/** @public */
export interface BuildStatusProps {
  state: BuildState;
}

/** A build's state with the colour and icon Backstage uses. */
export function BuildStatus(props: BuildStatusProps) {
  const text = BUILD_LABELS[props.state];
  switch (props.state) {
    case 'queued':
      return <StatusPending>{text}</StatusPending>;
    case 'building':
      return <StatusRunning>{text}</StatusRunning>;
    case 'built':
      return <StatusOK>{text}</StatusOK>;
    case 'stopped':
      return <StatusAborted>{text}</StatusAborted>;
    default:
      return <StatusError>{text}</StatusError>;
  }
}

/** @public */
export interface DeploymentStatusProps {
  /** No deployment: the model is not deployed. */
  state?: DeploymentState;
  /** Shown after the state, e.g. "1/2 ready". */
  detail?: string;
}

/** A deployment's state; "Not deployed" without one. */
export function DeploymentStatus(props: DeploymentStatusProps) {
  const { state, detail } = props;
  if (!state) {
    return <StatusAborted>Not deployed</StatusAborted>;
  }
  const text = detail
    ? `${DEPLOYMENT_LABELS[state]} · ${detail}`
    : DEPLOYMENT_LABELS[state];
  switch (state) {
    case 'deploying':
      return <StatusPending>{text}</StatusPending>;
    case 'deployed':
      return <StatusOK>{text}</StatusOK>;
    case 'stopped':
      return <StatusAborted>{text}</StatusAborted>;
    default:
      return <StatusError>{text}</StatusError>;
  }
}
