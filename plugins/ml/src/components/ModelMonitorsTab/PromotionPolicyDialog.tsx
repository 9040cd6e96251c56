import {
  PromotionPolicy,
  PromotionPolicyInput,
} from '@ml-platform/plugin-ml-common';
import { useDialogForm } from '../../hooks/useDialogForm';
import { DialogOpenProps, FormDialog } from '../FormDialog';
import {
  FormRow,
  FormTextField,
  SelectField,
  SwitchField,
} from '../FormFields';

export interface PromotionPolicyDialogProps extends DialogOpenProps {
  /** The policy to change; a new one without it. */
  policy?: PromotionPolicy;
  onSave: (policy: PromotionPolicyInput) => Promise<unknown>;
}

interface PolicyValues {
  enabled: boolean;
  metric: string;
  source: NonNullable<PromotionPolicyInput['source']>;
  better: PromotionPolicyInput['better'];
  margin: string;
}

function policyValues(policy?: PromotionPolicy): PolicyValues {
  return {
    enabled: policy?.enabled ?? true,
    metric: policy?.metric ?? '',
    source: policy?.source ?? 'mlflowRun',
    better: policy?.better ?? 'lower',
    margin: String(policy?.margin ?? 0),
  };
}

/**
 * Sets the rule a retrained candidate must pass to replace the active
 * deployment: its metric, where it is read from, which way is better and by
 * how much it must beat the active one.
 */
export function PromotionPolicyDialog(props: PromotionPolicyDialogProps) {
  const { open, onClose, policy, onSave } = props;
  const form = useDialogForm({
    open,
    initialValues: () => policyValues(policy),
    validate: values => ({
      metric: !values.metric.trim() && 'The metric to compare, e.g. "rmse"',
      margin:
        !(values.margin.trim() !== '' && Number(values.margin) >= 0) &&
        'A number from 0',
    }),
    onSubmit: values =>
      onSave({
        enabled: values.enabled,
        metric: values.metric.trim(),
        source: values.source,
        better: values.better,
        margin: Number(values.margin),
      }),
    onSuccess: onClose,
  });
  const { values, setValues, fieldProps } = form;

  return (
    <FormDialog
      open={open}
      onClose={onClose}
      titleId="ml-promotion-title"
      title="Promotion policy"
      submitLabel="Save"
      form={form}
    >
      <FormRow widths={[2, 1]}>
        <FormTextField
          id="ml-promotion-metric"
          label="Metric"
          {...fieldProps('metric')}
          help="Compared between the candidate and the active deployment"
        />
        <SelectField
          id="ml-promotion-better"
          label="Better is"
          value={values.better}
          options={[
            { value: 'lower', label: 'Lower' },
            { value: 'higher', label: 'Higher' },
          ]}
          onChange={better =>
            setValues({ better: better as PolicyValues['better'] })
          }
        />
      </FormRow>
      <FormRow widths={[2, 1]}>
        <SelectField
          id="ml-promotion-source"
          label="Read from"
          value={values.source}
          options={[
            { value: 'mlflowRun', label: "The candidate's MLflow run" },
            {
              value: 'jobOutput',
              label: 'The file ML_CANDIDATE_METRICS_FILE the job wrote',
            },
          ]}
          onChange={source =>
            setValues({ source: source as PolicyValues['source'] })
          }
        />
        <FormTextField
          id="ml-promotion-margin"
          label="Margin"
          {...fieldProps('margin')}
          help="By how much it must be better"
          inputProps={{ inputMode: 'decimal' }}
        />
      </FormRow>
      <SwitchField label="Enabled" {...fieldProps('enabled')} />
    </FormDialog>
  );
}
