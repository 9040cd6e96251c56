import { useState } from 'react';
import Box from '@material-ui/core/Box';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import Switch from '@material-ui/core/Switch';
import { MlflowTag } from '../../../api';
import { isSystemTag } from '../runs';
import { KeyValueTable } from './KeyValueTable';

export interface RunTagsCardProps {
  tags: MlflowTag[];
}

/** The run's tags; MLflow's and the platform's own only on request. */
export function RunTagsCard(props: RunTagsCardProps) {
  const [showSystem, setShowSystem] = useState(false);
  const systemCount = props.tags.filter(t => isSystemTag(t.key)).length;
  const rows = showSystem
    ? props.tags
    : props.tags.filter(t => !isSystemTag(t.key));
  return (
    <Box>
      <KeyValueTable
        title="Tags"
        rows={rows}
        emptyContent={
          systemCount
            ? 'No tags of your own; the system tags are hidden.'
            : 'No tags.'
        }
      />
      {systemCount > 0 && (
        <FormControlLabel
          control={
            <Switch
              checked={showSystem}
              onChange={e => setShowSystem(e.target.checked)}
            />
          }
          label={`Show system tags (mlflow.*, ml.*: ${systemCount})`}
        />
      )}
    </Box>
  );
}
