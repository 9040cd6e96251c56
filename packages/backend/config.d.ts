export interface Config {
  ml?: {
    /** Who the portal's permission policy treats as ML platform admins. */
    access?: {
      /**
       * User and group entity refs of the workspace admins: they hold
       * `ml.workspace.manage` and `ml.runtime.manage` and every project
       * permission. Everyone else gets CML's project roles.
       */
      workspaceAdmins?: string[];
    };
  };
}
