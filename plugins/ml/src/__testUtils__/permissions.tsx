import { ReactNode, useMemo } from 'react';
import {
  AuthorizeResult,
  EvaluatePermissionRequest,
} from '@backstage/plugin-permission-common';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { mockApis, TestApiProvider } from '@backstage/test-utils';
import {
  CollaboratorRole,
  ML_PROJECT_RESOURCE_TYPE,
  roleAtLeast,
  roleForProjectPermission,
} from '@ml-platform/plugin-ml-common';
import { screen, waitFor } from '@testing-library/react';
import { SWRConfig } from 'swr';

/** A user's standing on every project of a test: a role, or none at all. */
export type TestProjectRole = CollaboratorRole | 'none';

type Decision = AuthorizeResult.ALLOW | AuthorizeResult.DENY;

/**
 * The decision of a policy that gives the user `role` on every project (and
 * every permission that is not a project's).
 */
export function decideAs(role: TestProjectRole) {
  return (request: EvaluatePermissionRequest): Decision => {
    const { permission } = request;
    if (
      permission.type !== 'resource' ||
      permission.resourceType !== ML_PROJECT_RESOURCE_TYPE
    ) {
      return AuthorizeResult.ALLOW;
    }
    return role !== 'none' &&
      roleAtLeast(role, roleForProjectPermission(permission.name))
      ? AuthorizeResult.ALLOW
      : AuthorizeResult.DENY;
  };
}

/** @public */
export interface WithProjectRoleProps {
  /** The user's role on the projects; by default everything is allowed. */
  projectRole?: TestProjectRole;
  /** Or decide each request yourself. */
  authorize?: (request: EvaluatePermissionRequest) => Decision;
  /** Never answers: what the user sees while the permissions load. */
  pending?: boolean;
  children: ReactNode;
}

/**
 * Provides the permission API the project components ask (`usePermission`),
 * allowing everything or what a role holds, with its own answer cache: the
 * permission hook caches answers for the whole test file otherwise, and a
 * test would see the answers of the test before it.
 */
export function WithProjectRole(props: WithProjectRoleProps) {
  const { projectRole: role, authorize, pending, children } = props;
  const permissionApi = useMemo(() => {
    if (pending) {
      return { authorize: () => new Promise<never>(() => {}) };
    }
    if (authorize) {
      return mockApis.permission({ authorize });
    }
    return role
      ? mockApis.permission({ authorize: decideAs(role) })
      : mockApis.permission();
  }, [role, authorize, pending]);
  return (
    <SWRConfig value={{ provider: () => new Map() }}>
      <TestApiProvider apis={[[permissionApiRef, permissionApi]]}>
        {children}
      </TestApiProvider>
    </SWRConfig>
  );
}

/**
 * The button of that name once it is enabled: project actions stay disabled
 * until the permissions are known.
 */
export async function findEnabledButton(name: string | RegExp) {
  const button = await screen.findByRole('button', { name });
  await waitFor(() => expect(button).toBeEnabled());
  return button;
}
