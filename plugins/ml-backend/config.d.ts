export interface Config {
  /** Configuration of the ML platform. */
  ml?: {
    storage?: {
      /**
       * Folder for project files (and, later, build snapshots and logs).
       * Relative paths are relative to the backend's working directory.
       * Default: `.ml-data`.
       */
      root?: string;
      /** Largest file an upload may carry, in MiB. Default: 100. */
      maxUploadMiB?: number;
    };
    /** The local-process driver (workspaces with `driver: local`). */
    localDriver?: {
      /**
       * When the backend runs as root, each project's local workloads run
       * under a uid and gid of their own (no supplementary groups), and the
       * storage folder is laid out so that they cannot read the databases,
       * other projects' files and build snapshots, or the driver's state and
       * logs. A backend that is not root runs workloads as itself and logs a
       * warning (single-user mode).
       */
      isolation?: {
        /** Default: true. False runs workloads as the backend's user even as root. */
        enabled?: boolean;
        /**
         * The uids (gid = uid) projects take, one each, kept across restarts
         * in `<storage>/local-driver/identities`. Pick a range no local user,
         * subordinate id range (`/etc/subuid`) or container uses. Default:
         * first 200000, count 50000.
         */
        uidRange?: {
          /** At least 1000. */
          first?: number;
          count?: number;
        };
      };
    };
    /** The in-workload Python SDK; default: the repository's `sdk/python`. */
    sdk?: {
      path?: string;
    };
    /** The workload engine. */
    engine?: {
      /** How often drivers are observed and states moved. Default: 1. */
      reconcileIntervalSeconds?: number;
      /** How often cron schedules are evaluated. Default: 15. */
      cronIntervalSeconds?: number;
      /**
       * After waiting this long, queued work stops smaller work behind it from
       * taking what it waits for (no starvation). Default: 600.
       */
      starvationSeconds?: number;
      /** How long an empty node above its group's minimum stays. Default: 300. */
      nodeIdleSeconds?: number;
      /** Longest retry backoff. Default: 600. */
      maxBackoffSeconds?: number;
      sessions?: {
        /** Sessions idle this long are stopped (CML: 60). Default: 60. */
        idleTimeoutMinutes?: number;
        /** Sessions are stopped after this long (CML: 7 days). Default: 168. */
        maxDurationHours?: number;
      };
    };
    /** Applications: long-running web apps served at /api/ml/apps/:slug/. */
    applications?: {
      /**
       * Whether an application may be opened without signing in to the
       * portal (its `bypassAuthentication` flag). Default: false.
       */
      allowBypassAuthentication?: boolean;
    };
    /** Reading workload logs (`GET /workloads/:workloadId/logs`). */
    logs?: {
      /**
       * The most of a log one read without `follow` answers, in KiB: its
       * last lines up to this size (the answer says `truncated`). Default:
       * 1024.
       */
      maxReadKiB?: number;
      /**
       * How many logs one user (or service) may follow (`follow=true`) at
       * once on one backend; one more is answered 429. Default: 10.
       */
      maxFollowStreamsPerUser?: number;
    };
    /** Model serving. */
    serving?: {
      /**
       * When a new deployment of a model takes over, the old replicas keep
       * running this long for requests already on their way; also how long a
       * replica removed by scaling down lives on. Default: 3.
       */
      drainSeconds?: number;
      /**
       * How long a prediction waits for a free replica (each replica serves
       * one request at a time) before it gets 429 `model.busy`. Default: 10000.
       */
      queueTimeoutMs?: number;
      /** How long a model function may take to answer (then 504). Default: 60. */
      predictionTimeoutSeconds?: number;
      /** Whether every prediction is recorded for monitoring. Default: true. */
      recordPredictions?: boolean;
      /** How often the CPU and memory of model replicas are sampled. Default: 15. */
      usageSampleSeconds?: number;
    };
    /** Secret env vars (any env var of any level may be secret). */
    secrets?: {
      /**
       * The key that encrypts secret env values at rest (AES-256-GCM): the
       * base64 of 32 random bytes, e.g. from `openssl rand -base64 32`. Set
       * it in production, from outside the database. Without it the backend
       * generates a key once and keeps it in its own database (shared by
       * every replica), which protects nothing against someone who can read
       * that database. Changing the key leaves the stored secrets unreadable:
       * workloads that need them fail to start and say which variable and
       * why, until the secrets are set again (there is no key rotation).
       *
       * @visibility secret
       */
      key?: string;
    };
    seed?: {
      /**
       * On a database without workspaces, create a demo workspace, resource
       * profiles and a demo project. Default: false.
       */
      demo?: boolean;
    };
    /**
     * Quota of users without one of their own in a new workspace.
     * Default: CML's 2 vCPU / 8 GiB / 0 GPU.
     */
    defaultUserQuota?: {
      /** vCPU, e.g. 2 or "500m". */
      cpu: number | string;
      /** MiB, e.g. 8192 or "8Gi". */
      memoryMiB: number | string;
      gpu?: number;
    };
    /**
     * Runtimes made to exist at start-up (editor + kernel + edition + version).
     * The local-process driver runs `command`; Kubernetes runs `image`.
     */
    runtimes?: Array<{
      editor: string;
      kernel: string;
      edition: string;
      shortVersion: string;
      maintenanceVersion: number;
      description?: string;
      image?: string;
      command?: string;
      enabled?: boolean;
    }>;
  };
}
