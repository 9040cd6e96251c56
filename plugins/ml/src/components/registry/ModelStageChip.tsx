import { MlflowModelStage } from '../../api';
import { StatusChip } from '../StatusChip';
import { MODEL_STAGE_LOOKS } from './registry';

export interface ModelStageChipProps {
  stage?: MlflowModelStage;
  /** Shown after the stage, e.g. the version in it ("v3"). */
  detail?: string;
}

/** A version's stage, in the colours of the plugin's states. */
export function ModelStageChip(props: ModelStageChipProps) {
  const { stage = 'None', detail } = props;
  return <StatusChip look={MODEL_STAGE_LOOKS[stage]} detail={detail} />;
}
