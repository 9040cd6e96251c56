import {
  describeRole,
  describeVisibility,
  isGroupRef,
  teamRoleHelp,
} from './roles';

describe('roles', () => {
  it('says what a role may do and who sees a visibility, in one line', () => {
    expect(describeRole('operator')).toBe(
      'operator: also starts and stops job runs, applications and model deployments',
    );
    expect(describeVisibility('team')).toBe(
      "team: also the members of the owner's groups",
    );
  });

  it('explains the team role by the owner', () => {
    expect(isGroupRef('group:default/ml-team')).toBe(true);
    expect(isGroupRef('user:default/jane')).toBe(false);
    expect(teamRoleHelp('group:default/ml-team', 'viewer')).toMatch(
      /^Members of group:default\/ml-team get this role; viewer: reads/,
    );
    expect(teamRoleHelp('user:default/jane', 'viewer')).toMatch(
      /only used when a group owns the project/,
    );
  });
});
