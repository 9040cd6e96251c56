import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import { Application } from '@ml-platform/plugin-ml-common';
import { mlApiRef } from '../../api';
import { usePolledAsync } from '../../hooks/usePolledAsync';
import { isActiveState } from '../../lib/workloads';
import { WorkloadLogs } from '../WorkloadLogs';

/** The log of an application's current (or last) workload. */
export function ApplicationLogsDialog(props: {
  application?: Application;
  onClose: () => void;
}) {
  const { application, onClose } = props;
  const api = useApi(mlApiRef);
  const workloadId = application?.workloadId;
  const { value, error } = usePolledAsync(
    async () => (workloadId ? api.getWorkload(workloadId) : undefined),
    [api, workloadId],
    w => Boolean(w && isActiveState(w.state)),
  );
  let content;
  if (!workloadId) {
    content = 'This application has not run yet.';
  } else if (error && !value) {
    content = <ResponseErrorPanel error={error} />;
  } else if (!value) {
    content = <Progress />;
  } else {
    content = <WorkloadLogs workload={value} title="Log" />;
  }
  return (
    <Dialog
      open={Boolean(application)}
      onClose={onClose}
      fullWidth
      maxWidth="lg"
      aria-labelledby="ml-app-logs-title"
    >
      <DialogTitle id="ml-app-logs-title">{`Logs of ${
        application?.name ?? ''
      }`}</DialogTitle>
      <DialogContent>{content}</DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Close</Button>
      </DialogActions>
    </Dialog>
  );
}
