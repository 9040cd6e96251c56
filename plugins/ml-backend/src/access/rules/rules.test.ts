import { MlProjectResource } from '@ml-platform/plugin-ml-node';
import { hasCollaboratorRole } from './hasCollaboratorRole';
import { hasProjectVisibility } from './hasProjectVisibility';
import { hasTeamRole } from './hasTeamRole';
import { isOwnerGroupMember } from './isOwnerGroupMember';
import { isProjectOwner } from './isProjectOwner';

const project: MlProjectResource = {
  id: 'p',
  workspace: 'ws',
  name: 'churn',
  title: 'Churn',
  description: '',
  owner: 'user:default/Alice',
  visibility: 'team',
  teamRole: 'operator',
  env: {},
  createdBy: 'user:default/alice',
  createdAt: '',
  updatedAt: '',
  collaborators: [
    { subject: 'user:default/vera', role: 'viewer', addedAt: '' },
    { subject: 'group:default/reviewers', role: 'contributor', addedAt: '' },
  ],
  ownerGroups: ['group:default/data-science'],
};

describe('ML project permission rules', () => {
  it('isProjectOwner matches the owner among the claims, case-insensitively', () => {
    expect(
      isProjectOwner.apply(project, { claims: ['user:default/alice'] }),
    ).toBe(true);
    expect(
      isProjectOwner.apply(project, { claims: ['user:default/bob'] }),
    ).toBe(false);
    expect(isProjectOwner.toQuery({ claims: ['user:default/alice'] })).toEqual({
      owner: ['user:default/alice'],
    });
  });

  it.each([
    [['user:default/vera'], 'viewer', true],
    [['user:default/vera'], 'operator', false],
    [['user:default/tim', 'group:default/reviewers'], 'contributor', true],
    [['group:default/reviewers'], 'admin', false],
  ] as const)(
    'hasCollaboratorRole matches collaborators at or above the role, users or groups: %j as %s',
    (claims, role, matches) => {
      expect(
        hasCollaboratorRole.apply(project, { claims: [...claims], role }),
      ).toBe(matches);
    },
  );

  it('hasCollaboratorRole queries the collaborators at or above the role', () => {
    expect(
      hasCollaboratorRole.toQuery({
        claims: ['user:default/vera'],
        role: 'contributor',
      }),
    ).toEqual({
      collaborator: {
        subjects: ['user:default/vera'],
        roles: ['contributor', 'admin'],
      },
    });
  });

  it('hasTeamRole compares the project team role', () => {
    expect(hasTeamRole.apply(project, { role: 'viewer' })).toBe(true);
    expect(hasTeamRole.apply(project, { role: 'operator' })).toBe(true);
    expect(hasTeamRole.apply(project, { role: 'contributor' })).toBe(false);
    expect(hasTeamRole.toQuery({ role: 'operator' })).toEqual({
      teamRole: ['operator', 'contributor', 'admin'],
    });
  });

  it('isOwnerGroupMember matches the owner groups', () => {
    expect(
      isOwnerGroupMember.apply(project, {
        claims: ['group:default/Data-Science'],
      }),
    ).toBe(true);
    expect(
      isOwnerGroupMember.apply(project, {
        claims: ['group:default/ml-research'],
      }),
    ).toBe(false);
    expect(isOwnerGroupMember.toQuery({ claims: ['group:default/x'] })).toEqual(
      { ownerGroupIn: ['group:default/x'] },
    );
  });

  it('hasProjectVisibility matches the visibility', () => {
    expect(
      hasProjectVisibility.apply(project, { visibilities: ['team', 'public'] }),
    ).toBe(true);
    expect(
      hasProjectVisibility.apply(project, { visibilities: ['public'] }),
    ).toBe(false);
    expect(hasProjectVisibility.toQuery({ visibilities: ['public'] })).toEqual({
      visibility: ['public'],
    });
  });
});
