import { useState } from 'react';
import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
  StructuredMetadataTable,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { Project, PromotionPolicy } from '@ml-platform/plugin-ml-common';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { mlApiRef } from '../../api';
import { ProjectAccess } from '../../hooks/useProjectAccess';
import { formatTime } from '../../lib/workloads';
import { DeleteAction, GatedButton } from '../GatedButton';
import { PromotionPolicyDialog } from './PromotionPolicyDialog';

export interface PromotionPolicyCardProps {
  project: Project;
  modelId: string;
  access: ProjectAccess;
}

const SOURCE_LABELS: Record<PromotionPolicy['source'], string> = {
  mlflowRun: "the candidate's MLflow run",
  jobOutput: "the job's output file",
};

/**
 * The model's promotion policy: whether a retrained candidate replaces the
 * active deployment. Operators set and remove it.
 */
export function PromotionPolicyCard(props: PromotionPolicyCardProps) {
  const { project, modelId, access } = props;
  const api = useApi(mlApiRef);
  const [editing, setEditing] = useState(false);
  const policy = useAsyncRetry(
    async () => (await api.getPromotionPolicy(project.id, modelId)) ?? null,
    [api, project.id, modelId],
  );
  const requires = { access, role: 'operator' as const };

  let content;
  if (policy.loading && policy.value === undefined) {
    content = <Progress />;
  } else if (policy.error) {
    content = <ResponseErrorPanel error={policy.error} />;
  } else if (!policy.value) {
    content = (
      <Typography color="textSecondary">
        No policy: a job's candidates are neither deployed nor refused.
      </Typography>
    );
  } else {
    const p = policy.value;
    content = (
      <StructuredMetadataTable
        metadata={{
          State: p.enabled ? 'Enabled' : 'Disabled',
          Metric: `${p.metric}, ${p.better} is better`,
          'Read from': SOURCE_LABELS[p.source],
          Margin: String(p.margin),
          'Updated by': `${p.updatedBy}, ${formatTime(p.updatedAt)}`,
        }}
      />
    );
  }

  return (
    <InfoCard
      title="Promotion policy"
      subheader="What a retrained candidate must beat to replace the active deployment"
    >
      {content}
      <Box display="flex" marginTop={2}>
        <GatedButton
          variant="outlined"
          color="primary"
          requires={requires}
          disabled={policy.value === undefined}
          onClick={() => setEditing(true)}
        >
          {policy.value ? 'Edit policy' : 'Set policy'}
        </GatedButton>
        {policy.value && (
          <Box marginLeft={1}>
            <DeleteAction
              requires={requires}
              question="Remove the promotion policy?"
              consequences="Candidates are then deployed without a comparison."
              onDelete={async () => {
                await api.deletePromotionPolicy(project.id, modelId);
                policy.retry();
              }}
            >
              Remove
            </DeleteAction>
          </Box>
        )}
      </Box>
      <PromotionPolicyDialog
        open={editing}
        policy={policy.value ?? undefined}
        onSave={async input => {
          await api.putPromotionPolicy(project.id, modelId, input);
          policy.retry();
        }}
        onClose={() => setEditing(false)}
      />
    </InfoCard>
  );
}
