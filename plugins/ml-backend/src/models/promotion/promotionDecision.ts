import { PromotionPolicy } from '@ml-platform/plugin-ml-common';

/** Whether a candidate replaces the active deployment, and why, in a sentence. */
export interface PromotionDecision {
  promote: boolean;
  reason: string;
}

/**
 * Compares a candidate's value of the policy's metric with the active
 * deployment's. Without an active value there is nothing to beat: the
 * candidate is promoted. Otherwise it must be better by at least the
 * margin, and better at all when the margin is 0.
 */
export function decidePromotion(
  policy: Pick<PromotionPolicy, 'metric' | 'better' | 'margin'>,
  candidateValue: number,
  activeValue: number | undefined,
  noActiveReason = 'there is no active value to beat',
): PromotionDecision {
  const { metric, better, margin } = policy;
  if (activeValue === undefined) {
    return {
      promote: true,
      reason: `${metric} ${candidateValue}: ${noActiveReason}`,
    };
  }
  const gain =
    better === 'higher'
      ? candidateValue - activeValue
      : activeValue - candidateValue;
  if (gain > 0 && gain >= margin) {
    return {
      promote: true,
      reason: `${metric} ${candidateValue} beats the active ${activeValue} by ${round(
        gain,
      )} (margin ${margin})`,
    };
  }
  return {
    promote: false,
    reason: `${metric} ${candidateValue} does not beat the active ${activeValue} by ${margin}`,
  };
}

/** A difference of floats as people read it (0.30000000000000004 → 0.3). */
function round(value: number): number {
  return Number(value.toPrecision(12));
}
