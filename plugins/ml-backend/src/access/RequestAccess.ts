import {
  BackstageCredentials,
  BackstageServicePrincipal,
  BackstageUserPrincipal,
  HttpAuthService,
  PermissionsService,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import {
  AuthorizeResult,
  BasicPermission,
  ResourcePermission,
} from '@backstage/plugin-permission-common';
import {
  ML_PROJECT_RESOURCE_TYPE,
  mlProjectReadPermission,
  mlWorkspaceManagePermission,
  Project,
} from '@ml-platform/plugin-ml-common';
import { Request } from 'express';
import { IncomingMessage } from 'node:http';
import { ProjectAccess } from './ProjectAccess';

/** Who is calling, as the routers need it. */
export interface Caller {
  credentials: BackstageCredentials<BackstageUserPrincipal>;
  /** The user's entity ref, or the service's subject for service calls. */
  ref: string;
  /** The user's ref and the groups they belong to. */
  ownershipRefs: string[];
}

/**
 * Authentication and authorization for the routers: who the caller is, and
 * whether a permission allows what they ask for.
 */
export class RequestAccess {
  constructor(
    private readonly deps: {
      httpAuth: HttpAuthService;
      userInfo: UserInfoService;
      permissions: PermissionsService;
      projects: ProjectAccess;
    },
  ) {}

  /** A signed-in user (changes are made on behalf of people). */
  async user(req: Request): Promise<Caller> {
    const credentials = await this.deps.httpAuth.credentials(req, {
      allow: ['user'],
    });
    return this.callerOf(credentials);
  }

  /**
   * A signed-in user by token or by the portal's user cookie: browsers open
   * applications in a tab of their own, where no token is sent. Takes a bare
   * IncomingMessage too (websocket upgrades never reach express).
   */
  async browserUser(req: Request | IncomingMessage): Promise<Caller> {
    const credentials = await this.deps.httpAuth.credentials(req as Request, {
      allow: ['user'],
      allowLimitedAccess: true,
    });
    return this.callerOf(credentials);
  }

  /** A user, or another backend plugin reading on someone's behalf. */
  async reader(
    req: Request,
  ): Promise<
    BackstageCredentials<BackstageUserPrincipal | BackstageServicePrincipal>
  > {
    return this.deps.httpAuth.credentials(req, { allow: ['user', 'service'] });
  }

  /** A signed-in user who holds a (non-project) permission. */
  async require(req: Request, permission: BasicPermission): Promise<Caller> {
    const caller = await this.user(req);
    if (!(await this.holds(caller.credentials, permission))) {
      throw new NotAllowedError(
        `You are not allowed to do this: it needs the '${permission.name}' permission`,
      );
    }
    return caller;
  }

  /** Whether the credentials hold a (non-project) permission. */
  async holds(
    credentials: BackstageCredentials,
    permission: BasicPermission,
  ): Promise<boolean> {
    const [decision] = await this.deps.permissions.authorize([{ permission }], {
      credentials,
    });
    return decision.result === AuthorizeResult.ALLOW;
  }

  /**
   * The project, if the caller (a user, or a backend plugin) may read it;
   * 404 otherwise.
   */
  async readProject(
    req: Request,
    projectId: string,
  ): Promise<{ project: Project; credentials: BackstageCredentials }> {
    const credentials = await this.reader(req);
    const project = await this.deps.projects.authorize(
      credentials,
      projectId,
      mlProjectReadPermission,
    );
    return { project, credentials };
  }

  /**
   * The project, if the signed-in user holds the permission on it: 404 if
   * they may not read it, 403 if they may read but not do this.
   */
  async projectFor(
    req: Request,
    projectId: string,
    permission: ResourcePermission<typeof ML_PROJECT_RESOURCE_TYPE>,
  ): Promise<{ project: Project; caller: Caller }> {
    const caller = await this.user(req);
    const project = await this.deps.projects.authorize(
      caller.credentials,
      projectId,
      permission,
    );
    return { project, caller };
  }

  /** Like {@link RequestAccess.projectFor}, for a caller already known. */
  authorizeProject(
    credentials: BackstageCredentials,
    projectId: string,
    permission: ResourcePermission<typeof ML_PROJECT_RESOURCE_TYPE>,
  ): Promise<Project> {
    return this.deps.projects.authorize(credentials, projectId, permission);
  }

  /**
   * Refuses an owner the caller may not give work to: a project is owned by
   * its creator or by a group they belong to (its work is charged to that
   * owner's quota); workspace admins may name anyone.
   */
  async assertMayOwn(caller: Caller, owner: string): Promise<void> {
    const mine = caller.ownershipRefs.some(
      ref =>
        ref.toLocaleLowerCase('en-US') === owner.toLocaleLowerCase('en-US'),
    );
    if (
      mine ||
      (await this.holds(caller.credentials, mlWorkspaceManagePermission))
    ) {
      return;
    }
    const groups = caller.ownershipRefs.filter(ref => ref.startsWith('group:'));
    throw new NotAllowedError(
      `You may own projects yourself (${caller.ref})${
        groups.length
          ? ` or give them to a group you belong to (${groups.join(', ')})`
          : ''
      }; '${owner}' is neither`,
    );
  }

  /** Which projects the caller may read, for lists. */
  readableProjects(credentials: BackstageCredentials) {
    return this.deps.projects.readable(credentials);
  }

  /** Whether the caller may read a project, for lists that mix projects. */
  projectReadTest(credentials: BackstageCredentials) {
    return this.deps.projects.readTest(credentials);
  }

  private async callerOf(
    credentials: BackstageCredentials<BackstageUserPrincipal>,
  ): Promise<Caller> {
    const info = await this.deps.userInfo.getUserInfo(credentials);
    return {
      credentials,
      ref: info.userEntityRef,
      ownershipRefs: info.ownershipEntityRefs,
    };
  }
}
