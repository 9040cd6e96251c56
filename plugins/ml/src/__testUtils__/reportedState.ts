import { useState } from 'react';

/**
 * The state of a controlled component under test: it changes as the
 * component asks, and each change is also reported to `report` (a spy).
 */
export function useReportedState<T>(
  initial: T | (() => T),
  report: (value: T) => void,
) {
  const [value, setValue] = useState<T>(initial);
  const change = (next: T) => {
    setValue(next);
    report(next);
  };
  return [value, change] as const;
}
