import { screen } from '@testing-library/react';

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
