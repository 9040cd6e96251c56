import { project } from '../__testUtils__/fixtures';
import { projectAccessOf } from './projectAccess';

const collaborators = [
  { subject: 'user:default/Vera' },
  { subject: 'group:default/reviewers' },
];

describe('projectAccessOf', () => {
  it('has the owner and the collaborators read a private project', () => {
    expect(
      projectAccessOf({
        project: project('p', 'churn', { visibility: 'private' }),
        collaborators,
        // Only team projects let the owner's groups read.
        ownerGroups: ['group:default/data-science'],
      }),
    ).toEqual({
      visibility: 'private',
      readers: [
        'group:default/reviewers',
        'user:default/jane',
        'user:default/vera',
      ],
    });
  });

  it("adds the owning user's groups for a team project", () => {
    expect(
      projectAccessOf({
        project: project('p', 'churn', { visibility: 'team' }),
        collaborators: [{ subject: 'user:default/vera' }],
        ownerGroups: ['group:default/data-science', 'group:default/Analysts'],
      }),
    ).toEqual({
      visibility: 'team',
      readers: [
        'group:default/analysts',
        'group:default/data-science',
        'user:default/jane',
        'user:default/vera',
      ],
    });
  });

  it('has the owning group read a team project it owns, once', () => {
    expect(
      projectAccessOf({
        project: project('p', 'churn', {
          visibility: 'team',
          owner: 'group:default/data-science',
        }),
        collaborators: [],
        ownerGroups: ['group:default/data-science'],
      }),
    ).toEqual({ visibility: 'team', readers: ['group:default/data-science'] });
  });

  it('restricts nothing of a public project', () => {
    expect(
      projectAccessOf({
        project: project('p', 'churn', { visibility: 'public' }),
        collaborators,
        ownerGroups: [],
      }),
    ).toBeUndefined();
  });
});
