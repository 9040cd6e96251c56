import { useMlApi } from '../../hooks/useMlApi';
import { loadRecentWork } from './recentWork';

/** How many projects the home page cards look into. */
export const HOME_PROJECT_COUNT = 5;

/** The caller's recent projects with their work, for the home page cards. */
export function useRecentWork() {
  return useMlApi(api => loadRecentWork(api, HOME_PROJECT_COUNT));
}
