import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError, NotFoundError } from '@backstage/errors';
import {
  AuthorizeResult,
  PermissionCriteria,
  PolicyDecision,
  ResourcePermission,
} from '@backstage/plugin-permission-common';
import {
  createConditionAuthorizer,
  createConditionTransformer,
  PermissionRuleset,
} from '@backstage/plugin-permission-node';
import {
  ML_PROJECT_RESOURCE_TYPE,
  mlProjectReadPermission,
  Project,
  roleForProjectPermission,
} from '@ml-platform/plugin-ml-common';
import {
  MlProjectFilter,
  MlProjectResource,
} from '@ml-platform/plugin-ml-node';
import { ProjectStore } from '../database';
import { OwnerGroups } from './OwnerGroups';
import { ProjectResources } from './ProjectResources';
import { isOwnerGroupMember } from './rules';

type ProjectPermission = ResourcePermission<typeof ML_PROJECT_RESOURCE_TYPE>;

/**
 * Which projects a list may show: all, none, or those matching the
 * criteria (the store turns them into SQL).
 */
export type ProjectListAccess =
  | { all: true }
  | { none: true }
  | { criteria: PermissionCriteria<MlProjectFilter> };

function mentionsRule(decision: PolicyDecision, ruleName: string): boolean {
  if (decision.result !== AuthorizeResult.CONDITIONAL) return false;
  return JSON.stringify(decision.conditions).includes(`"rule":"${ruleName}"`);
}

/**
 * The one place that decides what a caller may do with a project, through
 * the permission framework: the policy answers for the ML project
 * permissions, and conditional answers are applied here to the project
 * (or, for lists, turned into a query).
 */
export class ProjectAccess {
  private readonly authorizer: (
    decision: PolicyDecision,
    resource?: MlProjectResource,
  ) => boolean;
  private readonly transform: (
    conditions: PermissionCriteria<any>,
  ) => PermissionCriteria<MlProjectFilter>;

  constructor(
    private readonly deps: {
      permissions: PermissionsService;
      ruleset: PermissionRuleset<MlProjectResource, MlProjectFilter>;
      projects: ProjectStore;
      resources: ProjectResources;
      ownerGroups: OwnerGroups;
    },
  ) {
    this.authorizer = createConditionAuthorizer(deps.ruleset);
    this.transform = createConditionTransformer(deps.ruleset);
  }

  /**
   * The project, if the caller holds the permission on it. A project they
   * may not even read is reported missing (404), so its existence does not
   * leak; one they read but may not change this way is a 403 that names
   * the role it needs.
   */
  async authorize(
    credentials: BackstageCredentials,
    projectId: string,
    permission: ProjectPermission,
  ): Promise<Project> {
    const wanted: ProjectPermission[] =
      permission.name === mlProjectReadPermission.name
        ? [mlProjectReadPermission]
        : [mlProjectReadPermission, permission];
    const decisions = await this.deps.permissions.authorizeConditional(
      wanted.map(p => ({ permission: p })),
      { credentials },
    );
    const project = await this.deps.projects
      .get(projectId)
      .catch(() => undefined);
    const missing = new NotFoundError(`No project with id '${projectId}'`);
    if (!project) throw missing;
    if (decisions.every(d => d.result === AuthorizeResult.ALLOW))
      return project;

    const resource = await this.deps.resources.resource(project, {
      ownerGroups: decisions.some(d =>
        mentionsRule(d, isOwnerGroupMember.name),
      ),
    });
    if (!this.authorizer(decisions[0], resource)) throw missing;
    if (decisions.length > 1 && !this.authorizer(decisions[1], resource)) {
      const role = roleForProjectPermission(permission.name);
      throw new NotAllowedError(
        `This needs the ${role} role on project '${project.name}' (permission ${permission.name}), which you do not have`,
      );
    }
    return project;
  }

  /** Whether the caller holds the permission on the project (no errors). */
  async allows(
    credentials: BackstageCredentials,
    projectId: string,
    permission: ProjectPermission,
  ): Promise<boolean> {
    try {
      await this.authorize(credentials, projectId, permission);
      return true;
    } catch (error) {
      if (error instanceof NotFoundError || error instanceof NotAllowedError) {
        return false;
      }
      throw error;
    }
  }

  /**
   * A test of whether the caller may read a project, for lists that mix
   * projects (a workspace's queue): one policy decision, applied to each.
   */
  async readTest(
    credentials: BackstageCredentials,
  ): Promise<(projectId: string) => Promise<boolean>> {
    const [decision] = await this.deps.permissions.authorizeConditional(
      [{ permission: mlProjectReadPermission }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.CONDITIONAL) {
      const allowed = decision.result === AuthorizeResult.ALLOW;
      return async () => allowed;
    }
    const needsGroups = mentionsRule(decision, isOwnerGroupMember.name);
    const answers = new Map<string, Promise<boolean>>();
    return projectId => {
      let answer = answers.get(projectId);
      if (!answer) {
        answer = (async () => {
          const project = await this.deps.projects
            .get(projectId)
            .catch(() => undefined);
          if (!project) return false;
          const resource = await this.deps.resources.resource(project, {
            ownerGroups: needsGroups,
          });
          return this.authorizer(decision, resource);
        })();
        answers.set(projectId, answer);
      }
      return answer;
    };
  }

  /** Which projects the caller may read, for list queries. */
  async readable(
    credentials: BackstageCredentials,
  ): Promise<ProjectListAccess> {
    const [decision] = await this.deps.permissions.authorizeConditional(
      [{ permission: mlProjectReadPermission }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.CONDITIONAL) {
      return decision.result === AuthorizeResult.ALLOW
        ? { all: true }
        : { none: true };
    }
    return { criteria: await this.expand(this.transform(decision.conditions)) };
  }

  /**
   * Owner groups of user-owned projects are not stored: "owned by a member
   * of these groups" becomes "owned by these groups or by their members".
   */
  private async expand(
    criteria: PermissionCriteria<MlProjectFilter>,
  ): Promise<PermissionCriteria<MlProjectFilter>> {
    const all = (items: PermissionCriteria<MlProjectFilter>[]) =>
      Promise.all(items.map(c => this.expand(c))) as Promise<
        [
          PermissionCriteria<MlProjectFilter>,
          ...PermissionCriteria<MlProjectFilter>[],
        ]
      >;
    if ('allOf' in criteria) return { allOf: await all(criteria.allOf) };
    if ('anyOf' in criteria) return { anyOf: await all(criteria.anyOf) };
    if ('not' in criteria) {
      return { not: await this.expand(criteria.not) };
    }
    if ('ownerGroupIn' in criteria) {
      const members = await this.deps.ownerGroups.members(
        criteria.ownerGroupIn,
      );
      return { owner: [...criteria.ownerGroupIn, ...members] };
    }
    return criteria;
  }
}
