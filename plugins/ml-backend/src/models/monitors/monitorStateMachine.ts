import { MonitorState } from '@ml-platform/plugin-ml-common';
import { MonitorReading } from './MonitorSignals';

/** What the state machine needs of a monitor. */
export interface MonitorRule {
  threshold: number;
  direction: 'above' | 'below';
  minSamples: number;
  cooldownSeconds: number;
  state: MonitorState;
  /** Epoch ms of the last job start, if any. */
  lastTriggeredAtMs?: number;
}

/** The outcome of a window's reading. */
export interface MonitorDecision {
  state: Exclude<MonitorState, 'pending'>;
  /** Whether the state differs from the monitor's. */
  transition: boolean;
  /** Whether the monitor's job is to be started now. */
  trigger: boolean;
}

/** Whether a value is beyond the threshold in the monitor's direction. */
export function breaches(
  rule: Pick<MonitorRule, 'threshold' | 'direction'>,
  value: number,
): boolean {
  return rule.direction === 'above'
    ? value > rule.threshold
    : value < rule.threshold;
}

/**
 * The next state of a monitor given a window's reading at `nowMs`:
 * `insufficient_data` with fewer samples than it needs or no value,
 * `alerting` beyond the threshold, `ok` otherwise. The job is started on
 * entering `alerting`, and again while alerting once the cooldown has passed
 * since the last start; never within the cooldown, so a monitor that flaps
 * between `ok` and `alerting` does not retrain on every flap.
 */
export function nextMonitorState(
  rule: MonitorRule,
  reading: MonitorReading,
  nowMs: number,
): MonitorDecision {
  const { value } = reading;
  let state: MonitorDecision['state'];
  if (
    value === undefined ||
    !Number.isFinite(value) ||
    reading.samples < rule.minSamples
  ) {
    state = 'insufficient_data';
  } else {
    state = breaches(rule, value) ? 'alerting' : 'ok';
  }
  const transition = state !== rule.state;
  const cooledDown =
    rule.lastTriggeredAtMs === undefined ||
    nowMs - rule.lastTriggeredAtMs >= rule.cooldownSeconds * 1000;
  const trigger = state === 'alerting' && cooledDown;
  return { state, transition, trigger };
}
