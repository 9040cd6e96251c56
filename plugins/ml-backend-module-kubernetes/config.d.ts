export interface Config {
  ml?: {
    /**
     * The Kubernetes compute driver (module ml-backend-module-kubernetes).
     * Without this key the module adds no driver and the backend starts as
     * before. Workspaces whose `driver` is `kubernetes` run on the cluster
     * configured for them here.
     */
    kubernetes?: {
      /**
       * Where pods reach the ML API (the backend's base URL, without
       * `/api/ml`), unless a workspace sets its own. Pods download their
       * files from `<backendUrl>/api/ml/workload-api/v1/snapshot`.
       */
      backendUrl?: string;
      /** One cluster per workspace, keyed by workspace name. */
      workspaces: {
        [workspace: string]: {
          cluster: {
            /** The API server, e.g. `https://10.0.0.1:6443`. Not needed with `kubeconfigPath`. */
            url?: string;
            /**
             * A service-account token.
             * @visibility secret
             */
            serviceAccountToken?: string;
            /** A kubeconfig file instead of url/token/CA (its current context). */
            kubeconfigPath?: string;
            /**
             * The cluster CA, PEM, base64 encoded (as in a kubeconfig).
             * @visibility secret
             */
            caData?: string;
            /** The cluster CA as a file. */
            caFile?: string;
            /** Trust any serving certificate (development only). */
            skipTLSVerify?: boolean;
          };
          /** Project namespaces are `<prefix><project id>`. Default: `ml-`. */
          namespacePrefix?: string;
          /** Images per runtime id; a runtime without one uses its own `image`. */
          images?: { [runtimeId: string]: string };
          /** The image when neither the map nor the runtime names one. */
          defaultImage?: string;
          /** Names of image pull secrets in each project namespace. */
          imagePullSecrets?: string[];
          /** Overrides the top-level `backendUrl` for this workspace. */
          backendUrl?: string;
          /** How long one API request may take, in ms. Default: 10000. */
          requestTimeoutMs?: number;
          /** Full list of everything the driver manages, in seconds. Default: 30. */
          resyncSeconds?: number;
          /**
           * Minutes a finished Job or session Pod is kept (for its logs) after
           * the engine is done with it; then it is deleted. Default: 60.
           */
          keepFinishedMinutes?: number;
        };
      };
    };
  };
}
