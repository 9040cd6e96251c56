/*
 * Generated from plugins/ml-backend/openapi.yaml by
 * plugins/ml-common/scripts/generate-openapi-types.mjs; do not edit.
 * Change the spec and run `yarn workspace @ml-platform/plugin-ml-common generate:openapi`.
 */

/* eslint-disable */
export interface paths {
  '/workspaces': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List workspaces
     * @description Lists workspaces, one page at a time. `filter` searches name, title,
     *     description and owner. Users and services may call it.
     *
     */
    get: operations['listWorkspaces'];
    put?: never;
    /**
     * Create a workspace
     * @description Creates a workspace. Needs the `ml.workspace.manage` permission. The
     *     owner defaults to the caller, the title to the name, and the default
     *     user quota to the configured `ml.defaultUserQuota` (or 2 vCPU, 8 GiB,
     *     0 GPU). The driver must be installed in this backend (`local` always is).
     *
     */
    post: operations['createWorkspace'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/workspaces/{workspace}': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The workspace's name. */
        workspace: components['parameters']['WorkspaceName'];
      };
      cookie?: never;
    };
    /**
     * Get a workspace
     * @description Users and services may call it.
     */
    get: operations['getWorkspace'];
    put?: never;
    post?: never;
    /**
     * Delete a workspace
     * @description Deletes the workspace with its resource profiles and quotas. Refused
     *     with 409 while work runs or waits in it (the message says what, and
     *     in which projects: "Workspace 'ws' still runs 2 sessions and 1 job
     *     run in projects churn, fraud; stop them first"), and while it still
     *     has projects. Needs the `ml.workspace.manage` permission.
     *
     */
    delete: operations['deleteWorkspace'];
    options?: never;
    head?: never;
    /**
     * Update a workspace
     * @description Changes the given fields; `name` and `driver` cannot change. `env`,
     *     `nodeGroups` and `defaultUserQuota` are replaced as a whole. New node
     *     groups are refused (400) when a resource profile of the workspace would
     *     no longer fit any node. Needs the `ml.workspace.manage` permission.
     *
     */
    patch: operations['updateWorkspace'];
    trace?: never;
  };
  '/workspaces/{workspace}/capacity': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The workspace's name. */
        workspace: components['parameters']['WorkspaceName'];
      };
      cookie?: never;
    };
    /**
     * Get a workspace's capacity
     * @description What the workspace's node groups provide now and at most, what running
     *     work holds, and the largest node. Users and services may call it.
     *
     */
    get: operations['getWorkspaceCapacity'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/workspaces/{workspace}/profiles': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The workspace's name. */
        workspace: components['parameters']['WorkspaceName'];
      };
      cookie?: never;
    };
    /**
     * List a workspace's resource profiles
     * @description `filter` searches name and description. Users and services may call it.
     *
     */
    get: operations['listProfiles'];
    put?: never;
    /**
     * Create a resource profile
     * @description The profile must fit at least one node of the workspace (400
     *     otherwise), and its name must be new in the workspace (409 otherwise).
     *     Needs the `ml.workspace.manage` permission.
     *
     */
    post: operations['createProfile'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/workspaces/{workspace}/profiles/{profile}': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The workspace's name. */
        workspace: components['parameters']['WorkspaceName'];
        /** @description The resource profile's name. */
        profile: components['parameters']['ProfileName'];
      };
      cookie?: never;
    };
    /**
     * Get a resource profile
     * @description Users and services may call it.
     */
    get: operations['getProfile'];
    put?: never;
    post?: never;
    /**
     * Delete a resource profile
     * @description Needs the `ml.workspace.manage` permission.
     */
    delete: operations['deleteProfile'];
    options?: never;
    head?: never;
    /**
     * Update a resource profile
     * @description Changes the given fields. The changed profile must still fit at least
     *     one node of the workspace (400 otherwise). Needs the
     *     `ml.workspace.manage` permission.
     *
     */
    patch: operations['updateProfile'];
    trace?: never;
  };
  '/workspaces/{workspace}/quotas': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The workspace's name. */
        workspace: components['parameters']['WorkspaceName'];
      };
      cookie?: never;
    };
    /**
     * List a workspace's quotas
     * @description The quotas of users and teams in the workspace. Users without a quota
     *     of their own get the workspace's `defaultUserQuota`. `filter` searches
     *     the subject. Users and services may call it.
     *
     */
    get: operations['listQuotas'];
    put?: never;
    /**
     * Create a quota for a user or a team
     * @description A subject has at most one quota per workspace (409 when it already has
     *     one; edit that one instead). Needs the `ml.workspace.manage` permission.
     *
     */
    post: operations['createQuota'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/workspaces/{workspace}/quotas/{quotaId}': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The workspace's name. */
        workspace: components['parameters']['WorkspaceName'];
        /** @description The quota's id. */
        quotaId: components['parameters']['QuotaId'];
      };
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /**
     * Delete a quota
     * @description Needs the `ml.workspace.manage` permission.
     */
    delete: operations['deleteQuota'];
    options?: never;
    head?: never;
    /**
     * Update a quota
     * @description Changes the given amounts. Needs the `ml.workspace.manage` permission.
     */
    patch: operations['updateQuota'];
    trace?: never;
  };
  '/runtimes': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List runtimes
     * @description By default only the newest maintenance version of each editor / kernel /
     *     edition / short version is listed; `all=true` lists every version.
     *     `filter` searches editor, kernel, edition and short version. Users and
     *     services may call it.
     *
     */
    get: operations['listRuntimes'];
    put?: never;
    /**
     * Add a runtime to the catalog
     * @description A runtime needs an `image` (Kubernetes driver) or a `command` (local
     *     driver), or both. The editor / kernel / edition / short version /
     *     maintenance version tuple must be new (409 otherwise). Needs the
     *     `ml.runtime.manage` permission.
     *
     */
    post: operations['createRuntime'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/runtimes/{runtimeId}': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The runtime's id. */
        runtimeId: components['parameters']['RuntimeId'];
      };
      cookie?: never;
    };
    /**
     * Get a runtime
     * @description Users and services may call it.
     */
    get: operations['getRuntime'];
    put?: never;
    post?: never;
    /**
     * Delete a runtime
     * @description Needs the `ml.runtime.manage` permission.
     */
    delete: operations['deleteRuntime'];
    options?: never;
    head?: never;
    /**
     * Update a runtime
     * @description Changes the description, image, command or enabled flag; `null`
     *     clears the image or the command. Refused (400) when the runtime would
     *     be left with neither an image nor a command. Needs the
     *     `ml.runtime.manage` permission.
     *
     */
    patch: operations['updateRuntime'];
    trace?: never;
  };
  '/projects': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List projects
     * @description `filter` searches name, title, description and owner; `workspace` and
     *     `owner` narrow the list to one workspace or one owner. Users and
     *     services may call it.
     *
     */
    get: operations['listProjects'];
    put?: never;
    /**
     * Create a project
     * @description Creates the project and its folder, which starts with a `README.md`.
     *     The owner defaults to the caller and the title to the name; the name
     *     must be new in the workspace (409 otherwise). Needs the
     *     `ml.project.create` permission.
     *
     */
    post: operations['createProject'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/projects/{projectId}': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The project's id. */
        projectId: components['parameters']['ProjectId'];
      };
      cookie?: never;
    };
    /**
     * Get a project
     * @description Users and services may call it.
     */
    get: operations['getProject'];
    put?: never;
    post?: never;
    /**
     * Delete a project
     * @description Deletes the project, its collaborators and its files. Needs a user token.
     */
    delete: operations['deleteProject'];
    options?: never;
    head?: never;
    /**
     * Update a project
     * @description Changes the given fields; `workspace` and `name` cannot change and
     *     `env` is replaced as a whole. Needs a user token.
     *
     */
    patch: operations['updateProject'];
    trace?: never;
  };
  '/projects/{projectId}/collaborators': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The project's id. */
        projectId: components['parameters']['ProjectId'];
      };
      cookie?: never;
    };
    /**
     * List a project's collaborators
     * @description All collaborators, sorted by subject (not paged). Roles are stored and
     *     listed; they are not yet enforced on project access. Users and
     *     services may call it.
     *
     */
    get: operations['listCollaborators'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/projects/{projectId}/collaborators/{subject}': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The project's id. */
        projectId: components['parameters']['ProjectId'];
        /** @description Entity ref of the collaborating user or group, URL-encoded as one path
         *     segment (`user%3Adefault%2Fjane`).
         *      */
        subject: components['parameters']['CollaboratorSubject'];
      };
      cookie?: never;
    };
    get?: never;
    /**
     * Add a collaborator or change its role
     * @description Adds the user or group as a collaborator with the role, or changes the
     *     role of an existing collaborator (keeping its `addedAt`). Needs a user
     *     token.
     *
     */
    put: operations['putCollaborator'];
    post?: never;
    /**
     * Remove a collaborator
     * @description 404 when the subject is not a collaborator of the project. Needs a user token.
     */
    delete: operations['deleteCollaborator'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/projects/{projectId}/files': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The project's id. */
        projectId: components['parameters']['ProjectId'];
      };
      cookie?: never;
    };
    /**
     * List a project folder
     * @description Lists the entries of a folder (the project root by default), sorted by
     *     name; with `recursive=true` each folder is followed by its contents.
     *     Symbolic links are listed only when they stay inside the project, and
     *     linked folders are not descended into. At most 10,000 entries are
     *     returned (not paged). Users and services may call it.
     *
     */
    get: operations['listProjectFiles'];
    put?: never;
    post?: never;
    /**
     * Delete a file or folder
     * @description Deletes a file, or a folder with everything in it. Deleting a symbolic
     *     link removes the link only. The project root cannot be deleted. Needs
     *     a user token.
     *
     */
    delete: operations['deleteProjectFile'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/projects/{projectId}/files/content': {
    parameters: {
      query: {
        /** @description The file or folder, relative to the project root; it cannot be the root itself. */
        path: components['parameters']['FilePath'];
      };
      header?: never;
      path: {
        /** @description The project's id. */
        projectId: components['parameters']['ProjectId'];
      };
      cookie?: never;
    };
    /**
     * Download a file
     * @description Returns the file's bytes as `application/octet-stream`, as an
     *     attachment. 400 when the path is a folder. Users and services may call it.
     *
     */
    get: operations['readProjectFile'];
    /**
     * Upload a file
     * @description Writes the request body to the file byte for byte, whatever its
     *     `Content-Type` (a JSON file is stored as sent, not parsed). Creates
     *     missing parent folders and replaces an existing file atomically; 409
     *     when the path is a folder. An absent body writes an empty file. The
     *     body may be at most `ml.storage.maxUploadMiB` (default 100 MiB).
     *     Needs a user token.
     *
     */
    put: operations['writeProjectFile'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/projects/{projectId}/files/directories': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The project's id. */
        projectId: components['parameters']['ProjectId'];
      };
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Create a folder
     * @description Creates the folder and any missing parents; 409 when something already
     *     exists at the path. Needs a user token.
     *
     */
    post: operations['createProjectDirectory'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/projects/{projectId}/files/rename': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The project's id. */
        projectId: components['parameters']['ProjectId'];
      };
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Rename or move a file or folder
     * @description Moves `from` to `to`, creating missing parent folders of `to`. 404 when
     *     `from` does not exist, 409 when `to` already exists, 400 when moving a
     *     folder into itself. Needs a user token.
     *
     */
    post: operations['renameProjectFile'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/projects/{projectId}/files/archive': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The project's id. */
        projectId: components['parameters']['ProjectId'];
      };
      cookie?: never;
    };
    /**
     * Download the project as a tar.gz
     * @description A gzipped tarball of the project's files, as an attachment named
     *     `<project name>.tar.gz`. Symbolic links are stored as links, not
     *     followed. Users and services may call it.
     *
     */
    get: operations['downloadProjectArchive'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/projects/{projectId}/quota': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The project's id. */
        projectId: components['parameters']['ProjectId'];
      };
      cookie?: never;
    };
    /**
     * Get the quota a project's work counts against
     * @description Work of a project is charged to the project's owner. Answers the
     *     owner's quota in the project's workspace (a user without a quota of
     *     their own gets the workspace's `defaultUserQuota`; a team without one
     *     is limited only by capacity) and what the owner's starting and running
     *     work in that workspace holds now, so that pickers can show which
     *     resource profiles fit. Users and services may call it.
     *
     */
    get: operations['getProjectQuota'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/projects/{projectId}/sessions': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The project's id. */
        projectId: components['parameters']['ProjectId'];
      };
      cookie?: never;
    };
    /**
     * List a project's sessions
     * @description The project's 50 most recently created sessions, newest first, in any
     *     state; `total_size` counts all of them. Users and services may call it.
     *
     */
    get: operations['listSessions'];
    put?: never;
    /**
     * Launch a session
     * @description Queues an interactive session (a Python kernel the console talks to)
     *     with the runtime and the resource profile, charged to the project's
     *     owner. It starts when the workspace has room and the owner's quota
     *     allows; until then it is `queued` with a `reason` and a
     *     `queuePosition`. A session idle for `ml.engine.sessions.idleTimeoutMinutes`
     *     (default 60) or older than `ml.engine.sessions.maxDurationHours`
     *     (default 168) is stopped. Environment precedence: workspace < project <
     *     session. 400 when the runtime does not exist or is disabled, or the
     *     profile does not exist in the project's workspace or fits no node.
     *     Needs a user token.
     *
     */
    post: operations['launchSession'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/projects/{projectId}/sessions/{sessionId}': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The project's id. */
        projectId: components['parameters']['ProjectId'];
        /** @description The session's id (a workload id). */
        sessionId: components['parameters']['SessionId'];
      };
      cookie?: never;
    };
    /**
     * Get a session
     * @description 404 when the project has no session with this id. Users and services may call it.
     */
    get: operations['getSession'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/projects/{projectId}/sessions/{sessionId}/execute': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The project's id. */
        projectId: components['parameters']['ProjectId'];
        /** @description The session's id (a workload id). */
        sessionId: components['parameters']['SessionId'];
      };
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Run code in a session's console
     * @description Runs the Python code in the session's kernel, in one namespace shared
     *     by every call (like the interactive prompt: when the last statement is
     *     an expression, its repr is printed). The output streams back while the
     *     code runs as newline-delimited JSON (`application/x-ndjson`), one
     *     `ConsoleEvent` a line: output lines as
     *     `{"stream": "stdout", "text": "42\n"}` (or `"stderr"`), then a last
     *     `{"done": true, "error": null}`, whose `error` describes the exception
     *     when the code raised. Calls run one at a time in a session; a later
     *     call waits for the earlier one. Closing the connection drops the rest
     *     of the output but does not stop the code.
     *
     *     Refusals come before the stream starts and are JSON errors: 404 when
     *     the project has no such session, 409 when the session is not
     *     `running` (queued, starting or ended) or its kernel is not reachable
     *     yet. Needs a user token.
     *
     */
    post: operations['executeSessionCode'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/projects/{projectId}/sessions/{sessionId}/transcript': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The project's id. */
        projectId: components['parameters']['ProjectId'];
        /** @description The session's id (a workload id). */
        sessionId: components['parameters']['SessionId'];
      };
      cookie?: never;
    };
    /**
     * Get a session's console transcript
     * @description What was run in the session's console, kept by the backend so that
     *     the console shows it again when someone comes back: the last 200
     *     cells, oldest first, each with its code, its output (at most 64 KiB
     *     of text a cell; `truncated` says when more was left out) and how it
     *     ended. A cell still running has no `endedAt`. 404 when the project
     *     has no such session. Users and services may call it.
     *
     */
    get: operations['getSessionTranscript'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/projects/{projectId}/sessions/{sessionId}/stop': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The project's id. */
        projectId: components['parameters']['ProjectId'];
        /** @description The session's id (a workload id). */
        sessionId: components['parameters']['SessionId'];
      };
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Stop a session
     * @description Stops the session wherever it is (queued, starting or running) and
     *     frees what it held; stopping a session that has ended already changes
     *     nothing. Same as `POST /workloads/{workloadId}/stop`, but 404 unless
     *     the session belongs to the project. Needs a user token.
     *
     */
    post: operations['stopSession'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/projects/{projectId}/jobs': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The project's id. */
        projectId: components['parameters']['ProjectId'];
      };
      cookie?: never;
    };
    /**
     * List a project's jobs
     * @description All jobs of the project, sorted by name (not paged), each with its
     *     latest run and, when scheduled and enabled, its next three run times.
     *     Users and services may call it.
     *
     */
    get: operations['listJobs'];
    put?: never;
    /**
     * Create a job
     * @description A job runs a script of the project with a runtime and a resource
     *     profile: when asked (`POST .../runs`), on a cron `schedule`, or after a
     *     run of its parent job (`parentJobId`) succeeds - a job has a schedule
     *     or a parent, not both. Refused with 400, naming the field, when the
     *     script is not a file of the project, the runtime does not exist or is
     *     disabled, the profile is not in the project's workspace, the schedule
     *     or time zone is invalid, the parent is not a job of the project, or
     *     the parent would make a dependency cycle; 409 when the project has a
     *     job of that name already. Needs a user token.
     *
     */
    post: operations['createJob'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/projects/{projectId}/jobs/{jobId}': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The project's id. */
        projectId: components['parameters']['ProjectId'];
        /** @description The job's id. */
        jobId: components['parameters']['JobId'];
      };
      cookie?: never;
    };
    /**
     * Get a job
     * @description 404 when the project has no job with this id. Users and services may call it.
     */
    get: operations['getJob'];
    put?: never;
    post?: never;
    /**
     * Delete a job
     * @description Stops the job's active run, if any, and deletes the job. Its past runs
     *     stay readable under `/workloads/{workloadId}`. Needs a user token.
     *
     */
    delete: operations['deleteJob'];
    options?: never;
    head?: never;
    /**
     * Update a job
     * @description Changes the given fields; `args` and `env` are replaced as a whole and
     *     `null` clears `timeoutSeconds`, `schedule` or `parentJobId`. The job
     *     as changed is checked as on create (400 naming the field); 409 when
     *     the new name is taken in the project. Runs already started are not
     *     changed. Needs a user token.
     *
     */
    patch: operations['updateJob'];
    trace?: never;
  };
  '/projects/{projectId}/jobs/{jobId}/runs': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The project's id. */
        projectId: components['parameters']['ProjectId'];
        /** @description The job's id. */
        jobId: components['parameters']['JobId'];
      };
      cookie?: never;
    };
    /**
     * List a job's runs
     * @description The job's runs, newest first, paged by `page_size` and `offset`
     *     (unknown query parameters are refused with 400). Users and services
     *     may call it.
     *
     */
    get: operations['listJobRuns'];
    put?: never;
    /**
     * Run a job now
     * @description Queues a run of the job (trigger `manual`), charged to the project's
     *     owner. `env` is added to the job's (precedence: workspace < project <
     *     job < run) and `args`, when given, replace the job's arguments. A run
     *     that fails (not one that times out or is stopped) is retried up to the
     *     job's `maxRetries` times, as the same workload with the next `attempt`:
     *     the first retry waits `retryBackoffSeconds`, each further one twice as
     *     long (at most `ml.engine.maxBackoffSeconds`). A job has at most one active
     *     run: 409 while another run is queued, starting or running (stop it or
     *     wait for it to end). The body may be omitted. Needs a user token.
     *
     */
    post: operations['runJob'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/cron/next': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Preview when a cron schedule fires
     * @description The next times a five-field cron schedule fires after now in a time
     *     zone, so a form can show them before the job is saved. 400 naming
     *     `schedule:` when the expression is not a valid five-field cron
     *     expression or never fires (`0 0 30 2 *`: no 30 February), `timezone:`
     *     when the zone is not an IANA time zone. Users and services may call
     *     it.
     *
     */
    get: operations['getCronNextRuns'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/workloads/{workloadId}': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The workload's id (a session's or a job run's). */
        workloadId: components['parameters']['WorkloadId'];
      };
      cookie?: never;
    };
    /**
     * Get a workload
     * @description Any workload (a session or a job run) by id: its state and why, its
     *     attempt, its place in the queue while queued. Users and services may
     *     call it.
     *
     */
    get: operations['getWorkload'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/workloads/{workloadId}/events': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The workload's id (a session's or a job run's). */
        workloadId: components['parameters']['WorkloadId'];
      };
      cookie?: never;
    };
    /**
     * List a workload's state changes
     * @description Every state change of the workload over all its attempts, oldest
     *     first (not paged). Users and services may call it.
     *
     */
    get: operations['listWorkloadEvents'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/workloads/{workloadId}/logs': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The workload's id (a session's or a job run's). */
        workloadId: components['parameters']['WorkloadId'];
      };
      cookie?: never;
    };
    /**
     * Get or follow a workload's log
     * @description The output of one attempt of the workload (the current one unless
     *     `attempt` says otherwise).
     *
     *     Without `follow`, answers the end of the log so far as JSON: its last
     *     `tail` lines (all of them by default), never more than
     *     `ml.logs.maxReadKiB` (default 1 MiB, read from the end of the log),
     *     with `truncated: true` when anything before them was left out.
     *
     *     With `follow=true`, answers server-sent events (`text/event-stream`):
     *     the lines so far, then new lines as they are written, each as one event
     *     whose `data` is the line as a JSON string; when the attempt ends the
     *     stream closes with an `end` event (`data: {}`). A failure after the
     *     stream started arrives as an `error` event whose `data` is the message
     *     as a JSON string. Closing the connection stops the stream. A user (or
     *     service) may follow `ml.logs.maxFollowStreamsPerUser` logs at once
     *     (default 10); one more is answered 429 until one of them closes.
     *
     *     404 when the workload does not exist or has no such attempt (JSON
     *     errors, also with `follow=true`), and when the attempt has no log yet
     *     (it is still queued) - with `follow=true` that one arrives as an
     *     `error` event. Unknown query parameters are refused with 400. Users
     *     and services may call it.
     *
     */
    get: operations['getWorkloadLogs'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/workloads/{workloadId}/stop': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The workload's id (a session's or a job run's). */
        workloadId: components['parameters']['WorkloadId'];
      };
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Stop a workload
     * @description Stops the workload wherever it is (queued, starting or running) with
     *     the reason `stopped by a user` and frees what it held; no retry
     *     follows. Stopping a workload that has ended already changes nothing.
     *     Needs a user token.
     *
     */
    post: operations['stopWorkload'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/workspaces/{workspace}/queue': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The workspace's name. */
        workspace: components['parameters']['WorkspaceName'];
      };
      cookie?: never;
    };
    /**
     * Get a workspace's queue
     * @description The workspace's queued workloads in queue order (by priority, then
     *     the time they were queued), its starting and running workloads (at
     *     most 500 of each), and its nodes with what is allocated on them.
     *     Users and services may call it.
     *
     */
    get: operations['getWorkspaceQueue'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/applications/settings': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * What the portal allows for applications
     * @description Whether an application may set `bypassAuthentication` (the admin
     *     config flag `ml.applications.allowBypassAuthentication`). Needs a
     *     user token.
     *
     */
    get: operations['getApplicationSettings'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/projects/{projectId}/applications': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The project's id. */
        projectId: components['parameters']['ProjectId'];
      };
      cookie?: never;
    };
    /**
     * List a project's applications
     * @description All applications of the project, sorted by name (not paged), each
     *     with the state of its workload (`stopped` when it has none). Needs a
     *     user token of someone who may read the project (404 otherwise).
     *
     */
    get: operations['listApplications'];
    put?: never;
    /**
     * Create an application
     * @description An application runs a script of the project that serves HTTP on the
     *     port in `ML_APP_PORT`, as a long-running workload (no timeout; a
     *     crash is started again up to 3 times), queued under quota like other
     *     work. It is served at `/api/ml/apps/{slug}/` to users who may read the
     *     project, with their entity ref in the `X-ML-User` header. It starts
     *     at once unless `start` is false. Refused with 400, naming the field,
     *     when the script is not a file of the project, the runtime does not
     *     exist or is disabled, the profile is not in the project's workspace,
     *     or `bypassAuthentication` is set while the portal does not allow it;
     *     409 when the slug is taken. Needs the project's owner or a
     *     collaborator above viewer (403 otherwise).
     *
     */
    post: operations['createApplication'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/projects/{projectId}/applications/{appId}': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The project's id. */
        projectId: components['parameters']['ProjectId'];
        /** @description The application's id. */
        appId: components['parameters']['ApplicationId'];
      };
      cookie?: never;
    };
    /**
     * Get an application
     * @description 404 when the project has no application with this id or the caller may not read the project.
     */
    get: operations['getApplication'];
    put?: never;
    post?: never;
    /**
     * Delete an application
     * @description Stops the app's workload, if active, and deletes the app; its workloads stay readable.
     */
    delete: operations['deleteApplication'];
    options?: never;
    head?: never;
    /**
     * Update an application
     * @description Changes the given fields (`env` is replaced as a whole), checked as on
     *     create. A running app keeps running as it was: restart it to apply
     *     the changes. 409 when the new slug is taken.
     *
     */
    patch: operations['updateApplication'];
    trace?: never;
  };
  '/projects/{projectId}/applications/{appId}/start': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The project's id. */
        projectId: components['parameters']['ProjectId'];
        /** @description The application's id. */
        appId: components['parameters']['ApplicationId'];
      };
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Start an application
     * @description Starts the app in a new workload; an app that is queued, starting or running is left as it is.
     */
    post: operations['startApplication'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/projects/{projectId}/applications/{appId}/stop': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The project's id. */
        projectId: components['parameters']['ProjectId'];
        /** @description The application's id. */
        appId: components['parameters']['ApplicationId'];
      };
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Stop an application
     * @description Stops the app's workload; stopping a stopped app changes nothing.
     */
    post: operations['stopApplication'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/projects/{projectId}/applications/{appId}/restart': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The project's id. */
        projectId: components['parameters']['ProjectId'];
        /** @description The application's id. */
        appId: components['parameters']['ApplicationId'];
      };
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Restart an application
     * @description Stops the app's workload and starts a new one with the app's current settings.
     */
    post: operations['restartApplication'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/workload-api/v1/snapshot': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Download the files a workload runs on
     * @description A gzipped tarball of the directory the calling workload runs in: its
     *     project's files, or for model builds and replicas the build's
     *     snapshot. Remote drivers (Kubernetes) download it in an init step.
     *     Needs the workload token of an attempt that is queued, starting or
     *     running; the token of an ended or retried attempt gets 401.
     *
     */
    get: operations['downloadWorkloadSnapshot'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/projects/{projectId}/models': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The project's id. */
        projectId: components['parameters']['ProjectId'];
      };
      cookie?: never;
    };
    /**
     * List a project's models
     * @description All models of the project, sorted by name (not paged). Users and services may call it.
     */
    get: operations['listModels'];
    put?: never;
    /**
     * Create a model
     * @description A model is a name in the project (a DNS label, used in URLs and the
     *     catalog); builds and deployments come after. With
     *     `disableAuthentication`, predictions need no access key. 409 when the
     *     project has a model of that name. Needs a user token.
     *
     */
    post: operations['createModel'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/projects/{projectId}/models/{modelId}': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The project's id. */
        projectId: components['parameters']['ProjectId'];
        /** @description The model's id, or its name in the project. */
        modelId: components['parameters']['ModelId'];
      };
      cookie?: never;
    };
    /**
     * Get a model
     * @description By id or name; 404 when the project has no such model. Users and services may call it.
     */
    get: operations['getModel'];
    put?: never;
    post?: never;
    /**
     * Delete a model
     * @description Stops the model's deployments and running builds, revokes its access
     *     keys and deletes it with its builds and their snapshots. Needs a user
     *     token.
     *
     */
    delete: operations['deleteModel'];
    options?: never;
    head?: never;
    /**
     * Update a model
     * @description Changes the description or whether predictions need an access key. Needs a user token.
     */
    patch: operations['updateModel'];
    trace?: never;
  };
  '/projects/{projectId}/models/{modelId}/builds': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The project's id. */
        projectId: components['parameters']['ProjectId'];
        /** @description The model's id, or its name in the project. */
        modelId: components['parameters']['ModelId'];
      };
      cookie?: never;
    };
    /**
     * List a model's builds
     * @description Newest first (not paged). Users and services may call it.
     */
    get: operations['listModelBuilds'];
    put?: never;
    /**
     * Build a model
     * @description Copies the project's files (leaving out what `.gitignore` ignores, and
     *     `.git`) into an immutable snapshot, records the datasets and metadata
     *     of the model's entry in `lineage.yaml`, and queues a build workload
     *     that runs `build.sh` (if present) and checks that `functionName` is a
     *     function of `filePath`. The build ends `built`, or `failed` with the
     *     reason (e.g. `build.sh exited with 2`); its log is
     *     `/workloads/{workloadId}/logs`. 400 naming the field when the file is
     *     not a Python file of the project, the runtime does not exist or is
     *     disabled, or the profile is not in the workspace (without `profile`,
     *     the workspace's smallest). Needs a user token.
     *
     */
    post: operations['createModelBuild'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/projects/{projectId}/models/{modelId}/lineage': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The project's id. */
        projectId: components['parameters']['ProjectId'];
        /** @description The model's id, or its name in the project. */
        modelId: components['parameters']['ModelId'];
      };
      cookie?: never;
    };
    /**
     * Get a model's lineage graph
     * @description The datasets each build was trained on (recorded from the project's
     *     `lineage.yaml` when the build was made) → the builds → their
     *     deployments → the model's endpoint (the active deployment `serves`
     *     it while deploying or deployed) → the applications of the project
     *     that call the model (named in their `ML_MODEL_NAME` or
     *     `ML_MODEL_NAMES` env). Nodes carry the refs of the catalog entities
     *     that stand for them. Users and services may call it.
     *
     */
    get: operations['getModelLineage'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/projects/{projectId}/models/{modelId}/builds/{buildId}': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The project's id. */
        projectId: components['parameters']['ProjectId'];
        /** @description The model's id, or its name in the project. */
        modelId: components['parameters']['ModelId'];
        /** @description The build's id. */
        buildId: components['parameters']['BuildId'];
      };
      cookie?: never;
    };
    /**
     * Get a build
     * @description Users and services may call it.
     */
    get: operations['getModelBuild'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/projects/{projectId}/models/{modelId}/deployments': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The project's id. */
        projectId: components['parameters']['ProjectId'];
        /** @description The model's id, or its name in the project. */
        modelId: components['parameters']['ModelId'];
      };
      cookie?: never;
    };
    /**
     * List a model's deployments
     * @description Newest first (not paged), each with its replicas. Users and services may call it.
     */
    get: operations['listModelDeployments'];
    put?: never;
    /**
     * Deploy a build
     * @description Starts `replicas` replica workloads of a built build with the
     *     profile; they queue under quota like any workload. The deployment is
     *     `deploying` until every replica answers its health check, then
     *     `deployed`. A model's first deployment takes traffic as replicas
     *     become ready; a later one replaces the active deployment without
     *     dropping requests: traffic moves once all new replicas are ready, and
     *     the old replicas stop after `ml.serving.drainSeconds`. 400 naming the
     *     field when the build is not a built build of this model or the
     *     profile is not in the workspace. Needs a user token.
     *
     */
    post: operations['createModelDeployment'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/projects/{projectId}/models/{modelId}/deployments/{deploymentId}': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The project's id. */
        projectId: components['parameters']['ProjectId'];
        /** @description The model's id, or its name in the project. */
        modelId: components['parameters']['ModelId'];
        /** @description The deployment's id. */
        deploymentId: components['parameters']['DeploymentId'];
      };
      cookie?: never;
    };
    /**
     * Get a deployment
     * @description With each replica's workload state and readiness. Users and services may call it.
     */
    get: operations['getModelDeployment'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /**
     * Change a deployment's replica count
     * @description More replicas start (the deployment is `deploying` until they are
     *     ready); fewer take the highest replicas out of service at once and
     *     stop them after the drain period. 409 when the deployment is stopped
     *     or failed. Needs a user token.
     *
     */
    patch: operations['scaleModelDeployment'];
    trace?: never;
  };
  '/projects/{projectId}/models/{modelId}/deployments/{deploymentId}/stop': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The project's id. */
        projectId: components['parameters']['ProjectId'];
        /** @description The model's id, or its name in the project. */
        modelId: components['parameters']['ModelId'];
        /** @description The deployment's id. */
        deploymentId: components['parameters']['DeploymentId'];
      };
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Stop a deployment
     * @description Takes the deployment out of service and stops its replicas; the model
     *     has no active deployment afterwards if this was it. Stopping an ended
     *     deployment changes nothing. Needs a user token.
     *
     */
    post: operations['stopModelDeployment'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/projects/{projectId}/models/{modelId}/keys': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The project's id. */
        projectId: components['parameters']['ProjectId'];
        /** @description The model's id, or its name in the project. */
        modelId: components['parameters']['ModelId'];
      };
      cookie?: never;
    };
    /**
     * List a model's access keys
     * @description Masked (`mk_3f9a…`); the keys themselves are not stored. Users and services may call it.
     */
    get: operations['listModelAccessKeys'];
    put?: never;
    /**
     * Create an access key
     * @description The answer holds the whole key, once (`Cache-Control: no-store`); only
     *     its SHA-256 hash is stored. Send it as `accessKey` to `POST /model`.
     *     Needs a user token.
     *
     */
    post: operations['createModelAccessKey'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/projects/{projectId}/models/{modelId}/keys/{keyId}': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The project's id. */
        projectId: components['parameters']['ProjectId'];
        /** @description The model's id, or its name in the project. */
        modelId: components['parameters']['ModelId'];
        /** @description The access key's id (not the key). */
        keyId: components['parameters']['AccessKeyId'];
      };
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /**
     * Revoke an access key
     * @description The key stops working at once on this backend (within 10 s on others). Needs a user token.
     */
    delete: operations['revokeModelAccessKey'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/model': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Call a model with its access key (CML format)
     * @description CML's model endpoint: the body names the model by its access key and
     *     carries the request, `{"accessKey": "mk_...", "request": {...}}`. The
     *     key may also come as `Authorization: Bearer mk_...`, never in the
     *     query string (`?accessKey=` is refused with 400, and kept out of the
     *     access log). Needs no Backstage token. 401 without a key, 403 with an unknown or revoked
     *     one. The body may have up to 5 MiB (413 above). A request waits up to
     *     `ml.serving.queueTimeoutMs` (default 10 s) for a free replica (each
     *     serves one request at a time), then gets 429 `model.busy`. An
     *     exception in the model function is an answer, not an error: 200 with
     *     `success: false` and the exception's name and message.
     *
     */
    post: operations['predictWithAccessKey'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/projects/{projectId}/models/{modelId}/predict': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The project's id. */
        projectId: components['parameters']['ProjectId'];
        /** @description The model's id, or its name in the project. */
        modelId: components['parameters']['ModelId'];
      };
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Call a model of a project
     * @description The body is the model's request itself (any JSON, up to 5 MiB). The
     *     caller presents the model's access key as `Authorization: Bearer
     *     mk_...`, or a Backstage token (the portal's Test panel); a model with
     *     `disableAuthentication` needs neither. No Backstage token is needed
     *     otherwise. An access key in the query string (`?accessKey=`) is
     *     refused with 400 before anything else, and blanked out of the
     *     request's URL so the access log never holds it; so is any other query
     *     parameter. Answers, queueing (429 `model.busy`) and model exceptions
     *     as for `POST /model`.
     *
     */
    post: operations['predict'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/projects/{projectId}/models/{modelId}/predictions': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The project's id. */
        projectId: components['parameters']['ProjectId'];
        /** @description The model's id, or its name in the project. */
        modelId: components['parameters']['ModelId'];
      };
      cookie?: never;
    };
    /**
     * List a model's prediction records
     * @description Every request the gateway served for the model (also refused ones
     *     such as 429), newest first, each with the metrics the model tracked
     *     during it and the delayed metrics joined to it later. Filter by
     *     deployment, time range (`from` inclusive, `to` exclusive; ISO 8601
     *     or epoch milliseconds) and prediction uuid. Pages by `page_size`
     *     (1 to 500, default 50) and `page_token`. Users and services may call it.
     *
     */
    get: operations['listModelPredictions'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/projects/{projectId}/models/{modelId}/metrics': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The project's id. */
        projectId: components['parameters']['ProjectId'];
        /** @description The model's id, or its name in the project. */
        modelId: components['parameters']['ModelId'];
      };
      cookie?: never;
    };
    /**
     * Get a model's monitoring metrics over a time range
     * @description Buckets of `stepSeconds` from `from` to `to` (default: the last hour
     *     in about 60 buckets; at most 1,000 buckets): requests, errors
     *     (`success` false), latency p50/p95/p99 (ms, as the gateway measured
     *     it), and the mean of each tracked and delayed metric (delayed ones
     *     by their prediction's time); plus the CPU and memory samples of the
     *     model's replicas. Users and services may call it.
     *
     */
    get: operations['getModelMetrics'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/projects/{projectId}/models/{modelId}/monitoring-settings': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The project's id. */
        projectId: components['parameters']['ProjectId'];
        /** @description The model's id, or its name in the project. */
        modelId: components['parameters']['ModelId'];
      };
      cookie?: never;
    };
    /**
     * Get what a model's quality and drift are computed from
     * @description Which tracked metric is the prediction and which delayed metric is
     *     its truth, the task, and the request fields drift is computed for.
     *     A model never configured answers `configured: false` with the
     *     defaults. A model's entry in `lineage.yaml` may declare them too
     *     (`monitoring:`); a build reads it and saves it here unless the
     *     settings were set by hand. Users and services may call it.
     *
     */
    get: operations['getModelMonitoringSettings'];
    /**
     * Set what a model's quality and drift are computed from
     * @description Replaces the settings. From then on the gateway captures the
     *     declared features of each request (top-level fields of `request`: a
     *     number, or a string up to 200 characters for a categorical one).
     *     Needs a user token.
     *
     */
    put: operations['putModelMonitoringSettings'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/projects/{projectId}/models/{modelId}/quality': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The project's id. */
        projectId: components['parameters']['ProjectId'];
        /** @description The model's id, or its name in the project. */
        modelId: components['parameters']['ModelId'];
      };
      cookie?: never;
    };
    /**
     * Get a model's quality per window
     * @description Tracked predictions joined with their delayed truth, per window of
     *     `stepSeconds` from `from` to `to` (default: the last 24 hours in
     *     hourly windows; at most 1,000 windows). Regression: MAE, RMSE, MAPE;
     *     classification: accuracy and macro precision, recall and F1. Also
     *     the values sent with `track_aggregate_metrics`, and up to 500
     *     prediction/truth pairs to draw. Users and services may call it.
     *
     */
    get: operations['getModelQuality'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/projects/{projectId}/models/{modelId}/drift': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The project's id. */
        projectId: components['parameters']['ProjectId'];
        /** @description The model's id, or its name in the project. */
        modelId: components['parameters']['ModelId'];
      };
      cookie?: never;
    };
    /**
     * Get a model's drift per feature and window
     * @description For each declared feature and for the prediction itself, against its
     *     baseline, per window (same windows as `quality`): PSI and the
     *     two-sample Kolmogorov–Smirnov statistic and p-value for numeric
     *     features; PSI and the chi-square statistic and p-value for
     *     categorical ones. A feature without a baseline has no windows. Users
     *     and services may call it.
     *
     */
    get: operations['getModelDrift'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/projects/{projectId}/models/{modelId}/drift-baseline': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The project's id. */
        projectId: components['parameters']['ProjectId'];
        /** @description The model's id, or its name in the project. */
        modelId: components['parameters']['ModelId'];
      };
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Take the baseline drift is measured against
     * @description From a build's training sample (`dataset`: a CSV file of the build's
     *     snapshot, by default the first dataset file its `lineage.yaml`
     *     names; `examples`: the build's examples) or from the first `size`
     *     predictions of a deployment (`predictions`). Replaces the model's
     *     baseline of every declared feature found there. 400 when the source
     *     has none of them. Needs a user token.
     *
     */
    post: operations['takeDriftBaseline'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/projects/{projectId}/models/{modelId}/monitors': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The project's id. */
        projectId: components['parameters']['ProjectId'];
        /** @description The model's id, or its name in the project. */
        modelId: components['parameters']['ModelId'];
      };
      cookie?: never;
    };
    /**
     * List a model's monitors
     * @description All monitors of the model with their current state, sorted by name. Users and services may call it.
     */
    get: operations['listModelMonitors'];
    put?: never;
    /**
     * Create a monitor
     * @description A metric of the model (quality, drift, technical or an aggregate
     *     metric), a window, a threshold with its direction and the samples a
     *     window needs. Evaluated once per window on the scheduler; on a change
     *     of state the model's owners are notified, and on alerting the
     *     `triggerJobId` job of the same project (if any) is started with the
     *     monitor's context in its environment, at most once per
     *     `cooldownSeconds`. 409 when the model has a monitor of that name.
     *     Needs a user token.
     *
     */
    post: operations['createModelMonitor'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/projects/{projectId}/models/{modelId}/monitors/{monitorId}': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The project's id. */
        projectId: components['parameters']['ProjectId'];
        /** @description The model's id, or its name in the project. */
        modelId: components['parameters']['ModelId'];
        /** @description The monitor's id. */
        monitorId: components['parameters']['MonitorId'];
      };
      cookie?: never;
    };
    /**
     * Get a monitor
     * @description Users and services may call it.
     */
    get: operations['getModelMonitor'];
    put?: never;
    post?: never;
    /**
     * Delete a monitor
     * @description Deletes it with its history. Needs a user token.
     */
    delete: operations['deleteModelMonitor'];
    options?: never;
    head?: never;
    /**
     * Update a monitor
     * @description Changes any of its fields but the model. A changed metric, window or
     *     threshold starts it over (state `pending`, history kept). Needs a
     *     user token.
     *
     */
    patch: operations['updateModelMonitor'];
    trace?: never;
  };
  '/projects/{projectId}/models/{modelId}/monitors/{monitorId}/evaluations': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The project's id. */
        projectId: components['parameters']['ProjectId'];
        /** @description The model's id, or its name in the project. */
        modelId: components['parameters']['ModelId'];
        /** @description The monitor's id. */
        monitorId: components['parameters']['MonitorId'];
      };
      cookie?: never;
    };
    /**
     * A monitor's history
     * @description One entry per evaluated window, newest first. Users and services may call it.
     */
    get: operations['listModelMonitorEvaluations'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/projects/{projectId}/models/{modelId}/promotion-policy': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The project's id. */
        projectId: components['parameters']['ProjectId'];
        /** @description The model's id, or its name in the project. */
        modelId: components['parameters']['ModelId'];
      };
      cookie?: never;
    };
    /**
     * Get a model's promotion policy
     * @description 204 when the model has none (its candidates are then neither promoted nor refused). Users and services may call it.
     */
    get: operations['getPromotionPolicy'];
    /**
     * Set a model's promotion policy
     * @description When a job that declares a candidate for this model succeeds, the
     *     candidate is deployed only if its `metric` beats the active
     *     deployment's by `margin` (read from its MLflow run or from the job's
     *     output file); otherwise the active one stays and the model's history
     *     says why. Promotion replaces the active deployment without dropping a
     *     prediction. Needs a user token with the operator role.
     *
     */
    put: operations['putPromotionPolicy'];
    post?: never;
    /**
     * Remove a model's promotion policy
     * @description Candidates are then neither promoted nor refused. Needs a user token with the operator role.
     */
    delete: operations['deletePromotionPolicy'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/projects/{projectId}/models/{modelId}/events': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The project's id. */
        projectId: components['parameters']['ProjectId'];
        /** @description The model's id, or its name in the project. */
        modelId: components['parameters']['ModelId'];
      };
      cookie?: never;
    };
    /**
     * A model's history
     * @description Monitor state changes, the retrain runs they started, and every
     *     promotion or refusal of a candidate, newest first. Users and
     *     services may call it.
     *
     */
    get: operations['listModelEvents'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/workload-api/v1/metrics': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Read a model's metrics (SDK read_metrics)
     * @description The tracked and delayed metrics of a model of the workload's project
     *     (default: the calling build's or replica's own, as the platform
     *     started it; a model of another project is not found), oldest first: one entry per
     *     prediction, and one per value tracked outside a prediction. Filter
     *     by deployment, time range (`start` inclusive, `end` exclusive; ISO
     *     8601 or epoch milliseconds), metric name, or one prediction's
     *     `uuid`. At most 100,000 points. Needs the workload token.
     *
     */
    get: operations['readWorkloadMetrics'];
    put?: never;
    /**
     * Track metric values (SDK track_metric)
     * @description Values tracked outside a prediction (inside one, the model server
     *     returns them with the prediction instead). Each point belongs to the
     *     calling build's or replica's own model, or to `model` (name or id) of
     *     the workload's project; with `predictionUuid` it joins that
     *     prediction. The workload's project and model are those of the
     *     workload the token names, as the platform started it (never its env);
     *     a model of another project is not found (404). Values are numbers.
     *     Needs the workload token.
     *
     */
    post: operations['trackWorkloadMetrics'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/workload-api/v1/delayed-metrics': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Add delayed metrics to a prediction (SDK track_delayed_metrics)
     * @description Values known after the prediction (e.g. its ground truth), joined to
     *     it by its uuid. Sending a metric again replaces its value. 404 when
     *     no prediction of a model of the workload's project has the uuid.
     *     Needs the workload token.
     *
     */
    post: operations['trackDelayedMetrics'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/workload-api/v1/aggregate-metrics': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Track metrics of a whole window (SDK track_aggregate_metrics)
     * @description Values that describe a window of a model's predictions rather than
     *     one of them, such as an accuracy computed elsewhere. They show on
     *     the model's quality chart and monitors of kind `aggregate` read
     *     them. Needs the workload token.
     *
     */
    post: operations['trackAggregateMetrics'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/openapi.json': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * This document as JSON
     * @description Needs no token.
     */
    get: operations['getOpenApiJson'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/openapi.yaml': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * This document as YAML
     * @description Needs no token.
     */
    get: operations['getOpenApiYaml'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    /**
     * @description A DNS label (RFC 1123) - lowercase letters, digits and "-", starting and ending with a letter or digit.
     * @example ml-research
     */
    DnsName: string;
    /**
     * @description Full entity ref of a Backstage user or group.
     * @example group:default/ml-research
     */
    OwnerRef: string;
    /** @description A display title; surrounding whitespace is trimmed and it must not be blank. */
    Title: string;
    Description: string;
    /**
     * @description Environment variables as a request writes them. Names must match
     *     `^[A-Za-z_][A-Za-z0-9_]*$`; at most 200 variables, values at most
     *     32 KiB. A value is a string (a plain variable) or a secret:
     *     `{"secret": true, "value": "..."}` sets it, and `{"secret": true}`
     *     alone keeps the secret already stored under that name (what a read
     *     returns, so a read-modify-write keeps it; 400 when there is none).
     *     Secrets are encrypted at rest and never returned. A PATCH replaces
     *     the whole set.
     *
     * @example {
     *       "MLFLOW_TRACKING_URI": "http://mlflow:5000",
     *       "MLFLOW_TRACKING_TOKEN": {
     *         "secret": true,
     *         "value": "s3cr3t"
     *       },
     *       "DB_PASSWORD": {
     *         "secret": true
     *       }
     *     }
     */
    EnvVars: {
      [key: string]: string | components['schemas']['SecretEnvInput'];
    };
    /** @description A secret variable; without `value`, the stored one is kept. */
    SecretEnvInput: {
      /** @enum {boolean} */
      secret: true;
      value?: string;
    };
    /**
     * @description Environment variables as every read returns them: plain values as
     *     they are, secrets masked as `{"secret": true}` (their values are never
     *     returned).
     *
     * @example {
     *       "MLFLOW_TRACKING_URI": "http://mlflow:5000",
     *       "MLFLOW_TRACKING_TOKEN": {
     *         "secret": true
     *       }
     *     }
     */
    EnvVarsRead: {
      [key: string]: string | components['schemas']['SecretEnvMasked'];
    };
    /** @description A secret variable; its value is not shown. */
    SecretEnvMasked: {
      /** @enum {boolean} */
      secret: true;
    };
    /**
     * @description vCPU as a number (`0.5`) or a Kubernetes-style quantity string (`"500m"`, `"2"`); stored with millicore precision.
     * @example 500m
     */
    CpuQuantity: number | string;
    /**
     * @description MiB as a number (`2048`) or a quantity string (`"512Mi"`, `"2Gi"`, `"1G"`; units Ki, Mi, Gi, Ti, K, M, G, T; no unit means MiB); rounded to whole MiB.
     * @example 2Gi
     */
    MemoryQuantity: number | string;
    GpuCount: number;
    /**
     * @description A path relative to the project root with `/` separators. Refused with
     *     400: absolute paths, `..` segments, backslashes, NUL bytes and paths
     *     over 1024 characters. Paths that lead outside the project through a
     *     symbolic link are refused with 403.
     *
     * @example src/train.py
     */
    ProjectPath: string;
    /**
     * Format: date-time
     * @example 2026-01-31T09:30:00.000Z
     */
    Timestamp: string;
    /**
     * @description A time, as milliseconds since 1970 (`1767225600000`) or as an ISO
     *     8601 date-time with an offset (`2026-01-01T00:00:00Z`), from
     *     1970-01-01T00:00:00Z to 9999-12-31T23:59:59.999Z. Anything else, or a
     *     time outside that range, is refused with 400.
     *
     * @example 2026-01-01T00:00:00Z
     */
    TimeParameter: string;
    /**
     * @description Milliseconds since 1970, from 0 to 253402300799999
     *     (9999-12-31T23:59:59.999Z); a time outside that range is refused with
     *     400.
     *
     * @example 1767225600000
     */
    EpochMillis: number;
    /**
     * @description A five-field cron expression: minute, hour, day of month, month, day
     *     of week (no seconds field). Surrounding whitespace is trimmed. One
     *     that never fires (`0 0 30 2 *`, 30 February) is refused with 400.
     *
     * @example 0 2 * * *
     */
    CronSchedule: string;
    /**
     * @description An IANA time zone.
     * @example Europe/Berlin
     */
    TimeZone: string;
    /**
     * @description Command-line arguments of the script; at most 100, each at most 4096 characters.
     * @example [
     *       "--epochs",
     *       "2"
     *     ]
     */
    ScriptArgs: string[];
    /** @description An amount of compute. */
    ResourceLimits: {
      /**
       * @description vCPU (fractional).
       * @example 2
       */
      cpu: number;
      /**
       * @description MiB.
       * @example 8192
       */
      memoryMiB: number;
      /**
       * @description Whole GPUs.
       * @example 0
       */
      gpu: number;
    };
    /** @description A set of identical nodes the workspace scales between `minNodes` and `maxNodes`. */
    NodeGroup: {
      name: components['schemas']['DnsName'];
      /** @description vCPU per node. */
      cpu: number;
      /** @description MiB per node. */
      memoryMiB: number;
      /** @description GPUs per node. */
      gpu: number;
      minNodes: number;
      maxNodes: number;
      /** @description Seconds a scale-up takes before the node is usable. */
      scaleUpDelaySeconds: number;
    };
    Workspace: {
      name: components['schemas']['DnsName'];
      title: string;
      description: string;
      /** @description Entity ref of the owning user or group. */
      owner: string;
      /**
       * @description The compute driver that runs the workspace's work.
       * @enum {string}
       */
      driver: 'local' | 'kubernetes';
      nodeGroups: components['schemas']['NodeGroup'][];
      /** @description Site-level environment variables, the lowest precedence; secrets masked. */
      env: components['schemas']['EnvVarsRead'];
      /** @description Quota of users that have none of their own. */
      defaultUserQuota: components['schemas']['ResourceLimits'];
      createdAt: components['schemas']['Timestamp'];
      updatedAt: components['schemas']['Timestamp'];
      availability?: components['schemas']['WorkspaceAvailability'];
    };
    /** @description Whether the workspace's driver can run work now (e.g. its Kubernetes
     *     cluster answers). Absent when the driver cannot tell, as the local
     *     driver.
     *      */
    WorkspaceAvailability: {
      available: boolean;
      /** @description Why not, e.g. the cluster's connection error. */
      message?: string;
    };
    WorkspaceCapacity: {
      /** @description What the nodes that exist now provide (every group at its minimum until autoscaling runs). */
      current: components['schemas']['ResourceLimits'];
      /** @description What the workspace provides at its largest (every group at its maximum). */
      maximum: components['schemas']['ResourceLimits'];
      /** @description What running and starting work holds. */
      used: components['schemas']['ResourceLimits'];
      /** @description The largest node on every dimension; no single workload larger than this can run. */
      largestNode: components['schemas']['ResourceLimits'];
    };
    Runtime: {
      /** Format: uuid */
      id: string;
      /** @example Workbench */
      editor: string;
      /** @example Python 3.11 */
      kernel: string;
      /** @example Standard */
      edition: string;
      /** @example 2026.11 */
      shortVersion: string;
      /** @example 1 */
      maintenanceVersion: number;
      description: string;
      /** @description Container image, used by the Kubernetes driver. Absent when not set. */
      image?: string;
      /** @description Interpreter command, used by the local-process driver. Absent when not set. */
      command?: string;
      enabled: boolean;
      createdAt: components['schemas']['Timestamp'];
      updatedAt: components['schemas']['Timestamp'];
    };
    ResourceProfile: {
      /** Format: uuid */
      id: string;
      workspace: string;
      name: components['schemas']['DnsName'];
      description: string;
      /** @description vCPU. */
      cpu: number;
      memoryMiB: number;
      gpu: number;
      createdAt: components['schemas']['Timestamp'];
      updatedAt: components['schemas']['Timestamp'];
    };
    Quota: {
      /** Format: uuid */
      id: string;
      workspace: string;
      /** @description Entity ref of the user or group this quota limits. */
      subject: string;
      /** @description vCPU. */
      cpu: number;
      memoryMiB: number;
      gpu: number;
      createdAt: components['schemas']['Timestamp'];
      updatedAt: components['schemas']['Timestamp'];
    };
    Project: {
      /** Format: uuid */
      id: string;
      workspace: string;
      name: components['schemas']['DnsName'];
      title: string;
      description: string;
      /** @description Entity ref of the owning user or group. */
      owner: string;
      /**
       * @description Who reads the project besides its owner and collaborators: nobody (private), members of the owner's groups (team), every signed-in user (public).
       * @enum {string}
       */
      visibility: 'private' | 'team' | 'public';
      /** @description The role members of the owning group have on a group-owned project (CML's team role). Ignored when a user owns the project. */
      teamRole: components['schemas']['CollaboratorRole'];
      /** @description Project environment variables; secrets masked. */
      env: components['schemas']['EnvVarsRead'];
      /** @description The template the project was made from. Absent when none. */
      templateRef?: string;
      /** @description Entity ref of the user who created the project. */
      createdBy: string;
      createdAt: components['schemas']['Timestamp'];
      updatedAt: components['schemas']['Timestamp'];
    };
    Collaborator: {
      /** @description Entity ref of the user or group. */
      subject: string;
      role: components['schemas']['CollaboratorRole'];
      addedAt: components['schemas']['Timestamp'];
    };
    /** @enum {string} */
    CollaboratorRole: 'viewer' | 'operator' | 'contributor' | 'admin';
    ProjectFileEntry: {
      /** @description Path relative to the project root, with "/" separators. */
      path: string;
      name: string;
      /** @enum {string} */
      type: 'file' | 'directory';
      /** @description Size in bytes; 0 for folders. */
      size: number;
      modifiedAt: components['schemas']['Timestamp'];
    };
    /**
     * @description `queued` (waiting for room, for quota or for a retry), `starting`,
     *     `running`; then one of the ended states `succeeded`, `failed`,
     *     `stopped` or `timed_out`.
     *
     * @enum {string}
     */
    WorkloadState:
      | 'queued'
      | 'starting'
      | 'running'
      | 'succeeded'
      | 'failed'
      | 'stopped'
      | 'timed_out';
    /**
     * @description What the workload is; sessions and job runs exist so far.
     * @enum {string}
     */
    WorkloadKind: 'session' | 'job' | 'model' | 'application' | 'build';
    /**
     * @description What started a job run: a user (`manual`), the job's cron schedule
     *     (`schedule`), a successful run of the parent job (`dependency`), or
     *     another program (`api`).
     *
     * @enum {string}
     */
    WorkloadTrigger: 'manual' | 'schedule' | 'dependency' | 'api';
    /** @description A session or a job run, as the engine queues and runs it. Its environment variables are not shown. */
    Workload: {
      /** Format: uuid */
      id: string;
      kind: components['schemas']['WorkloadKind'];
      /**
       * @description A display name, e.g. `Python 3 session` or `train
       * @example train #3
       */
      name?: string;
      /** Format: uuid */
      projectId: string;
      /** @description The workspace it runs in (the project's). */
      workspace: string;
      /** Format: uuid */
      runtimeId: string;
      /** @description The resource profile it was sized by. */
      profile?: string;
      /** @description What it holds while starting or running. */
      resources: components['schemas']['ResourceLimits'];
      /** @description Entity ref of the user or group whose quota it counts against (the project's owner). */
      chargedSubject: string;
      /** @description Entity ref of who started it (for scheduled runs, the project's owner). */
      requester: string;
      state: components['schemas']['WorkloadState'];
      /**
       * @description Why it is in this state - why it waits, why it failed or stopped.
       * @example waiting for admission
       */
      reason?: string;
      /** @description Its 1-based place in the workspace's queue; only while `queued`. */
      queuePosition?: number;
      /** @description The current attempt; a retry of a failed run is the next attempt. */
      attempt: number;
      /** @description Attempts allowed in all (a job's `maxRetries` + 1; 1 for sessions). */
      maxAttempts: number;
      /**
       * Format: uuid
       * @description The job, for job runs.
       */
      jobId?: string;
      /** @description What started it, for job runs. */
      trigger?: components['schemas']['WorkloadTrigger'];
      /** @description The arguments of the process (for job runs, the script followed by its arguments). */
      args: string[];
      /** @description The process's exit code, once the attempt has ended with one. */
      exitCode?: number;
      /**
       * Format: uuid
       * @description The node it was placed on, once admitted.
       */
      nodeId?: string;
      /** @description When it was last queued (a retry queues it again). */
      queuedAt: components['schemas']['Timestamp'];
      /** @description When a waiting retry may start, at the earliest. */
      retryAt?: components['schemas']['Timestamp'];
      /** @description When the current attempt started. */
      startedAt?: components['schemas']['Timestamp'];
      /** @description When it ended. */
      endedAt?: components['schemas']['Timestamp'];
      createdAt: components['schemas']['Timestamp'];
      updatedAt: components['schemas']['Timestamp'];
    };
    /** @description A state change of a workload. */
    WorkloadEvent: {
      at: components['schemas']['Timestamp'];
      /** @description The attempt the change belongs to. */
      attempt: number;
      /** @description The state before; absent for the first event (the workload was queued). */
      from?: components['schemas']['WorkloadState'];
      to: components['schemas']['WorkloadState'];
      /** @example exited with code 2 */
      reason?: string;
    };
    /** @description A node of a workspace and what running work holds on it. */
    WorkspaceNode: {
      /** Format: uuid */
      id: string;
      workspace: string;
      /** @description Its node group. */
      group: string;
      /** @description False while the node is still scaling up. */
      ready: boolean;
      /** @description When the node is (or was) ready for work. */
      readyAt: components['schemas']['Timestamp'];
      /** @description What starting and running work holds on it. */
      allocated: components['schemas']['ResourceLimits'];
      /** @description What the node provides (its group's size). */
      capacity: components['schemas']['ResourceLimits'];
    };
    WorkspaceQueue: {
      /** @description Queued workloads in queue order, each with its `queuePosition`. */
      queued: components['schemas']['Workload'][];
      /** @description Starting and running workloads. */
      running: components['schemas']['Workload'][];
      nodes: components['schemas']['WorkspaceNode'][];
    };
    ProjectQuota: {
      /**
       * @description Entity ref of the project's owner, whom the project's work is charged to.
       * @example user:default/jane
       */
      subject: string;
      /** @description The owner's quota in the project's workspace; for a user without
       *     one, the workspace's `defaultUserQuota`. Absent for a team without
       *     a quota, which only capacity limits.
       *      */
      limit?: components['schemas']['ResourceLimits'];
      /** @description What the owner's starting and running work in the workspace holds now. */
      used: components['schemas']['ResourceLimits'];
    };
    Job: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      projectId: string;
      /** @example train */
      name: string;
      /**
       * @description The file it runs, relative to the project root.
       * @example src/train.py
       */
      script: string;
      args: string[];
      /** @description Job environment variables (above the project's, below a run's); secrets masked. */
      env: components['schemas']['EnvVarsRead'];
      /** Format: uuid */
      runtimeId: string;
      /** @description The resource profile its runs are sized by. */
      profile: string;
      /** @description A run attempt running longer is stopped as `timed_out`. Absent when none. */
      timeoutSeconds?: number;
      maxRetries: number;
      retryBackoffSeconds: number;
      /** @description Its cron schedule. Absent when it has none. */
      schedule?: string;
      /** @description The IANA time zone the schedule is read in. */
      timezone: string;
      /**
       * Format: uuid
       * @description The job whose successful runs start a run of this one. Absent when none.
       */
      parentJobId?: string;
      /** @description A disabled job does not run on its schedule or after its parent; it can still be run by hand. */
      enabled: boolean;
      /** @description Entity ref of the user who created the job. */
      createdBy: string;
      createdAt: components['schemas']['Timestamp'];
      updatedAt: components['schemas']['Timestamp'];
      /** @description The next three times the schedule fires; only for an enabled job
       *     with a schedule. Empty for a schedule that never fires (one stored
       *     before such schedules were refused).
       *      */
      nextRuns?: components['schemas']['Timestamp'][];
      candidate?: components['schemas']['JobCandidate'];
      lastRun?: components['schemas']['JobRunSummary'];
    };
    /** @description The job's most recent run. Absent when the job has not run. */
    JobRunSummary: {
      /**
       * Format: uuid
       * @description The run's workload id.
       */
      id: string;
      state: components['schemas']['WorkloadState'];
      attempt: number;
      startedAt?: components['schemas']['Timestamp'];
      endedAt?: components['schemas']['Timestamp'];
      exitCode?: number;
    };
    CronNextRuns: {
      /**
       * @description The next `count` times the schedule fires, in UTC, earliest first.
       * @example [
       *       "2026-02-01T01:00:00.000Z",
       *       "2026-02-02T01:00:00.000Z",
       *       "2026-02-03T01:00:00.000Z"
       *     ]
       */
      nextRuns: components['schemas']['Timestamp'][];
    };
    SessionTranscript: {
      items: components['schemas']['SessionCell'][];
    };
    /** @description One cell run in a session's console. */
    SessionCell: {
      /** @description Grows with every cell run in any session. */
      id: number;
      /** @example print(6 * 7) */
      code: string;
      /** @description The output as it streamed, consecutive text of one stream joined. */
      output: components['schemas']['ConsoleOutput'][];
      /** @description What the code raised; absent when it ran to the end. */
      error?: components['schemas']['ConsoleError'];
      /** @description Why the run broke off before the kernel said it was done (the session stopped, the console was closed). */
      failure?: string;
      /** @description Output past the kept limit was left out. */
      truncated: boolean;
      startedAt: components['schemas']['Timestamp'];
      endedAt?: components['schemas']['Timestamp'];
    };
    /** @description One line of a console's NDJSON output - some output, or the end of the run. */
    ConsoleEvent:
      | components['schemas']['ConsoleOutput']
      | components['schemas']['ConsoleDone'];
    /** @description Output of the code, in whole lines where it can (a partial line, such
     *     as a progress bar, is sent once it is 0.1 s old). stdout and stderr
     *     keep the order they were written in.
     *      */
    ConsoleOutput: {
      /** @enum {string} */
      stream: 'stdout' | 'stderr';
      /** @example 0.9733
       *      */
      text: string;
    };
    /** @description The last line; the code has finished. */
    ConsoleDone: {
      /** @enum {boolean} */
      done: true;
      /** @description `null` when the code ran to the end; otherwise what it raised. */
      error: components['schemas']['ConsoleError'] | null;
    };
    /** @description An exception the code raised (a `SystemExit` or a Ctrl-C ends the code, not the session). */
    ConsoleError: {
      /** @example ZeroDivisionError */
      name: string;
      /** @example division by zero */
      message: string;
      /** @description The formatted traceback, starting at the code's first frame. */
      traceback: string;
    };
    /** @description Server-sent events. Each log line is an event without a name whose
     *     `data` is the line as a JSON string (`data: "epoch 1 loss 0.41"`).
     *     The stream ends with `event: end` / `data: {}` once the attempt has
     *     ended, or with `event: error` whose `data` is a message as a JSON
     *     string when reading the log fails.
     *      */
    LogEventStream: string;
    WorkspacePage: {
      items: components['schemas']['Workspace'][];
      /** @description How many items match, over all pages. */
      total_size: number;
      /** @description Pass as `page_token` to get the next page; absent on the last page. */
      next_page_token?: string;
    };
    ResourceProfilePage: {
      items: components['schemas']['ResourceProfile'][];
      /** @description How many items match, over all pages. */
      total_size: number;
      /** @description Pass as `page_token` to get the next page; absent on the last page. */
      next_page_token?: string;
    };
    QuotaPage: {
      items: components['schemas']['Quota'][];
      /** @description How many items match, over all pages. */
      total_size: number;
      /** @description Pass as `page_token` to get the next page; absent on the last page. */
      next_page_token?: string;
    };
    RuntimePage: {
      items: components['schemas']['Runtime'][];
      /** @description How many items match, over all pages. */
      total_size: number;
      /** @description Pass as `page_token` to get the next page; absent on the last page. */
      next_page_token?: string;
    };
    ProjectPage: {
      items: components['schemas']['Project'][];
      /** @description How many items match, over all pages. */
      total_size: number;
      /** @description Pass as `page_token` to get the next page; absent on the last page. */
      next_page_token?: string;
    };
    CollaboratorList: {
      items: components['schemas']['Collaborator'][];
    };
    ProjectFileList: {
      items: components['schemas']['ProjectFileEntry'][];
    };
    WorkloadPage: {
      items: components['schemas']['Workload'][];
      /** @description How many there are in all. */
      total_size: number;
    };
    WorkloadEventList: {
      items: components['schemas']['WorkloadEvent'][];
    };
    WorkloadLogLines: {
      /**
       * @description The end of the attempt's output so far (stdout and stderr), one
       *     line each, without line ends, oldest first.
       *
       * @example [
       *       "epoch 1 loss 0.41",
       *       "epoch 2 loss 0.27"
       *     ]
       */
      lines: string[];
      /**
       * @description Whether earlier output was left out (by `tail` or the byte limit
       *     `ml.logs.maxReadKiB`).
       *
       * @example false
       */
      truncated: boolean;
    };
    JobList: {
      items: components['schemas']['Job'][];
    };
    ResourceLimitsInput: {
      cpu: components['schemas']['CpuQuantity'];
      memoryMiB: components['schemas']['MemoryQuantity'];
      /** @default 0 */
      gpu?: components['schemas']['GpuCount'];
    };
    /** @description A node group; `maxNodes` must be at least `minNodes`. */
    NodeGroupInput: {
      name: components['schemas']['DnsName'];
      /** @description vCPU per node; must be more than 0. */
      cpu: components['schemas']['CpuQuantity'];
      /** @description MiB per node; must be more than 0. */
      memoryMiB: components['schemas']['MemoryQuantity'];
      /** @default 0 */
      gpu?: components['schemas']['GpuCount'];
      minNodes: number;
      maxNodes: number;
      /** @default 30 */
      scaleUpDelaySeconds?: number;
    };
    /** @description At least one node group, at most 20, with unique names. */
    NodeGroupsInput: components['schemas']['NodeGroupInput'][];
    CreateWorkspaceRequest: {
      name: components['schemas']['DnsName'];
      /** @description Defaults to the name. */
      title?: components['schemas']['Title'];
      /** @default  */
      description?: components['schemas']['Description'];
      /** @description Defaults to the caller. */
      owner?: components['schemas']['OwnerRef'];
      /**
       * @description Must be installed in this backend; `local` always is.
       * @default local
       * @enum {string}
       */
      driver?: 'local' | 'kubernetes';
      nodeGroups: components['schemas']['NodeGroupsInput'];
      /** @default {} */
      env?: components['schemas']['EnvVars'];
      /** @description Defaults to `ml.defaultUserQuota` from config, or 2 vCPU / 8192 MiB / 0 GPU. */
      defaultUserQuota?: components['schemas']['ResourceLimitsInput'];
    };
    UpdateWorkspaceRequest: {
      title?: components['schemas']['Title'];
      description?: components['schemas']['Description'];
      owner?: components['schemas']['OwnerRef'];
      nodeGroups?: components['schemas']['NodeGroupsInput'];
      env?: components['schemas']['EnvVars'];
      defaultUserQuota?: components['schemas']['ResourceLimitsInput'];
    };
    /** @description Letters, digits, spaces or ". _ + -", starting with a letter or digit; surrounding whitespace is trimmed. */
    RuntimeVersionPart: string;
    /** @description Needs `image`, `command` or both. */
    CreateRuntimeRequest: {
      editor: components['schemas']['RuntimeVersionPart'];
      kernel: components['schemas']['RuntimeVersionPart'];
      edition: components['schemas']['RuntimeVersionPart'];
      shortVersion: components['schemas']['RuntimeVersionPart'];
      maintenanceVersion: number;
      /** @default  */
      description?: components['schemas']['Description'];
      /** @description Container image, used by the Kubernetes driver. */
      image?: string;
      /** @description Interpreter command, used by the local-process driver. */
      command?: string;
      /** @default true */
      enabled?: boolean;
    };
    UpdateRuntimeRequest: {
      description?: components['schemas']['Description'];
      /** @description `null` clears the image. */
      image?: string | null;
      /** @description `null` clears the command. */
      command?: string | null;
      enabled?: boolean;
    };
    CreateProfileRequest: {
      name: components['schemas']['DnsName'];
      /** @default  */
      description?: components['schemas']['Description'];
      /** @description vCPU; must be more than 0. */
      cpu: components['schemas']['CpuQuantity'];
      /** @description MiB; must be more than 0. */
      memoryMiB: components['schemas']['MemoryQuantity'];
      /** @default 0 */
      gpu?: components['schemas']['GpuCount'];
    };
    UpdateProfileRequest: {
      description?: components['schemas']['Description'];
      /** @description vCPU; must be more than 0. */
      cpu?: components['schemas']['CpuQuantity'];
      /** @description MiB; must be more than 0. */
      memoryMiB?: components['schemas']['MemoryQuantity'];
      gpu?: components['schemas']['GpuCount'];
    };
    CreateQuotaRequest: {
      /** @description The user or group the quota limits. */
      subject: components['schemas']['OwnerRef'];
      cpu: components['schemas']['CpuQuantity'];
      memoryMiB: components['schemas']['MemoryQuantity'];
      /** @default 0 */
      gpu?: components['schemas']['GpuCount'];
    };
    UpdateQuotaRequest: {
      cpu?: components['schemas']['CpuQuantity'];
      memoryMiB?: components['schemas']['MemoryQuantity'];
      gpu?: components['schemas']['GpuCount'];
    };
    CreateProjectRequest: {
      workspace: components['schemas']['DnsName'];
      /** @description Unique within the workspace. */
      name: components['schemas']['DnsName'];
      /** @description Defaults to the name. */
      title?: components['schemas']['Title'];
      /** @default  */
      description?: components['schemas']['Description'];
      /** @description Defaults to the caller. Must be the caller or a group the caller belongs to (workspace admins may name anyone): the project's work is charged to its owner's quota. */
      owner?: components['schemas']['OwnerRef'];
      /**
       * @default private
       * @enum {string}
       */
      visibility?: 'private' | 'team' | 'public';
      /**
       * @description The role members of an owning group get.
       * @default contributor
       */
      teamRole?: components['schemas']['CollaboratorRole'];
      /** @default {} */
      env?: components['schemas']['EnvVars'];
      /** @description The template the project is made from. */
      templateRef?: string;
    };
    UpdateProjectRequest: {
      title?: components['schemas']['Title'];
      description?: components['schemas']['Description'];
      owner?: components['schemas']['OwnerRef'];
      /** @enum {string} */
      visibility?: 'private' | 'team' | 'public';
      teamRole?: components['schemas']['CollaboratorRole'];
      env?: components['schemas']['EnvVars'];
    };
    CollaboratorRoleRequest: {
      role: components['schemas']['CollaboratorRole'];
    };
    CreateDirectoryRequest: {
      path: components['schemas']['ProjectPath'];
    };
    RenameRequest: {
      /** @description The file or folder to move. */
      from: components['schemas']['ProjectPath'];
      /** @description Its new path; nothing may exist there yet. */
      to: components['schemas']['ProjectPath'];
    };
    LaunchSessionRequest: {
      /** @description A display name; surrounding whitespace is trimmed. Defaults to `<runtime kernel> session`. */
      name?: string;
      /**
       * Format: uuid
       * @description An enabled runtime of the catalog.
       */
      runtimeId: string;
      /** @description A resource profile of the project's workspace. */
      profile: components['schemas']['DnsName'];
      /**
       * @description Session environment variables, above the project's and the workspace's. A secret needs its value (there is none stored to keep).
       * @default {}
       */
      env?: components['schemas']['EnvVars'];
    };
    ExecuteRequest: {
      /**
       * @description Python source to run.
       * @example import math
       *     math.sqrt(2)
       */
      code: string;
    };
    /**
     * @description The state of the app's workload; `stopped` also when it has none.
     * @enum {string}
     */
    ApplicationState:
      | 'stopped'
      | 'queued'
      | 'starting'
      | 'running'
      | 'succeeded'
      | 'failed'
      | 'timed_out';
    Application: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      projectId: string;
      /** @example Churn dashboard */
      name: string;
      /**
       * @description Unique across the portal; the app is served at `/api/ml/apps/{slug}/`.
       * @example churn-dashboard
       */
      slug: string;
      description: string;
      /**
       * @description The file it runs, relative to the project root.
       * @example app.py
       */
      script: string;
      /** Format: uuid */
      runtimeId: string;
      profile: string;
      /** @description App environment variables (above the project's and the workspace's); secrets masked. */
      env: components['schemas']['EnvVarsRead'];
      /** @description Anyone who can reach the portal may open the app, signed in or not. */
      bypassAuthentication: boolean;
      /**
       * Format: uuid
       * @description The current (or last) workload running the app; its logs are `/workloads/{workloadId}/logs`.
       */
      workloadId?: string;
      state: components['schemas']['ApplicationState'];
      /** @description Why it is in its state (e.g. why it waits in the queue). */
      reason?: string;
      /**
       * @description Where to open the app, relative to the API's base URL.
       * @example /apps/churn-dashboard/
       */
      url: string;
      createdBy: string;
      createdAt: components['schemas']['Timestamp'];
      updatedAt: components['schemas']['Timestamp'];
    };
    ApplicationList: {
      items: components['schemas']['Application'][];
    };
    ApplicationSettings: {
      /** @description Whether applications may set `bypassAuthentication`. */
      allowBypassAuthentication: boolean;
    };
    CreateApplicationRequest: {
      /** @example Churn dashboard */
      name: string;
      /** @description The app's path segment, unique across the portal. */
      slug: components['schemas']['DnsName'];
      /** @default  */
      description?: string;
      /**
       * @description A file of the project that serves HTTP on `ML_APP_PORT`.
       * @example app.py
       */
      script: string;
      /**
       * Format: uuid
       * @description An enabled runtime of the catalog.
       */
      runtimeId: string;
      /** @description A resource profile of the project's workspace. */
      profile: components['schemas']['DnsName'];
      /**
       * @description App environment variables, above the project's and the workspace's.
       * @default {}
       */
      env?: components['schemas']['EnvVars'];
      /**
       * @description Open the app to anyone; only when the portal allows it (`GET /applications/settings`).
       * @default false
       */
      bypassAuthentication?: boolean;
      /**
       * @description Start the app right away.
       * @default true
       */
      start?: boolean;
    };
    UpdateApplicationRequest: {
      name?: string;
      slug?: components['schemas']['DnsName'];
      description?: string;
      script?: string;
      /** Format: uuid */
      runtimeId?: string;
      profile?: components['schemas']['DnsName'];
      env?: components['schemas']['EnvVars'];
      bypassAuthentication?: boolean;
    };
    /** @description A job has a `schedule` or a `parentJobId`, not both (or neither, to run only when asked). */
    CreateJobRequest: {
      /**
       * @description Unique within the project; surrounding whitespace is trimmed.
       * @example train
       */
      name: string;
      /**
       * @description A file of the project to run, relative to the project root.
       * @example src/train.py
       */
      script: string;
      /** @default [] */
      args?: components['schemas']['ScriptArgs'];
      /**
       * @description Job environment variables, above the project's and the workspace's.
       * @default {}
       */
      env?: components['schemas']['EnvVars'];
      /**
       * Format: uuid
       * @description An enabled runtime of the catalog.
       */
      runtimeId: string;
      /** @description A resource profile of the project's workspace. */
      profile: components['schemas']['DnsName'];
      /** @description A run attempt running longer is stopped as `timed_out` (and not retried). None by default. */
      timeoutSeconds?: number;
      /**
       * @description How often a failed run is tried again.
       * @default 0
       */
      maxRetries?: number;
      /**
       * @description The wait before the first retry; each further retry waits twice as long.
       * @default 30
       */
      retryBackoffSeconds?: number;
      /** @description Runs the job at these times. Each time runs once across all
       *     backends; times missed while no backend ran are coalesced into
       *     one run. A time at which the job's previous run is still active is
       *     skipped.
       *      */
      schedule?: components['schemas']['CronSchedule'];
      /**
       * @description The time zone the schedule is read in.
       * @default UTC
       */
      timezone?: components['schemas']['TimeZone'];
      /**
       * Format: uuid
       * @description Runs the job after each successful run of this job of the same project.
       */
      parentJobId?: string;
      /**
       * @description A disabled job does not run on its schedule or after its parent; it can still be run by hand.
       * @default true
       */
      enabled?: boolean;
      candidate?: components['schemas']['JobCandidate'];
    };
    /** @description A job has a `schedule` or a `parentJobId`, not both. */
    UpdateJobRequest: {
      /** @description Unique within the project; surrounding whitespace is trimmed. */
      name?: string;
      /** @description A file of the project to run, relative to the project root. */
      script?: string;
      args?: components['schemas']['ScriptArgs'];
      env?: components['schemas']['EnvVars'];
      /**
       * Format: uuid
       * @description An enabled runtime of the catalog.
       */
      runtimeId?: string;
      /** @description A resource profile of the project's workspace. */
      profile?: components['schemas']['DnsName'];
      /** @description `null` removes the timeout. */
      timeoutSeconds?: number | null;
      maxRetries?: number;
      retryBackoffSeconds?: number;
      /** @description `null` removes the schedule. */
      schedule?: components['schemas']['CronSchedule'] | null;
      timezone?: components['schemas']['TimeZone'];
      /**
       * Format: uuid
       * @description `null` removes the parent.
       */
      parentJobId?: string | null;
      enabled?: boolean;
      /** @description `null` removes it. */
      candidate?: components['schemas']['JobCandidate'] | null;
    };
    RunJobRequest: {
      /**
       * @description Run environment variables, above the job's. A secret needs its value (there is none stored to keep).
       * @default {}
       */
      env?: components['schemas']['EnvVars'];
      /** @description Replace the job's arguments for this run. */
      args?: components['schemas']['ScriptArgs'];
    };
    Model: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      projectId: string;
      name: components['schemas']['DnsName'];
      description: string;
      /** @description When true, predictions need no access key. */
      disableAuthentication: boolean;
      /**
       * Format: uuid
       * @description The deployment that serves traffic now, if any.
       */
      activeDeploymentId?: string;
      createdBy: string;
      createdAt: components['schemas']['Timestamp'];
      updatedAt: components['schemas']['Timestamp'];
    };
    ModelList: {
      items: components['schemas']['Model'][];
    };
    /** @description A request to try the model with, and what it should answer. */
    ModelExample: {
      request: unknown;
      response?: unknown;
    };
    /** @description A model's lineage, datasets → builds → deployments → endpoint → applications. */
    ModelLineage: {
      /** Format: uuid */
      modelId: string;
      /**
       * @description The model's catalog entity.
       * @example model:demo/churn.classifier
       */
      entityRef: string;
      nodes: components['schemas']['LineageNode'][];
      edges: components['schemas']['LineageEdge'][];
    };
    LineageNode: {
      /**
       * @description Unique in the graph, `<kind>:<id>`; a dataset's id is its table name.
       * @example dataset:warehouse.customer_events
       */
      id: string;
      /** @enum {string} */
      kind:
        | 'dataset'
        | 'experimentRun'
        | 'modelVersion'
        | 'build'
        | 'deployment'
        | 'endpoint'
        | 'application';
      label: string;
      /** @description The catalog entity that stands for it, where there is one. */
      entityRef?: string;
      /** @description Build, deployment or application state. */
      state?: string;
      /** @description e.g. a build's lineage.yaml metadata, a deployment's replicas. */
      details?: {
        [key: string]: unknown;
      };
    };
    LineageEdge: {
      from: string;
      to: string;
      /**
       * @description `trainedOn` dataset → build (from `lineage.yaml`) or dataset →
       *     experiment run (the run's logged inputs), `registeredAs`
       *     experiment run → model version, `builtFrom` model version →
       *     build, `deployedAs` build → deployment, `serves` deployment →
       *     endpoint, `calledBy` endpoint → application.
       *
       * @enum {string}
       */
      type:
        | 'trainedOn'
        | 'registeredAs'
        | 'builtFrom'
        | 'deployedAs'
        | 'serves'
        | 'calledBy';
    };
    ModelBuild: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      modelId: string;
      /** @description 1-based, per model. */
      number: number;
      filePath: components['schemas']['ProjectPath'];
      functionName: string;
      /** Format: uuid */
      runtimeId: string;
      comment: string;
      examples: components['schemas']['ModelExample'][];
      env: components['schemas']['EnvVarsRead'];
      /** @enum {string} */
      state: 'queued' | 'building' | 'built' | 'failed' | 'stopped';
      /** @description Why it failed, e.g. `function 'predict' not found in model.py`. */
      reason?: string;
      /**
       * Format: uuid
       * @description The build workload; its log is `/workloads/{workloadId}/logs`.
       */
      workloadId?: string;
      /** @description From the model's entry in `lineage.yaml`. */
      datasets: string[];
      lineageMetadata: {
        [key: string]: unknown;
      };
      registeredModel?: components['schemas']['RegisteredModelSource'];
      /** @description The evaluation metrics it was promoted with, if it was a candidate. */
      evaluation?: {
        [key: string]: number;
      };
      createdBy: string;
      createdAt: components['schemas']['Timestamp'];
      builtAt?: components['schemas']['Timestamp'];
    };
    /** @description The model registry's version a build was made from: its artifacts
     *     are in the build's `registered-model/` folder (`ML_MODEL_ARTIFACTS`).
     *      */
    RegisteredModelSource: {
      name: string;
      version: string;
      /** @description The experiment run the version came from, if any. */
      runId?: string;
      runName?: string;
      experimentId?: string;
      /** @description The datasets the run logged as its inputs, when the build was made. */
      datasets?: string[];
    };
    ModelBuildList: {
      items: components['schemas']['ModelBuild'][];
    };
    ModelReplica: {
      /** Format: uuid */
      workloadId: string;
      index: number;
      state: components['schemas']['WorkloadState'];
      reason?: string;
      /** @description Answers its health check and takes traffic. */
      ready: boolean;
    };
    ModelDeployment: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      modelId: string;
      /** Format: uuid */
      buildId: string;
      buildNumber: number;
      replicas: number;
      profile: components['schemas']['DnsName'];
      env: components['schemas']['EnvVarsRead'];
      /** @enum {string} */
      state: 'deploying' | 'deployed' | 'failed' | 'stopped';
      reason?: string;
      replicaStatus: components['schemas']['ModelReplica'][];
      createdBy: string;
      createdAt: components['schemas']['Timestamp'];
      updatedAt: components['schemas']['Timestamp'];
      /** @description When all its replicas were first ready. Absent until then. */
      deployedAt?: components['schemas']['Timestamp'];
      stoppedAt?: components['schemas']['Timestamp'];
    };
    ModelDeploymentList: {
      items: components['schemas']['ModelDeployment'][];
    };
    ModelAccessKey: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      modelId: string;
      name: string;
      /** @example mk_3f9a… */
      masked: string;
      createdBy: string;
      createdAt: components['schemas']['Timestamp'];
      lastUsedAt?: components['schemas']['Timestamp'];
    };
    ModelAccessKeyList: {
      items: components['schemas']['ModelAccessKey'][];
    };
    CreatedModelAccessKey: components['schemas']['ModelAccessKey'] & {
      /** @description The whole key; returned once. */
      key: string;
    };
    CreateModelRequest: {
      name: components['schemas']['DnsName'];
      /** @default  */
      description?: string;
      /** @default false */
      disableAuthentication?: boolean;
    };
    UpdateModelRequest: {
      description?: string;
      disableAuthentication?: boolean;
    };
    /** @description The model function is `functionName` in the project file `filePath`.
     *     A build from the model registry (`registeredModel`) also gets that
     *     version's artifacts in `registered-model/`; without a file and
     *     function it serves them with the platform's MLflow `pyfunc`
     *     wrapper. One of the two (file and function, or registeredModel) is
     *     needed.
     *      */
    CreateModelBuildRequest: {
      filePath?: components['schemas']['ProjectPath'];
      functionName?: string;
      registeredModel?: {
        name: string;
        version: string;
      };
      /** Format: uuid */
      runtimeId: string;
      /** @description The build workload's profile; the workspace's smallest when absent. */
      profile?: components['schemas']['DnsName'];
      /** @default  */
      comment?: string;
      /** @default [] */
      examples?: components['schemas']['ModelExample'][];
      /**
       * @description Build environment variables, above the project's (replicas get them too).
       * @default {}
       */
      env?: components['schemas']['EnvVars'];
    };
    CreateModelDeploymentRequest: {
      /** Format: uuid */
      buildId: string;
      /** @default 1 */
      replicas?: number;
      profile: components['schemas']['DnsName'];
      /**
       * @description Deployment environment variables, above the build's.
       * @default {}
       */
      env?: components['schemas']['EnvVars'];
    };
    UpdateModelDeploymentRequest: {
      replicas: number;
    };
    CreateModelAccessKeyRequest: {
      /** @default default */
      name?: string;
    };
    /** @description Backstage's standard error response body. */
    Error: {
      error: {
        /** @description The error's type, e.g. InputError, NotAllowedError, NotFoundError, ConflictError. */
        name: string;
        /** @description What went wrong; for 400s it names the wrong field. */
        message: string;
        code?: string;
        /** @description Only when the backend shows stack traces (development). */
        stack?: string;
      } & {
        [key: string]: unknown;
      };
      request: {
        method: string;
        /** @description The request's URL below the base path, e.g. `/workspaces/nope`. */
        url: string;
      };
      response: {
        statusCode: number;
      };
    };
    CmlPredictionRequest: {
      /** @description The model's access key (or send it as a Bearer token). */
      accessKey?: string;
      /** @description The model's request, passed to the model function as parsed JSON. */
      request: unknown;
    };
    PredictionResponse: {
      success: boolean;
      /** @description What the model function returned (when `success`). */
      response?: unknown;
      /** @description The exception the model function raised (when not `success`). */
      error?: {
        name: string;
        message: string;
      };
      /**
       * Format: uuid
       * @description The prediction's id, for delayed metrics and the prediction records.
       */
      uuid: string;
      /** @description Index of the replica that served it. */
      replica: number;
      timing: {
        /** @description Time in the model function. */
        modelMs: number;
        /** @description Time in the platform, from the request's arrival at the gateway to its answer. */
        totalMs: number;
      };
    };
    PredictionRecord: {
      /** Format: uuid */
      uuid: string;
      modelId: string;
      deploymentId: string;
      /** @description The replica's index; -1 when none took the request (e.g. 429). */
      replica: number;
      /** Format: date-time */
      at: string;
      latencyMs: number;
      /** @description The HTTP status the caller got. */
      status: number;
      success: boolean;
      metrics: components['schemas']['MetricValues'];
      delayedMetrics: components['schemas']['MetricValues'];
    };
    PredictionRecordPage: {
      items: components['schemas']['PredictionRecord'][];
      total_size: number;
      next_page_token?: string;
    };
    /** @description Metric values by name. */
    MetricValues: {
      [key: string]: number;
    };
    ModelMetrics: {
      /** Format: date-time */
      from: string;
      /** Format: date-time */
      to: string;
      stepSeconds: number;
      buckets: {
        /**
         * Format: date-time
         * @description The bucket's start.
         */
        at: string;
        requests: number;
        errors: number;
        p50Ms?: number;
        p95Ms?: number;
        p99Ms?: number;
        metrics: components['schemas']['MetricValues'];
        delayedMetrics: components['schemas']['MetricValues'];
      }[];
      usage: {
        /** Format: date-time */
        at: string;
        replica: number;
        /** @description vCPU in use. */
        cpu: number;
        memoryMiB: number;
      }[];
    };
    TrackMetricsRequest: {
      points: {
        name: string;
        value: number;
        /** @description Name or id of a model of the workload's project; default the calling replica's own. */
        model?: string;
        /** Format: uuid */
        predictionUuid?: string;
        /** @description When the value was seen; default now. */
        at?: components['schemas']['EpochMillis'];
      }[];
    };
    DelayedMetricsRequest: {
      /** Format: uuid */
      predictionUuid: string;
      metrics: components['schemas']['MetricValues'];
    };
    MetricsEntry: {
      predictionUuid: string | null;
      modelId: string;
      deploymentId: string | null;
      /** Format: date-time */
      at: string;
      metrics: components['schemas']['MetricValues'];
      delayedMetrics: components['schemas']['MetricValues'];
    };
    /** @enum {string} */
    MonitoringTask: 'regression' | 'classification';
    MonitoredFeature: {
      /** @description A top-level field of the prediction's `request`. */
      name: string;
      /** @enum {string} */
      type: 'numeric' | 'categorical';
    };
    ModelMonitoringSettingsInput: {
      task: components['schemas']['MonitoringTask'];
      /** @description The tracked metric that holds the model's prediction (e.g. `prediction`). */
      predictionMetric?: string;
      /** @description The delayed metric that holds its ground truth (e.g. `actual`). */
      truthMetric?: string;
      features?: components['schemas']['MonitoredFeature'][];
      /** @description How many values a baseline keeps per feature (default 10,000). */
      baselineSize?: number;
    };
    ModelMonitoringSettings: {
      /** Format: uuid */
      modelId: string;
      /** @description False until set by hand or by a build's lineage.yaml. */
      configured: boolean;
      task: components['schemas']['MonitoringTask'];
      predictionMetric?: string;
      truthMetric?: string;
      features: components['schemas']['MonitoredFeature'][];
      baselineSize: number;
      /** @enum {string} */
      source: 'default' | 'settings' | 'lineage';
      updatedAt?: components['schemas']['Timestamp'];
      baselines: components['schemas']['DriftBaseline'][];
    };
    DriftBaseline: {
      /** @description A feature's name, or `$prediction` for the prediction. */
      feature: string;
      /** @enum {string} */
      type: 'numeric' | 'categorical';
      size: number;
      /** @description Where it was taken, e.g. `build 3, data/train.csv` or `the first 500 predictions of deployment …`. */
      source: string;
      createdAt: components['schemas']['Timestamp'];
    };
    DriftBaselineList: {
      items: components['schemas']['DriftBaseline'][];
    };
    TakeDriftBaselineRequest: {
      /** @enum {string} */
      source: 'dataset' | 'examples' | 'predictions';
      /**
       * Format: uuid
       * @description For `dataset` and `examples`; default the active deployment's build.
       */
      buildId?: string;
      /** @description For `dataset`, a CSV file of the build's snapshot. */
      path?: string;
      /**
       * Format: uuid
       * @description For `predictions`; default the active deployment.
       */
      deploymentId?: string;
      /** @description For `predictions`, how many of the first ones (default the settings' baselineSize). */
      size?: number;
    };
    QualityWindow: {
      start: components['schemas']['Timestamp'];
      /** @description Predictions of the window with both a prediction and a truth. */
      count: number;
      mae?: number;
      rmse?: number;
      /** @description Percent; predictions whose truth is 0 are left out of it. */
      mape?: number;
      accuracy?: number;
      precision?: number;
      recall?: number;
      f1?: number;
    };
    AggregateMetricValue: {
      name: string;
      value: number;
      start: components['schemas']['Timestamp'];
      end: components['schemas']['Timestamp'];
    };
    ModelQuality: {
      from: components['schemas']['Timestamp'];
      to: components['schemas']['Timestamp'];
      stepSeconds: number;
      /** @description Whether the model names its prediction and truth metrics. */
      configured: boolean;
      task: components['schemas']['MonitoringTask'];
      predictionMetric?: string;
      truthMetric?: string;
      windows: components['schemas']['QualityWindow'][];
      aggregates: components['schemas']['AggregateMetricValue'][];
      /** @description Up to 500 prediction/truth pairs of the range, evenly spread, oldest first. */
      pairs: {
        at: components['schemas']['Timestamp'];
        prediction: number;
        truth: number;
      }[];
    };
    DriftWindow: {
      start: components['schemas']['Timestamp'];
      /** @description Values of the feature in the window. */
      count: number;
      psi?: number;
      /** @description Numeric features; the two-sample statistic D. */
      ks?: number;
      ksPValue?: number;
      /** @description Categorical features. */
      chiSquare?: number;
      chiSquarePValue?: number;
    };
    FeatureDrift: {
      /** @description A feature's name, or `$prediction`. */
      feature: string;
      /** @enum {string} */
      type: 'numeric' | 'categorical';
      baseline?: components['schemas']['DriftBaseline'];
      windows: components['schemas']['DriftWindow'][];
    };
    ModelDrift: {
      from: components['schemas']['Timestamp'];
      to: components['schemas']['Timestamp'];
      stepSeconds: number;
      features: components['schemas']['FeatureDrift'][];
    };
    AggregateMetricsRequest: {
      metrics: components['schemas']['MetricValues'];
      start: components['schemas']['EpochMillis'];
      end: components['schemas']['EpochMillis'];
      /** @description Name or id of a model of the workload's project; default the calling replica's own. */
      model?: string;
      /** Format: uuid */
      deploymentId?: string;
    };
    /** @description What a monitor watches. `quality`: `name` one of mae, rmse, mape,
     *     accuracy, precision, recall, f1. `drift`: `feature` (a declared
     *     feature or `$prediction`) and `statistic` psi, ks or chiSquare.
     *     `technical`: `name` p95LatencyMs or errorRate (0..1). `aggregate`:
     *     `name` of a metric sent with `track_aggregate_metrics` (its latest
     *     value ending in the window).
     *      */
    MonitorMetric: {
      /** @enum {string} */
      kind: 'quality' | 'drift' | 'technical' | 'aggregate';
      name?: string;
      feature?: string;
      /** @enum {string} */
      statistic?: 'psi' | 'ks' | 'chiSquare';
    };
    /**
     * @description `pending` until its first window is evaluated.
     * @enum {string}
     */
    MonitorState: 'pending' | 'ok' | 'alerting' | 'insufficient_data';
    ModelMonitor: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      projectId: string;
      /** Format: uuid */
      modelId: string;
      name: components['schemas']['DnsName'];
      metric: components['schemas']['MonitorMetric'];
      windowSeconds: number;
      threshold: number;
      /**
       * @description `above`: alerting while the value is above the threshold.
       * @enum {string}
       */
      direction: 'above' | 'below';
      minSamples: number;
      cooldownSeconds: number;
      /**
       * Format: uuid
       * @description A job of the project started when the monitor starts alerting.
       */
      triggerJobId?: string;
      enabled: boolean;
      state: components['schemas']['MonitorState'];
      stateSince: components['schemas']['Timestamp'];
      lastValue?: number;
      lastSamples?: number;
      lastWindowEnd?: components['schemas']['Timestamp'];
      lastTriggeredAt?: components['schemas']['Timestamp'];
      createdBy: string;
      createdAt: components['schemas']['Timestamp'];
      updatedAt: components['schemas']['Timestamp'];
    };
    ModelMonitorList: {
      items: components['schemas']['ModelMonitor'][];
    };
    CreateModelMonitorRequest: {
      name: components['schemas']['DnsName'];
      metric: components['schemas']['MonitorMetric'];
      /** @description Default 3600. */
      windowSeconds?: number;
      threshold: number;
      /** @enum {string} */
      direction: 'above' | 'below';
      /** @description Default 30. */
      minSamples?: number;
      /** @description Default 3600. */
      cooldownSeconds?: number;
      /** Format: uuid */
      triggerJobId?: string;
      enabled?: boolean;
    };
    UpdateModelMonitorRequest: {
      name?: components['schemas']['DnsName'];
      metric?: components['schemas']['MonitorMetric'];
      windowSeconds?: number;
      threshold?: number;
      /** @enum {string} */
      direction?: 'above' | 'below';
      minSamples?: number;
      cooldownSeconds?: number;
      /** Format: uuid */
      triggerJobId?: string | null;
      enabled?: boolean;
    };
    MonitorEvaluation: {
      id: string;
      /** Format: uuid */
      monitorId: string;
      windowStart: components['schemas']['Timestamp'];
      windowEnd: components['schemas']['Timestamp'];
      value?: number;
      samples: number;
      state: components['schemas']['MonitorState'];
      /** @description Whether the state changed at this window. */
      transition: boolean;
      /**
       * Format: uuid
       * @description The job run this window started.
       */
      triggeredRunId?: string;
      /** @description Why, in a sentence (e.g. why no job was started). */
      detail?: string;
      evaluatedAt: components['schemas']['Timestamp'];
    };
    MonitorEvaluationPage: {
      items: components['schemas']['MonitorEvaluation'][];
      total_size: number;
      next_page_token?: string;
    };
    PromotionPolicyInput: {
      /** @description Default true. */
      enabled?: boolean;
      /** @description The evaluation metric, e.g. `rmse`. */
      metric: string;
      /**
       * @description `mlflowRun` (default): the metric of the candidate's MLflow run
       *     (a registered version's run, or the job run's latest MLflow run);
       *     `jobOutput`: the JSON object the job wrote to the file named by
       *     `ML_CANDIDATE_METRICS_FILE`.
       *
       * @enum {string}
       */
      source?: 'mlflowRun' | 'jobOutput';
      /** @enum {string} */
      better: 'higher' | 'lower';
      /** @description How much better the candidate must be, in the metric's units (default 0). */
      margin?: number;
    };
    PromotionPolicy: {
      /** Format: uuid */
      modelId: string;
      enabled: boolean;
      metric: string;
      /** @enum {string} */
      source: 'mlflowRun' | 'jobOutput';
      /** @enum {string} */
      better: 'higher' | 'lower';
      margin: number;
      updatedBy: string;
      updatedAt: components['schemas']['Timestamp'];
    };
    /** @description What a successful run of the job offers its model: `build` (the
     *     platform builds the project's files as the run left them, with the
     *     active build's file and function unless given) or `modelVersion`
     *     (the registered model versions the run's MLflow runs created). With
     *     a promotion policy on the model it is promoted or refused.
     *      */
    JobCandidate: {
      /** @description Name or id of a model of the job's project. */
      model: string;
      /** @enum {string} */
      kind: 'build' | 'modelVersion';
      filePath?: string;
      functionName?: string;
    };
    /** @enum {string} */
    ModelEventKind:
      | 'monitor_alerting'
      | 'monitor_ok'
      | 'monitor_insufficient_data'
      | 'retrain_started'
      | 'candidate_promoted'
      | 'candidate_refused'
      | 'candidate_failed';
    ModelEvent: {
      id: string;
      /** Format: uuid */
      modelId: string;
      kind: components['schemas']['ModelEventKind'];
      /** @description What happened and why, in a sentence. */
      message: string;
      /** @description Ids to link to (`monitorId`, `runId`, `jobId`, `buildId`,
       *     `deploymentId`, `registeredModel`, `version`) and the compared
       *     values (`candidateValue`, `activeValue`, `margin`, `metric`).
       *      */
      details: {
        [key: string]: unknown;
      };
      at: components['schemas']['Timestamp'];
    };
    ModelEventPage: {
      items: components['schemas']['ModelEvent'][];
      total_size: number;
      next_page_token?: string;
    };
  };
  responses: {
    /** @description The model answered: `success` true with its `response`, or false with
     *     the `error` its function raised (the replica keeps serving).
     *      */
    Prediction: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        /** @example {
         *       "success": true,
         *       "response": {
         *         "sum": 3
         *       },
         *       "uuid": "3b241101-e2bb-4255-8caf-4136c566a962",
         *       "replica": 0,
         *       "timing": {
         *         "modelMs": 0.04,
         *         "totalMs": 1.2
         *       }
         *     } */
        'application/json': components['schemas']['PredictionResponse'];
      };
    };
    /** @description The model needs an access key and none was sent (or a Backstage token was not valid). */
    NoAccessKey: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['Error'];
      };
    };
    /** @description The access key is unknown, revoked, or of another model. */
    WrongAccessKey: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['Error'];
      };
    };
    /** @description The request body is larger than 5 MiB. */
    PredictionTooLarge: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['Error'];
      };
    };
    /** @description Every replica stayed busy for `ml.serving.queueTimeoutMs`; the error's
     *     name is `model.busy`. Retry later, or deploy more replicas.
     *      */
    ModelBusy: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        /** @example {
         *       "error": {
         *         "name": "model.busy",
         *         "message": "All 1 replica(s) of the model stayed busy for 10000 ms; retry later or add replicas"
         *       },
         *       "request": {
         *         "method": "POST",
         *         "url": "/model"
         *       },
         *       "response": {
         *         "statusCode": 429
         *       }
         *     } */
        'application/json': components['schemas']['Error'];
      };
    };
    /** @description No replica could be reached (`model.unreachable`, after one retry on
     *     another replica) or a replica answered outside the contract
     *     (`model.bad_response`).
     *      */
    ReplicaFailed: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['Error'];
      };
    };
    /** @description The model has no active deployment, or no ready replica now. */
    ModelUnavailable: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['Error'];
      };
    };
    /** @description The model function did not answer within `ml.serving.predictionTimeoutSeconds` (`model.timeout`). */
    PredictionTimeout: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['Error'];
      };
    };
    /** @description The request is invalid (`InputError`): a path, query or body field is
     *     wrong, the body is not valid JSON, or the request breaks a rule such
     *     as a resource profile that fits no node. The message names the field.
     *     Text anywhere in a request (path, query or body) that contains the
     *     NUL character (`\u0000`) is refused this way.
     *      */
    BadRequest: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        /** @example {
         *       "error": {
         *         "name": "InputError",
         *         "message": "Invalid request body: nodeGroups[0].maxNodes: maxNodes must be at least minNodes"
         *       },
         *       "request": {
         *         "method": "POST",
         *         "url": "/workspaces"
         *       },
         *       "response": {
         *         "statusCode": 400
         *       }
         *     } */
        'application/json': components['schemas']['Error'];
      };
    };
    /** @description No valid Backstage token. */
    Unauthorized: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        /** @example {
         *       "error": {
         *         "name": "AuthenticationError",
         *         "message": "Missing credentials"
         *       },
         *       "request": {
         *         "method": "GET",
         *         "url": "/workspaces"
         *       },
         *       "response": {
         *         "statusCode": 401
         *       }
         *     } */
        'application/json': components['schemas']['Error'];
      };
    };
    /** @description Not allowed (`NotAllowedError`): the caller lacks the permission, the
     *     operation needs a user token, or a file path leads outside the project
     *     through a symbolic link.
     *      */
    Forbidden: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        /** @example {
         *       "error": {
         *         "name": "NotAllowedError",
         *         "message": "You are not allowed to do this: it needs the 'ml.workspace.manage' permission"
         *       },
         *       "request": {
         *         "method": "POST",
         *         "url": "/workspaces"
         *       },
         *       "response": {
         *         "statusCode": 403
         *       }
         *     } */
        'application/json': components['schemas']['Error'];
      };
    };
    /** @description Something the request names does not exist (`NotFoundError`). */
    NotFound: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        /** @example {
         *       "error": {
         *         "name": "NotFoundError",
         *         "message": "No workspace named 'nope'"
         *       },
         *       "request": {
         *         "method": "GET",
         *         "url": "/workspaces/nope"
         *       },
         *       "response": {
         *         "statusCode": 404
         *       }
         *     } */
        'application/json': components['schemas']['Error'];
      };
    };
    /** @description The request conflicts with what exists (`ConflictError`). */
    Conflict: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        /** @example {
         *       "error": {
         *         "name": "ConflictError",
         *         "message": "A workspace named 'ws' already exists"
         *       },
         *       "request": {
         *         "method": "POST",
         *         "url": "/workspaces"
         *       },
         *       "response": {
         *         "statusCode": 409
         *       }
         *     } */
        'application/json': components['schemas']['Error'];
      };
    };
    /** @description The request body is too large: more than 1 MiB of JSON, or an upload
     *     larger than `ml.storage.maxUploadMiB`.
     *      */
    PayloadTooLarge: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        /** @example {
         *       "error": {
         *         "name": "PayloadTooLargeError",
         *         "message": "request entity too large"
         *       },
         *       "request": {
         *         "method": "POST",
         *         "url": "/workspaces"
         *       },
         *       "response": {
         *         "statusCode": 413
         *       }
         *     } */
        'application/json': components['schemas']['Error'];
      };
    };
  };
  parameters: {
    /** @description The workspace's name. */
    WorkspaceName: components['schemas']['DnsName'];
    /** @description The resource profile's name. */
    ProfileName: components['schemas']['DnsName'];
    /** @description The quota's id. */
    QuotaId: string;
    /** @description The runtime's id. */
    RuntimeId: string;
    /** @description The project's id. */
    ProjectId: string;
    /** @description The session's id (a workload id). */
    SessionId: string;
    /** @description The job's id. */
    JobId: string;
    /** @description The application's id. */
    ApplicationId: string;
    /** @description The workload's id (a session's or a job run's). */
    WorkloadId: string;
    /** @description Entity ref of the collaborating user or group, URL-encoded as one path
     *     segment (`user%3Adefault%2Fjane`).
     *      */
    CollaboratorSubject: components['schemas']['OwnerRef'];
    /** @description The file or folder, relative to the project root; it cannot be the root itself. */
    FilePath: components['schemas']['ProjectPath'];
    /** @description Case-insensitive text to search for; each operation says which fields it searches. */
    Filter: string;
    /** @description How many items a page holds. */
    PageSize: number;
    /** @description The `next_page_token` of the previous page; omit it for the first page.
     *     Tokens are opaque; one this API did not return is refused with 400.
     *      */
    PageToken: string;
    /** @description How many items to skip before the page starts. */
    Offset: number;
    /**
     * @description Comma-separated fields to sort by, each optionally prefixed with `-`
     *     (descending) or `+` (ascending, the default), e.g. `-updated_at,+name`
     *     (an unencoded `+` in a URL arrives as a space, which also means
     *     ascending). At most 200 characters. Fields:
     *     `name`, `title`, `owner`, `created_at`, `updated_at`. Ties are broken by the name, so pages never overlap.
     *
     * @example [
     *       "-updated_at",
     *       "name"
     *     ]
     */
    WorkspaceSort: string[];
    /**
     * @description Comma-separated fields to sort by, each optionally prefixed with `-`
     *     (descending) or `+` (ascending, the default), e.g. `-updated_at,+name`
     *     (an unencoded `+` in a URL arrives as a space, which also means
     *     ascending). At most 200 characters. Fields:
     *     `name`, `cpu_millis`, `memory_mib`, `gpu`, `created_at`, `updated_at`. Ties are broken by the id, so pages never overlap.
     *
     * @example [
     *       "cpu_millis"
     *     ]
     */
    ProfileSort: string[];
    /**
     * @description Comma-separated fields to sort by, each optionally prefixed with `-`
     *     (descending) or `+` (ascending, the default), e.g. `-updated_at,+name`
     *     (an unencoded `+` in a URL arrives as a space, which also means
     *     ascending). At most 200 characters. Fields:
     *     `subject`, `cpu_millis`, `memory_mib`, `gpu`, `created_at`, `updated_at`. Ties are broken by the id, so pages never overlap.
     *
     * @example [
     *       "subject"
     *     ]
     */
    QuotaSort: string[];
    /**
     * @description Comma-separated fields to sort by, each optionally prefixed with `-`
     *     (descending) or `+` (ascending, the default), e.g. `-updated_at,+name`
     *     (an unencoded `+` in a URL arrives as a space, which also means
     *     ascending). At most 200 characters. Fields:
     *     `editor`, `kernel`, `edition`, `short_version`, `maintenance_version`, `created_at`, `updated_at`. Ties are broken by the id, so pages never overlap.
     *
     * @example [
     *       "short_version",
     *       "-maintenance_version"
     *     ]
     */
    RuntimeSort: string[];
    /**
     * @description Comma-separated fields to sort by, each optionally prefixed with `-`
     *     (descending) or `+` (ascending, the default), e.g. `-updated_at,+name`
     *     (an unencoded `+` in a URL arrives as a space, which also means
     *     ascending). At most 200 characters. Fields:
     *     `name`, `title`, `owner`, `workspace`, `created_at`, `updated_at`. Ties are broken by the id, so pages never overlap.
     *
     * @example [
     *       "-updated_at"
     *     ]
     */
    ProjectSort: string[];
    /** @description The model's id, or its name in the project. */
    ModelId: string;
    /** @description The build's id. */
    BuildId: string;
    /** @description The deployment's id. */
    DeploymentId: string;
    /** @description The access key's id (not the key). */
    AccessKeyId: string;
    /** @description The monitor's id. */
    MonitorId: string;
    /** @description The window length in seconds. */
    StepSeconds: number;
    /** @description Only this deployment of the model. */
    DeploymentFilter: string;
    /** @description Start of the time range (inclusive). */
    RangeFrom: components['schemas']['TimeParameter'];
    /** @description End of the time range (exclusive). */
    RangeTo: components['schemas']['TimeParameter'];
  };
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
  listWorkspaces: {
    parameters: {
      query?: {
        /** @description Case-insensitive text to search for; each operation says which fields it searches. */
        filter?: components['parameters']['Filter'];
        /**
         * @description Comma-separated fields to sort by, each optionally prefixed with `-`
         *     (descending) or `+` (ascending, the default), e.g. `-updated_at,+name`
         *     (an unencoded `+` in a URL arrives as a space, which also means
         *     ascending). At most 200 characters. Fields:
         *     `name`, `title`, `owner`, `created_at`, `updated_at`. Ties are broken by the name, so pages never overlap.
         *
         * @example [
         *       "-updated_at",
         *       "name"
         *     ]
         */
        sort?: components['parameters']['WorkspaceSort'];
        /** @description How many items a page holds. */
        page_size?: components['parameters']['PageSize'];
        /** @description The `next_page_token` of the previous page; omit it for the first page.
         *     Tokens are opaque; one this API did not return is refused with 400.
         *      */
        page_token?: components['parameters']['PageToken'];
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description One page of workspaces. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WorkspacePage'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
    };
  };
  createWorkspace: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateWorkspaceRequest'];
      };
    };
    responses: {
      /** @description The created workspace. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Workspace'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      409: components['responses']['Conflict'];
      413: components['responses']['PayloadTooLarge'];
    };
  };
  getWorkspace: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The workspace's name. */
        workspace: components['parameters']['WorkspaceName'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The workspace. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Workspace'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      404: components['responses']['NotFound'];
    };
  };
  deleteWorkspace: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The workspace's name. */
        workspace: components['parameters']['WorkspaceName'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Deleted. */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      409: components['responses']['Conflict'];
    };
  };
  updateWorkspace: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The workspace's name. */
        workspace: components['parameters']['WorkspaceName'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateWorkspaceRequest'];
      };
    };
    responses: {
      /** @description The updated workspace. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Workspace'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      413: components['responses']['PayloadTooLarge'];
    };
  };
  getWorkspaceCapacity: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The workspace's name. */
        workspace: components['parameters']['WorkspaceName'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The workspace's capacity. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WorkspaceCapacity'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      404: components['responses']['NotFound'];
    };
  };
  listProfiles: {
    parameters: {
      query?: {
        /** @description Case-insensitive text to search for; each operation says which fields it searches. */
        filter?: components['parameters']['Filter'];
        /**
         * @description Comma-separated fields to sort by, each optionally prefixed with `-`
         *     (descending) or `+` (ascending, the default), e.g. `-updated_at,+name`
         *     (an unencoded `+` in a URL arrives as a space, which also means
         *     ascending). At most 200 characters. Fields:
         *     `name`, `cpu_millis`, `memory_mib`, `gpu`, `created_at`, `updated_at`. Ties are broken by the id, so pages never overlap.
         *
         * @example [
         *       "cpu_millis"
         *     ]
         */
        sort?: components['parameters']['ProfileSort'];
        /** @description How many items a page holds. */
        page_size?: components['parameters']['PageSize'];
        /** @description The `next_page_token` of the previous page; omit it for the first page.
         *     Tokens are opaque; one this API did not return is refused with 400.
         *      */
        page_token?: components['parameters']['PageToken'];
      };
      header?: never;
      path: {
        /** @description The workspace's name. */
        workspace: components['parameters']['WorkspaceName'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description One page of resource profiles. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ResourceProfilePage'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      404: components['responses']['NotFound'];
    };
  };
  createProfile: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The workspace's name. */
        workspace: components['parameters']['WorkspaceName'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateProfileRequest'];
      };
    };
    responses: {
      /** @description The created resource profile. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ResourceProfile'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      409: components['responses']['Conflict'];
      413: components['responses']['PayloadTooLarge'];
    };
  };
  getProfile: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The workspace's name. */
        workspace: components['parameters']['WorkspaceName'];
        /** @description The resource profile's name. */
        profile: components['parameters']['ProfileName'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The resource profile. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ResourceProfile'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      404: components['responses']['NotFound'];
    };
  };
  deleteProfile: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The workspace's name. */
        workspace: components['parameters']['WorkspaceName'];
        /** @description The resource profile's name. */
        profile: components['parameters']['ProfileName'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Deleted. */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
    };
  };
  updateProfile: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The workspace's name. */
        workspace: components['parameters']['WorkspaceName'];
        /** @description The resource profile's name. */
        profile: components['parameters']['ProfileName'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateProfileRequest'];
      };
    };
    responses: {
      /** @description The updated resource profile. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ResourceProfile'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      413: components['responses']['PayloadTooLarge'];
    };
  };
  listQuotas: {
    parameters: {
      query?: {
        /** @description Case-insensitive text to search for; each operation says which fields it searches. */
        filter?: components['parameters']['Filter'];
        /**
         * @description Comma-separated fields to sort by, each optionally prefixed with `-`
         *     (descending) or `+` (ascending, the default), e.g. `-updated_at,+name`
         *     (an unencoded `+` in a URL arrives as a space, which also means
         *     ascending). At most 200 characters. Fields:
         *     `subject`, `cpu_millis`, `memory_mib`, `gpu`, `created_at`, `updated_at`. Ties are broken by the id, so pages never overlap.
         *
         * @example [
         *       "subject"
         *     ]
         */
        sort?: components['parameters']['QuotaSort'];
        /** @description How many items a page holds. */
        page_size?: components['parameters']['PageSize'];
        /** @description The `next_page_token` of the previous page; omit it for the first page.
         *     Tokens are opaque; one this API did not return is refused with 400.
         *      */
        page_token?: components['parameters']['PageToken'];
      };
      header?: never;
      path: {
        /** @description The workspace's name. */
        workspace: components['parameters']['WorkspaceName'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description One page of quotas. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['QuotaPage'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      404: components['responses']['NotFound'];
    };
  };
  createQuota: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The workspace's name. */
        workspace: components['parameters']['WorkspaceName'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateQuotaRequest'];
      };
    };
    responses: {
      /** @description The created quota. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Quota'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      409: components['responses']['Conflict'];
      413: components['responses']['PayloadTooLarge'];
    };
  };
  deleteQuota: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The workspace's name. */
        workspace: components['parameters']['WorkspaceName'];
        /** @description The quota's id. */
        quotaId: components['parameters']['QuotaId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Deleted. */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
    };
  };
  updateQuota: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The workspace's name. */
        workspace: components['parameters']['WorkspaceName'];
        /** @description The quota's id. */
        quotaId: components['parameters']['QuotaId'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateQuotaRequest'];
      };
    };
    responses: {
      /** @description The updated quota. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Quota'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      413: components['responses']['PayloadTooLarge'];
    };
  };
  listRuntimes: {
    parameters: {
      query?: {
        /** @description Case-insensitive text to search for; each operation says which fields it searches. */
        filter?: components['parameters']['Filter'];
        /**
         * @description Comma-separated fields to sort by, each optionally prefixed with `-`
         *     (descending) or `+` (ascending, the default), e.g. `-updated_at,+name`
         *     (an unencoded `+` in a URL arrives as a space, which also means
         *     ascending). At most 200 characters. Fields:
         *     `editor`, `kernel`, `edition`, `short_version`, `maintenance_version`, `created_at`, `updated_at`. Ties are broken by the id, so pages never overlap.
         *
         * @example [
         *       "short_version",
         *       "-maintenance_version"
         *     ]
         */
        sort?: components['parameters']['RuntimeSort'];
        /** @description How many items a page holds. */
        page_size?: components['parameters']['PageSize'];
        /** @description The `next_page_token` of the previous page; omit it for the first page.
         *     Tokens are opaque; one this API did not return is refused with 400.
         *      */
        page_token?: components['parameters']['PageToken'];
        /** @description List every maintenance version, not only the newest of each short version. */
        all?: boolean;
        /** @description `true` lists only enabled runtimes, `false` only disabled ones;
         *     absent does not filter on the enabled flag.
         *      */
        enabled?: boolean;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description One page of runtimes. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RuntimePage'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
    };
  };
  createRuntime: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateRuntimeRequest'];
      };
    };
    responses: {
      /** @description The created runtime. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Runtime'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      409: components['responses']['Conflict'];
      413: components['responses']['PayloadTooLarge'];
    };
  };
  getRuntime: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The runtime's id. */
        runtimeId: components['parameters']['RuntimeId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The runtime. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Runtime'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      404: components['responses']['NotFound'];
    };
  };
  deleteRuntime: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The runtime's id. */
        runtimeId: components['parameters']['RuntimeId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Deleted. */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
    };
  };
  updateRuntime: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The runtime's id. */
        runtimeId: components['parameters']['RuntimeId'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateRuntimeRequest'];
      };
    };
    responses: {
      /** @description The updated runtime. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Runtime'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      413: components['responses']['PayloadTooLarge'];
    };
  };
  listProjects: {
    parameters: {
      query?: {
        /** @description Case-insensitive text to search for; each operation says which fields it searches. */
        filter?: components['parameters']['Filter'];
        /**
         * @description Comma-separated fields to sort by, each optionally prefixed with `-`
         *     (descending) or `+` (ascending, the default), e.g. `-updated_at,+name`
         *     (an unencoded `+` in a URL arrives as a space, which also means
         *     ascending). At most 200 characters. Fields:
         *     `name`, `title`, `owner`, `workspace`, `created_at`, `updated_at`. Ties are broken by the id, so pages never overlap.
         *
         * @example [
         *       "-updated_at"
         *     ]
         */
        sort?: components['parameters']['ProjectSort'];
        /** @description How many items a page holds. */
        page_size?: components['parameters']['PageSize'];
        /** @description The `next_page_token` of the previous page; omit it for the first page.
         *     Tokens are opaque; one this API did not return is refused with 400.
         *      */
        page_token?: components['parameters']['PageToken'];
        /** @description Only projects of this workspace. */
        workspace?: components['schemas']['DnsName'];
        /** @description Only projects owned by this user or group. */
        owner?: components['schemas']['OwnerRef'];
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description One page of projects. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProjectPage'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
    };
  };
  createProject: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateProjectRequest'];
      };
    };
    responses: {
      /** @description The created project. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Project'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      409: components['responses']['Conflict'];
      413: components['responses']['PayloadTooLarge'];
    };
  };
  getProject: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The project's id. */
        projectId: components['parameters']['ProjectId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The project. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Project'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      404: components['responses']['NotFound'];
    };
  };
  deleteProject: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The project's id. */
        projectId: components['parameters']['ProjectId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Deleted. */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
    };
  };
  updateProject: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The project's id. */
        projectId: components['parameters']['ProjectId'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateProjectRequest'];
      };
    };
    responses: {
      /** @description The updated project. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Project'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      413: components['responses']['PayloadTooLarge'];
    };
  };
  listCollaborators: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The project's id. */
        projectId: components['parameters']['ProjectId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The collaborators. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CollaboratorList'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      404: components['responses']['NotFound'];
    };
  };
  putCollaborator: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The project's id. */
        projectId: components['parameters']['ProjectId'];
        /** @description Entity ref of the collaborating user or group, URL-encoded as one path
         *     segment (`user%3Adefault%2Fjane`).
         *      */
        subject: components['parameters']['CollaboratorSubject'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CollaboratorRoleRequest'];
      };
    };
    responses: {
      /** @description The collaborator. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Collaborator'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      413: components['responses']['PayloadTooLarge'];
    };
  };
  deleteCollaborator: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The project's id. */
        projectId: components['parameters']['ProjectId'];
        /** @description Entity ref of the collaborating user or group, URL-encoded as one path
         *     segment (`user%3Adefault%2Fjane`).
         *      */
        subject: components['parameters']['CollaboratorSubject'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Removed. */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
    };
  };
  listProjectFiles: {
    parameters: {
      query?: {
        /** @description The folder to list, relative to the project root. */
        path?: components['schemas']['ProjectPath'];
        /** @description Also list the contents of sub-folders. */
        recursive?: boolean;
      };
      header?: never;
      path: {
        /** @description The project's id. */
        projectId: components['parameters']['ProjectId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The folder's entries. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProjectFileList'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
    };
  };
  deleteProjectFile: {
    parameters: {
      query: {
        /** @description The file or folder, relative to the project root; it cannot be the root itself. */
        path: components['parameters']['FilePath'];
      };
      header?: never;
      path: {
        /** @description The project's id. */
        projectId: components['parameters']['ProjectId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Deleted. */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
    };
  };
  readProjectFile: {
    parameters: {
      query: {
        /** @description The file or folder, relative to the project root; it cannot be the root itself. */
        path: components['parameters']['FilePath'];
      };
      header?: never;
      path: {
        /** @description The project's id. */
        projectId: components['parameters']['ProjectId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The file's content. */
      200: {
        headers: {
          /** @description `attachment; filename="<URL-encoded file name>"` */
          'Content-Disposition'?: string;
          /** @description The file's size in bytes. */
          'Content-Length'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/octet-stream': string;
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
    };
  };
  writeProjectFile: {
    parameters: {
      query: {
        /** @description The file or folder, relative to the project root; it cannot be the root itself. */
        path: components['parameters']['FilePath'];
      };
      header?: never;
      path: {
        /** @description The project's id. */
        projectId: components['parameters']['ProjectId'];
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/octet-stream': string;
        '*/*': string;
      };
    };
    responses: {
      /** @description The written file. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProjectFileEntry'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      409: components['responses']['Conflict'];
      413: components['responses']['PayloadTooLarge'];
    };
  };
  createProjectDirectory: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The project's id. */
        projectId: components['parameters']['ProjectId'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateDirectoryRequest'];
      };
    };
    responses: {
      /** @description The created folder. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProjectFileEntry'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      409: components['responses']['Conflict'];
      413: components['responses']['PayloadTooLarge'];
    };
  };
  renameProjectFile: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The project's id. */
        projectId: components['parameters']['ProjectId'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RenameRequest'];
      };
    };
    responses: {
      /** @description The file or folder at its new path. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProjectFileEntry'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      409: components['responses']['Conflict'];
      413: components['responses']['PayloadTooLarge'];
    };
  };
  downloadProjectArchive: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The project's id. */
        projectId: components['parameters']['ProjectId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The archive. */
      200: {
        headers: {
          /** @description `attachment; filename="<project name>.tar.gz"` */
          'Content-Disposition'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/gzip': string;
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      404: components['responses']['NotFound'];
    };
  };
  getProjectQuota: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The project's id. */
        projectId: components['parameters']['ProjectId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The owner's quota and usage. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProjectQuota'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      404: components['responses']['NotFound'];
    };
  };
  listSessions: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The project's id. */
        projectId: components['parameters']['ProjectId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The sessions. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WorkloadPage'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      404: components['responses']['NotFound'];
    };
  };
  launchSession: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The project's id. */
        projectId: components['parameters']['ProjectId'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['LaunchSessionRequest'];
      };
    };
    responses: {
      /** @description The session, usually still queued or starting. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Workload'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      413: components['responses']['PayloadTooLarge'];
    };
  };
  getSession: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The project's id. */
        projectId: components['parameters']['ProjectId'];
        /** @description The session's id (a workload id). */
        sessionId: components['parameters']['SessionId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The session. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Workload'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      404: components['responses']['NotFound'];
    };
  };
  executeSessionCode: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The project's id. */
        projectId: components['parameters']['ProjectId'];
        /** @description The session's id (a workload id). */
        sessionId: components['parameters']['SessionId'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ExecuteRequest'];
      };
    };
    responses: {
      /** @description The code's output as it comes, one JSON object a line; the last line has `done`. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /** @example {"stream": "stdout", "text": "loaded 150 rows\n"}
           *     {"stream": "stdout", "text": "0.9733\n"}
           *     {"done": true, "error": null}
           *      */
          'application/x-ndjson': components['schemas']['ConsoleEvent'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      409: components['responses']['Conflict'];
      413: components['responses']['PayloadTooLarge'];
    };
  };
  getSessionTranscript: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The project's id. */
        projectId: components['parameters']['ProjectId'];
        /** @description The session's id (a workload id). */
        sessionId: components['parameters']['SessionId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The cells, oldest first. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SessionTranscript'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      404: components['responses']['NotFound'];
    };
  };
  stopSession: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The project's id. */
        projectId: components['parameters']['ProjectId'];
        /** @description The session's id (a workload id). */
        sessionId: components['parameters']['SessionId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The session, now `stopped` (or in the state it ended in). */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Workload'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
    };
  };
  listJobs: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The project's id. */
        projectId: components['parameters']['ProjectId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The jobs. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['JobList'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      404: components['responses']['NotFound'];
    };
  };
  createJob: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The project's id. */
        projectId: components['parameters']['ProjectId'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateJobRequest'];
      };
    };
    responses: {
      /** @description The created job. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Job'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      409: components['responses']['Conflict'];
      413: components['responses']['PayloadTooLarge'];
    };
  };
  getJob: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The project's id. */
        projectId: components['parameters']['ProjectId'];
        /** @description The job's id. */
        jobId: components['parameters']['JobId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The job. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Job'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      404: components['responses']['NotFound'];
    };
  };
  deleteJob: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The project's id. */
        projectId: components['parameters']['ProjectId'];
        /** @description The job's id. */
        jobId: components['parameters']['JobId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Deleted. */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
    };
  };
  updateJob: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The project's id. */
        projectId: components['parameters']['ProjectId'];
        /** @description The job's id. */
        jobId: components['parameters']['JobId'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateJobRequest'];
      };
    };
    responses: {
      /** @description The updated job. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Job'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      409: components['responses']['Conflict'];
      413: components['responses']['PayloadTooLarge'];
    };
  };
  listJobRuns: {
    parameters: {
      query?: {
        /** @description How many items a page holds. */
        page_size?: components['parameters']['PageSize'];
        /** @description How many items to skip before the page starts. */
        offset?: components['parameters']['Offset'];
      };
      header?: never;
      path: {
        /** @description The project's id. */
        projectId: components['parameters']['ProjectId'];
        /** @description The job's id. */
        jobId: components['parameters']['JobId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description One page of runs. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WorkloadPage'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      404: components['responses']['NotFound'];
    };
  };
  runJob: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The project's id. */
        projectId: components['parameters']['ProjectId'];
        /** @description The job's id. */
        jobId: components['parameters']['JobId'];
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': components['schemas']['RunJobRequest'];
      };
    };
    responses: {
      /** @description The run, usually still queued or starting. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Workload'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      409: components['responses']['Conflict'];
      413: components['responses']['PayloadTooLarge'];
    };
  };
  getCronNextRuns: {
    parameters: {
      query: {
        /** @description A five-field cron expression (minute hour day-of-month month day-of-week). */
        schedule: components['schemas']['CronSchedule'];
        /** @description The IANA time zone the schedule is read in. */
        timezone?: components['schemas']['TimeZone'];
        /** @description How many times to list. */
        count?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The next times the schedule fires. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CronNextRuns'];
        };
      };
      /** @description The schedule or time zone is invalid, or a query parameter is wrong or unknown. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /** @example {
           *       "error": {
           *         "name": "InputError",
           *         "message": "schedule: '0 2 * *' has 4 fields; a cron schedule has 5 (minute hour day-of-month month day-of-week)"
           *       },
           *       "request": {
           *         "method": "GET",
           *         "url": "/cron/next?schedule=0%202%20*%20*"
           *       },
           *       "response": {
           *         "statusCode": 400
           *       }
           *     } */
          'application/json': components['schemas']['Error'];
        };
      };
      401: components['responses']['Unauthorized'];
    };
  };
  getWorkload: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The workload's id (a session's or a job run's). */
        workloadId: components['parameters']['WorkloadId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The workload. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Workload'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      404: components['responses']['NotFound'];
    };
  };
  listWorkloadEvents: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The workload's id (a session's or a job run's). */
        workloadId: components['parameters']['WorkloadId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The state changes. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WorkloadEventList'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      404: components['responses']['NotFound'];
    };
  };
  getWorkloadLogs: {
    parameters: {
      query?: {
        /** @description Stream the log as server-sent events until the attempt ends. */
        follow?: 'true' | 'false';
        /** @description The attempt to read, from 1 to the workload's `attempt`; defaults to the current one. */
        attempt?: number;
        /** @description Only the last this many lines. Only without `follow=true` (400
         *     otherwise).
         *      */
        tail?: number;
      };
      header?: never;
      path: {
        /** @description The workload's id (a session's or a job run's). */
        workloadId: components['parameters']['WorkloadId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The log lines, as JSON, or as server-sent events with `follow=true`. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WorkloadLogLines'];
          /** @example data: "epoch 1 loss 0.41"
           *
           *     data: "epoch 2 loss 0.27"
           *
           *     event: end
           *     data: {}
           *
           *      */
          'text/event-stream': components['schemas']['LogEventStream'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      404: components['responses']['NotFound'];
      /** @description With `follow=true`: the caller already follows as many logs as
       *     `ml.logs.maxFollowStreamsPerUser` allows (`TooManyRequestsError`).
       *      */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  stopWorkload: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The workload's id (a session's or a job run's). */
        workloadId: components['parameters']['WorkloadId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The workload, now `stopped` (or in the state it ended in). */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Workload'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
    };
  };
  getWorkspaceQueue: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The workspace's name. */
        workspace: components['parameters']['WorkspaceName'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The queue, the running work and the nodes. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WorkspaceQueue'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      404: components['responses']['NotFound'];
    };
  };
  getApplicationSettings: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The settings. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApplicationSettings'];
        };
      };
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
    };
  };
  listApplications: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The project's id. */
        projectId: components['parameters']['ProjectId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The applications. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApplicationList'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
    };
  };
  createApplication: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The project's id. */
        projectId: components['parameters']['ProjectId'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateApplicationRequest'];
      };
    };
    responses: {
      /** @description The created application. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Application'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      409: components['responses']['Conflict'];
      413: components['responses']['PayloadTooLarge'];
    };
  };
  getApplication: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The project's id. */
        projectId: components['parameters']['ProjectId'];
        /** @description The application's id. */
        appId: components['parameters']['ApplicationId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The application. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Application'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
    };
  };
  deleteApplication: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The project's id. */
        projectId: components['parameters']['ProjectId'];
        /** @description The application's id. */
        appId: components['parameters']['ApplicationId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Deleted. */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
    };
  };
  updateApplication: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The project's id. */
        projectId: components['parameters']['ProjectId'];
        /** @description The application's id. */
        appId: components['parameters']['ApplicationId'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateApplicationRequest'];
      };
    };
    responses: {
      /** @description The updated application. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Application'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      409: components['responses']['Conflict'];
      413: components['responses']['PayloadTooLarge'];
    };
  };
  startApplication: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The project's id. */
        projectId: components['parameters']['ProjectId'];
        /** @description The application's id. */
        appId: components['parameters']['ApplicationId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The application. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Application'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
    };
  };
  stopApplication: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The project's id. */
        projectId: components['parameters']['ProjectId'];
        /** @description The application's id. */
        appId: components['parameters']['ApplicationId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The application. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Application'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
    };
  };
  restartApplication: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The project's id. */
        projectId: components['parameters']['ProjectId'];
        /** @description The application's id. */
        appId: components['parameters']['ApplicationId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The application. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Application'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
    };
  };
  downloadWorkloadSnapshot: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The archive. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/gzip': string;
        };
      };
      401: components['responses']['Unauthorized'];
      404: components['responses']['NotFound'];
    };
  };
  listModels: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The project's id. */
        projectId: components['parameters']['ProjectId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The models. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ModelList'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      404: components['responses']['NotFound'];
    };
  };
  createModel: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The project's id. */
        projectId: components['parameters']['ProjectId'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateModelRequest'];
      };
    };
    responses: {
      /** @description The created model. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Model'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      409: components['responses']['Conflict'];
      413: components['responses']['PayloadTooLarge'];
    };
  };
  getModel: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The project's id. */
        projectId: components['parameters']['ProjectId'];
        /** @description The model's id, or its name in the project. */
        modelId: components['parameters']['ModelId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The model. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Model'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      404: components['responses']['NotFound'];
    };
  };
  deleteModel: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The project's id. */
        projectId: components['parameters']['ProjectId'];
        /** @description The model's id, or its name in the project. */
        modelId: components['parameters']['ModelId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Deleted. */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
    };
  };
  updateModel: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The project's id. */
        projectId: components['parameters']['ProjectId'];
        /** @description The model's id, or its name in the project. */
        modelId: components['parameters']['ModelId'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateModelRequest'];
      };
    };
    responses: {
      /** @description The updated model. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Model'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      413: components['responses']['PayloadTooLarge'];
    };
  };
  listModelBuilds: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The project's id. */
        projectId: components['parameters']['ProjectId'];
        /** @description The model's id, or its name in the project. */
        modelId: components['parameters']['ModelId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The builds. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ModelBuildList'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      404: components['responses']['NotFound'];
    };
  };
  createModelBuild: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The project's id. */
        projectId: components['parameters']['ProjectId'];
        /** @description The model's id, or its name in the project. */
        modelId: components['parameters']['ModelId'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateModelBuildRequest'];
      };
    };
    responses: {
      /** @description The build, queued or building. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ModelBuild'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      413: components['responses']['PayloadTooLarge'];
    };
  };
  getModelLineage: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The project's id. */
        projectId: components['parameters']['ProjectId'];
        /** @description The model's id, or its name in the project. */
        modelId: components['parameters']['ModelId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The lineage graph. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ModelLineage'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      404: components['responses']['NotFound'];
    };
  };
  getModelBuild: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The project's id. */
        projectId: components['parameters']['ProjectId'];
        /** @description The model's id, or its name in the project. */
        modelId: components['parameters']['ModelId'];
        /** @description The build's id. */
        buildId: components['parameters']['BuildId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The build. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ModelBuild'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      404: components['responses']['NotFound'];
    };
  };
  listModelDeployments: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The project's id. */
        projectId: components['parameters']['ProjectId'];
        /** @description The model's id, or its name in the project. */
        modelId: components['parameters']['ModelId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The deployments. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ModelDeploymentList'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      404: components['responses']['NotFound'];
    };
  };
  createModelDeployment: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The project's id. */
        projectId: components['parameters']['ProjectId'];
        /** @description The model's id, or its name in the project. */
        modelId: components['parameters']['ModelId'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateModelDeploymentRequest'];
      };
    };
    responses: {
      /** @description The deployment. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ModelDeployment'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      413: components['responses']['PayloadTooLarge'];
    };
  };
  getModelDeployment: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The project's id. */
        projectId: components['parameters']['ProjectId'];
        /** @description The model's id, or its name in the project. */
        modelId: components['parameters']['ModelId'];
        /** @description The deployment's id. */
        deploymentId: components['parameters']['DeploymentId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The deployment. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ModelDeployment'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      404: components['responses']['NotFound'];
    };
  };
  scaleModelDeployment: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The project's id. */
        projectId: components['parameters']['ProjectId'];
        /** @description The model's id, or its name in the project. */
        modelId: components['parameters']['ModelId'];
        /** @description The deployment's id. */
        deploymentId: components['parameters']['DeploymentId'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateModelDeploymentRequest'];
      };
    };
    responses: {
      /** @description The deployment. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ModelDeployment'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      409: components['responses']['Conflict'];
      413: components['responses']['PayloadTooLarge'];
    };
  };
  stopModelDeployment: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The project's id. */
        projectId: components['parameters']['ProjectId'];
        /** @description The model's id, or its name in the project. */
        modelId: components['parameters']['ModelId'];
        /** @description The deployment's id. */
        deploymentId: components['parameters']['DeploymentId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The deployment. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ModelDeployment'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
    };
  };
  listModelAccessKeys: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The project's id. */
        projectId: components['parameters']['ProjectId'];
        /** @description The model's id, or its name in the project. */
        modelId: components['parameters']['ModelId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The keys, masked. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ModelAccessKeyList'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      404: components['responses']['NotFound'];
    };
  };
  createModelAccessKey: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The project's id. */
        projectId: components['parameters']['ProjectId'];
        /** @description The model's id, or its name in the project. */
        modelId: components['parameters']['ModelId'];
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': components['schemas']['CreateModelAccessKeyRequest'];
      };
    };
    responses: {
      /** @description The key, shown this once. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CreatedModelAccessKey'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
    };
  };
  revokeModelAccessKey: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The project's id. */
        projectId: components['parameters']['ProjectId'];
        /** @description The model's id, or its name in the project. */
        modelId: components['parameters']['ModelId'];
        /** @description The access key's id (not the key). */
        keyId: components['parameters']['AccessKeyId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Revoked. */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
    };
  };
  predictWithAccessKey: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        /** @example {
         *       "accessKey": "mk_3f9a0c1e2b7d4f6a8c9e0b1d2f3a4c5e",
         *       "request": {
         *         "a": 1,
         *         "b": 2
         *       }
         *     } */
        'application/json': components['schemas']['CmlPredictionRequest'];
      };
    };
    responses: {
      200: components['responses']['Prediction'];
      400: components['responses']['BadRequest'];
      401: components['responses']['NoAccessKey'];
      403: components['responses']['WrongAccessKey'];
      413: components['responses']['PredictionTooLarge'];
      429: components['responses']['ModelBusy'];
      502: components['responses']['ReplicaFailed'];
      503: components['responses']['ModelUnavailable'];
      504: components['responses']['PredictionTimeout'];
    };
  };
  predict: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The project's id. */
        projectId: components['parameters']['ProjectId'];
        /** @description The model's id, or its name in the project. */
        modelId: components['parameters']['ModelId'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        /** @example {
         *       "a": 1,
         *       "b": 2
         *     } */
        'application/json': unknown;
      };
    };
    responses: {
      200: components['responses']['Prediction'];
      400: components['responses']['BadRequest'];
      401: components['responses']['NoAccessKey'];
      403: components['responses']['WrongAccessKey'];
      404: components['responses']['NotFound'];
      413: components['responses']['PredictionTooLarge'];
      429: components['responses']['ModelBusy'];
      502: components['responses']['ReplicaFailed'];
      503: components['responses']['ModelUnavailable'];
      504: components['responses']['PredictionTimeout'];
    };
  };
  listModelPredictions: {
    parameters: {
      query?: {
        /** @description Only this deployment of the model. */
        deploymentId?: components['parameters']['DeploymentFilter'];
        /** @description Start of the time range (inclusive). */
        from?: components['parameters']['RangeFrom'];
        /** @description End of the time range (exclusive). */
        to?: components['parameters']['RangeTo'];
        /** @description One prediction, by the `uuid` its answer carried. */
        uuid?: string;
        page_size?: number;
        /** @description The `next_page_token` of the previous page. */
        page_token?: string;
      };
      header?: never;
      path: {
        /** @description The project's id. */
        projectId: components['parameters']['ProjectId'];
        /** @description The model's id, or its name in the project. */
        modelId: components['parameters']['ModelId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of prediction records. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PredictionRecordPage'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      404: components['responses']['NotFound'];
    };
  };
  getModelMetrics: {
    parameters: {
      query?: {
        /** @description Only this deployment of the model. */
        deploymentId?: components['parameters']['DeploymentFilter'];
        /** @description Start of the time range (inclusive). */
        from?: components['parameters']['RangeFrom'];
        /** @description End of the time range (exclusive). */
        to?: components['parameters']['RangeTo'];
        stepSeconds?: number;
      };
      header?: never;
      path: {
        /** @description The project's id. */
        projectId: components['parameters']['ProjectId'];
        /** @description The model's id, or its name in the project. */
        modelId: components['parameters']['ModelId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The metrics. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ModelMetrics'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      404: components['responses']['NotFound'];
    };
  };
  getModelMonitoringSettings: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The project's id. */
        projectId: components['parameters']['ProjectId'];
        /** @description The model's id, or its name in the project. */
        modelId: components['parameters']['ModelId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The settings. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ModelMonitoringSettings'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      404: components['responses']['NotFound'];
    };
  };
  putModelMonitoringSettings: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The project's id. */
        projectId: components['parameters']['ProjectId'];
        /** @description The model's id, or its name in the project. */
        modelId: components['parameters']['ModelId'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ModelMonitoringSettingsInput'];
      };
    };
    responses: {
      /** @description The saved settings. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ModelMonitoringSettings'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      413: components['responses']['PayloadTooLarge'];
    };
  };
  getModelQuality: {
    parameters: {
      query?: {
        /** @description Only this deployment of the model. */
        deploymentId?: components['parameters']['DeploymentFilter'];
        /** @description Start of the time range (inclusive). */
        from?: components['parameters']['RangeFrom'];
        /** @description End of the time range (exclusive). */
        to?: components['parameters']['RangeTo'];
        /** @description The window length in seconds. */
        stepSeconds?: components['parameters']['StepSeconds'];
      };
      header?: never;
      path: {
        /** @description The project's id. */
        projectId: components['parameters']['ProjectId'];
        /** @description The model's id, or its name in the project. */
        modelId: components['parameters']['ModelId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The quality. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ModelQuality'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      404: components['responses']['NotFound'];
    };
  };
  getModelDrift: {
    parameters: {
      query?: {
        /** @description Only this deployment of the model. */
        deploymentId?: components['parameters']['DeploymentFilter'];
        /** @description Start of the time range (inclusive). */
        from?: components['parameters']['RangeFrom'];
        /** @description End of the time range (exclusive). */
        to?: components['parameters']['RangeTo'];
        /** @description The window length in seconds. */
        stepSeconds?: components['parameters']['StepSeconds'];
      };
      header?: never;
      path: {
        /** @description The project's id. */
        projectId: components['parameters']['ProjectId'];
        /** @description The model's id, or its name in the project. */
        modelId: components['parameters']['ModelId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The drift. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ModelDrift'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      404: components['responses']['NotFound'];
    };
  };
  takeDriftBaseline: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The project's id. */
        projectId: components['parameters']['ProjectId'];
        /** @description The model's id, or its name in the project. */
        modelId: components['parameters']['ModelId'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['TakeDriftBaselineRequest'];
      };
    };
    responses: {
      /** @description The baseline, per feature. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DriftBaselineList'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      413: components['responses']['PayloadTooLarge'];
    };
  };
  listModelMonitors: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The project's id. */
        projectId: components['parameters']['ProjectId'];
        /** @description The model's id, or its name in the project. */
        modelId: components['parameters']['ModelId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The monitors. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ModelMonitorList'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      404: components['responses']['NotFound'];
    };
  };
  createModelMonitor: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The project's id. */
        projectId: components['parameters']['ProjectId'];
        /** @description The model's id, or its name in the project. */
        modelId: components['parameters']['ModelId'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateModelMonitorRequest'];
      };
    };
    responses: {
      /** @description The created monitor. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ModelMonitor'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      409: components['responses']['Conflict'];
      413: components['responses']['PayloadTooLarge'];
    };
  };
  getModelMonitor: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The project's id. */
        projectId: components['parameters']['ProjectId'];
        /** @description The model's id, or its name in the project. */
        modelId: components['parameters']['ModelId'];
        /** @description The monitor's id. */
        monitorId: components['parameters']['MonitorId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The monitor. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ModelMonitor'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      404: components['responses']['NotFound'];
    };
  };
  deleteModelMonitor: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The project's id. */
        projectId: components['parameters']['ProjectId'];
        /** @description The model's id, or its name in the project. */
        modelId: components['parameters']['ModelId'];
        /** @description The monitor's id. */
        monitorId: components['parameters']['MonitorId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Deleted. */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
    };
  };
  updateModelMonitor: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The project's id. */
        projectId: components['parameters']['ProjectId'];
        /** @description The model's id, or its name in the project. */
        modelId: components['parameters']['ModelId'];
        /** @description The monitor's id. */
        monitorId: components['parameters']['MonitorId'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateModelMonitorRequest'];
      };
    };
    responses: {
      /** @description The updated monitor. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ModelMonitor'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      409: components['responses']['Conflict'];
      413: components['responses']['PayloadTooLarge'];
    };
  };
  listModelMonitorEvaluations: {
    parameters: {
      query?: {
        /** @description How many items a page holds. */
        page_size?: components['parameters']['PageSize'];
        /** @description The `next_page_token` of the previous page; omit it for the first page.
         *     Tokens are opaque; one this API did not return is refused with 400.
         *      */
        page_token?: components['parameters']['PageToken'];
      };
      header?: never;
      path: {
        /** @description The project's id. */
        projectId: components['parameters']['ProjectId'];
        /** @description The model's id, or its name in the project. */
        modelId: components['parameters']['ModelId'];
        /** @description The monitor's id. */
        monitorId: components['parameters']['MonitorId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The evaluations. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MonitorEvaluationPage'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      404: components['responses']['NotFound'];
    };
  };
  getPromotionPolicy: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The project's id. */
        projectId: components['parameters']['ProjectId'];
        /** @description The model's id, or its name in the project. */
        modelId: components['parameters']['ModelId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The policy. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PromotionPolicy'];
        };
      };
      /** @description The model has no promotion policy. */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      404: components['responses']['NotFound'];
    };
  };
  putPromotionPolicy: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The project's id. */
        projectId: components['parameters']['ProjectId'];
        /** @description The model's id, or its name in the project. */
        modelId: components['parameters']['ModelId'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['PromotionPolicyInput'];
      };
    };
    responses: {
      /** @description The saved policy. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PromotionPolicy'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      413: components['responses']['PayloadTooLarge'];
    };
  };
  deletePromotionPolicy: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The project's id. */
        projectId: components['parameters']['ProjectId'];
        /** @description The model's id, or its name in the project. */
        modelId: components['parameters']['ModelId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Removed. */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
    };
  };
  listModelEvents: {
    parameters: {
      query?: {
        /** @description How many items a page holds. */
        page_size?: components['parameters']['PageSize'];
        /** @description The `next_page_token` of the previous page; omit it for the first page.
         *     Tokens are opaque; one this API did not return is refused with 400.
         *      */
        page_token?: components['parameters']['PageToken'];
      };
      header?: never;
      path: {
        /** @description The project's id. */
        projectId: components['parameters']['ProjectId'];
        /** @description The model's id, or its name in the project. */
        modelId: components['parameters']['ModelId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The events. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ModelEventPage'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      404: components['responses']['NotFound'];
    };
  };
  readWorkloadMetrics: {
    parameters: {
      query?: {
        model?: string;
        /** @description Only this deployment of the model. */
        deploymentId?: components['parameters']['DeploymentFilter'];
        /** @description Start of the time range (inclusive). */
        start?: components['schemas']['TimeParameter'];
        /** @description End of the time range (exclusive). */
        end?: components['schemas']['TimeParameter'];
        uuid?: string;
        name?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The entries. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            metrics: components['schemas']['MetricsEntry'][];
          };
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      404: components['responses']['NotFound'];
    };
  };
  trackWorkloadMetrics: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['TrackMetricsRequest'];
      };
    };
    responses: {
      /** @description How many points were stored. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            stored: number;
          };
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      404: components['responses']['NotFound'];
    };
  };
  trackDelayedMetrics: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        /** @example {
         *       "predictionUuid": "3b241101-e2bb-4255-8caf-4136c566a962",
         *       "metrics": {
         *         "actual": 1
         *       }
         *     } */
        'application/json': components['schemas']['DelayedMetricsRequest'];
      };
    };
    responses: {
      /** @description Stored. */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      404: components['responses']['NotFound'];
    };
  };
  trackAggregateMetrics: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        /** @example {
         *       "metrics": {
         *         "accuracy": 0.93
         *       },
         *       "start": 1767225600000,
         *       "end": 1767229200000
         *     } */
        'application/json': components['schemas']['AggregateMetricsRequest'];
      };
    };
    responses: {
      /** @description Stored. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            accepted: number;
          };
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      404: components['responses']['NotFound'];
    };
  };
  getOpenApiJson: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The OpenAPI document. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            [key: string]: unknown;
          };
        };
      };
    };
  };
  getOpenApiYaml: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The OpenAPI document. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/yaml': string;
        };
      };
    };
  };
}
