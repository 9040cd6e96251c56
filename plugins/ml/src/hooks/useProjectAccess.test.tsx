import { ReactNode } from 'react';
import { renderHook, waitFor } from '@testing-library/react';
import { TestProjectRole, WithProjectRole } from '../__testUtils__';
import {
  ProjectAccess,
  holdsRole,
  needsRole,
  strongestRole,
  useProjectAccess,
} from './useProjectAccess';

function renderAccess(role?: TestProjectRole) {
  const wrapper = ({ children }: { children: ReactNode }) => (
    <WithProjectRole projectRole={role}>{children}</WithProjectRole>
  );
  return renderHook(() => useProjectAccess('p-1'), { wrapper });
}

const loading: ProjectAccess = {
  loading: true,
  canRead: false,
  canOperate: false,
  canWrite: false,
  canAdmin: false,
};

describe('useProjectAccess', () => {
  it('allows nothing while the answers are still coming', async () => {
    const { result } = renderAccess('admin');
    expect(result.current).toEqual(loading);
    expect(holdsRole(result.current, 'viewer')).toBe(false);
    await waitFor(() => expect(result.current.canAdmin).toBe(true));
  });

  it('gives an operator read and operate, not write or admin', async () => {
    const { result } = renderAccess('operator');
    await waitFor(() => expect(result.current.loading).toBe(false));
    expect(result.current).toEqual({
      loading: false,
      canRead: true,
      canOperate: true,
      canWrite: false,
      canAdmin: false,
    });
    expect(holdsRole(result.current, 'operator')).toBe(true);
    expect(holdsRole(result.current, 'contributor')).toBe(false);
    expect(strongestRole(result.current)).toBe('operator');
  });

  it('gives everything when everything is allowed, nothing without a role', async () => {
    const all = renderAccess();
    await waitFor(() => expect(all.result.current.loading).toBe(false));
    expect(strongestRole(all.result.current)).toBe('admin');

    const none = renderAccess('none');
    await waitFor(() => expect(none.result.current.loading).toBe(false));
    expect(none.result.current.canRead).toBe(false);
    expect(strongestRole(none.result.current)).toBeUndefined();
  });

  it('names the role an action needs', () => {
    expect(needsRole('contributor')).toBe(
      'You need the contributor role on this project to do this',
    );
  });
});
