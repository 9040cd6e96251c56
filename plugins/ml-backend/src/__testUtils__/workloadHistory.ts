/**
 * The states (`attempt:state`) a workload goes through when its first
 * attempt fails and the retry ends in `end`.
 */
export const retriedOnceHistory = (end: string): string[] => [
  '1:queued',
  '1:starting',
  '1:running',
  '1:failed',
  '2:queued',
  '2:starting',
  '2:running',
  `2:${end}`,
];
