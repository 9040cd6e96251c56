import { Collaborator } from '@ml-platform/plugin-ml-common';
import { screen } from '@testing-library/react';

/** Bob, a collaborator of a project, with `role` (a viewer by default). */
export function bobAs(role: Collaborator['role'] = 'viewer'): Collaborator {
  return {
    subject: 'user:default/bob',
    role,
    addedAt: '2026-01-10T10:00:00.000Z',
  };
}

/**
 * Expects the collaborators to be listed only: no subject to add, and no role
 * to change or button to remove `subject` with.
 */
export function expectCollaboratorsReadOnly(subject: string) {
  expect(screen.queryByLabelText('Subject')).not.toBeInTheDocument();
  expect(screen.queryByLabelText(`Role of ${subject}`)).not.toBeInTheDocument();
  expect(
    screen.queryByRole('button', { name: `Remove ${subject}` }),
  ).not.toBeInTheDocument();
}
