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
} from '@backstage/plugin-permission-common';
import { Request } from 'express';
import { IncomingMessage } from 'node:http';

/** Who is calling, as the routers need it. */
export interface Caller {
  credentials: BackstageCredentials;
  /** The user's entity ref, or the service's subject for service calls. */
  ref: string;
  /** The user's ref and the groups they belong to (for project membership). */
  ownershipRefs: string[];
}

/**
 * Authentication and authorization for the routers: who the caller is and
 * whether a permission allows what they ask for.
 */
export class RequestAccess {
  constructor(
    private readonly deps: {
      httpAuth: HttpAuthService;
      userInfo: UserInfoService;
      permissions: PermissionsService;
    },
  ) {}

  /** A signed-in user (writes are made on behalf of people). */
  async user(req: Request): Promise<Caller> {
    const credentials = await this.deps.httpAuth.credentials(req, {
      allow: ['user'],
    });
    const info = await this.deps.userInfo.getUserInfo(credentials);
    return { credentials, ref: info.userEntityRef, ownershipRefs: info.ownershipEntityRefs };
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
    const info = await this.deps.userInfo.getUserInfo(credentials);
    return { credentials, ref: info.userEntityRef, ownershipRefs: info.ownershipEntityRefs };
  }

  /**
   * The refs that decide a reading user's access to projects, or undefined
   * for another backend plugin (the catalog mirrors every project).
   */
  async readerOwnership(req: Request): Promise<string[] | undefined> {
    const credentials = await this.reader(req);
    if (credentials.principal.type !== 'user') return undefined;
    const info = await this.deps.userInfo.getUserInfo(credentials);
    return info.ownershipEntityRefs;
  }

  /** A user, or another backend plugin reading on someone's behalf. */
  async reader(
    req: Request,
  ): Promise<BackstageCredentials<BackstageUserPrincipal | BackstageServicePrincipal>> {
    return this.deps.httpAuth.credentials(req, { allow: ['user', 'service'] });
  }

  async require(req: Request, permission: BasicPermission): Promise<Caller> {
    const caller = await this.user(req);
    const [decision] = await this.deps.permissions.authorize([{ permission }], {
      credentials: caller.credentials,
    });
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        `You are not allowed to do this: it needs the '${permission.name}' permission`,
      );
    }
    return caller;
  }
}
