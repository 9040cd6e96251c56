import { BuildState, DeploymentState } from '@ml-platform/plugin-ml-common';
import { COMMON_LOOKS, StatusChip, StatusLook } from '../StatusChip';

const { queued, failed, stopped } = COMMON_LOOKS;

const BUILD_LOOKS: Record<BuildState, StatusLook> = {
  queued,
  building: { label: 'Building', kind: 'running' },
  built: { label: 'Built', kind: 'ok' },
  failed,
  stopped,
};

const DEPLOYMENT_LOOKS: Record<DeploymentState, StatusLook> = {
  deploying: { label: 'Deploying', kind: 'pending' },
  deployed: { label: 'Deployed', kind: 'ok' },
  failed,
  stopped,
};

/** @public */
export interface BuildStatusProps {
  state: BuildState;
}

/** A build's state with the colour and icon Backstage uses. */
export function BuildStatus(props: BuildStatusProps) {
  return <StatusChip look={BUILD_LOOKS[props.state]} />;
}

/** @public */
export interface DeploymentStatusProps {
  /** No deployment: the model is not deployed. */
  state?: DeploymentState;
  /** Shown after the state, e.g. "1/2 ready". */
  detail?: string;
}

const NOT_DEPLOYED: StatusLook = { label: 'Not deployed', kind: 'aborted' };

/** A deployment's state; "Not deployed" without one. */
export function DeploymentStatus(props: DeploymentStatusProps) {
  const { state, detail } = props;
  if (!state) {
    return <StatusChip look={NOT_DEPLOYED} />;
  }
  return <StatusChip look={DEPLOYMENT_LOOKS[state]} detail={detail} />;
}
