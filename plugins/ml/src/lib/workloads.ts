import {
  ACTIVE_STATES,
  ResourceLimits,
  Workload,
  WorkloadState,
  formatMemory,
} from '@ml-platform/plugin-ml-common';
import { DateTime } from 'luxon';
import { formatGpu, formatVcpu } from './resources';

export function isActiveState(state: WorkloadState): boolean {
  return ACTIVE_STATES.includes(state);
}

/** "45 s", "3 min 20 s", "2 h 5 min", "3 d 4 h": two units are enough. */
export function formatDuration(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  if (seconds < 60) {
    return `${seconds} s`;
  }
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) {
    return seconds % 60 ? `${minutes} min ${seconds % 60} s` : `${minutes} min`;
  }
  const hours = Math.floor(minutes / 60);
  if (hours < 24) {
    return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`;
  }
  const days = Math.floor(hours / 24);
  return hours % 24 ? `${days} d ${hours % 24} h` : `${days} d`;
}

/**
 * How long the workload has run (until now while it runs); undefined before
 * it started.
 */
export function workloadDuration(
  workload: Pick<Workload, 'startedAt' | 'endedAt'>,
  now: number = Date.now(),
): string | undefined {
  if (!workload.startedAt) {
    return undefined;
  }
  const end = workload.endedAt ? Date.parse(workload.endedAt) : now;
  return formatDuration(end - Date.parse(workload.startedAt));
}

export function formatTime(iso: string | undefined): string {
  return iso
    ? DateTime.fromISO(iso).toLocaleString(DateTime.DATETIME_MED_WITH_SECONDS)
    : '—';
}

/**
 * A time as a schedule's own time zone sees it ("Jan 13, 2026, 3:00 AM
 * Europe/Berlin"), so a preview of a cron schedule reads like the schedule.
 * Falls back to the browser's zone for a zone Luxon does not know.
 */
export function formatInZone(iso: string, zone: string): string {
  const time = DateTime.fromISO(iso).setZone(zone);
  return time.isValid
    ? `${time.toLocaleString(DateTime.DATETIME_MED)} ${zone}`
    : DateTime.fromISO(iso).toLocaleString(DateTime.DATETIME_MED);
}

export function describeResources(resources: ResourceLimits): string {
  const parts = [formatVcpu(resources.cpu), formatMemory(resources.memoryMiB)];
  if (resources.gpu > 0) {
    parts.push(formatGpu(resources.gpu));
  }
  return parts.join(' · ');
}
