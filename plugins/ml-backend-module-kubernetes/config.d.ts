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
          /**
           * Who workload containers run as: the pod's securityContext, with
           * `runAsNonRoot: true` and RuntimeDefault seccomp; containers
           * also get `allowPrivilegeEscalation: false` and drop all
           * capabilities. The image must work as this uid. Default: 1000 each.
           */
          securityContext?: {
            runAsUser?: number;
            runAsGroup?: number;
            /** Group of the files volume. */
            fsGroup?: number;
          };
          /**
           * A NetworkPolicy `ml-platform-ingress` in each project namespace,
           * made with the namespace: workload pods accept connections only
           * from the backend (model serving and applications are proxied by
           * it). Without `backend`, they accept none. Needs a network
           * plugin that enforces NetworkPolicy.
           */
          networkPolicy?: {
            /** Default: true. */
            enabled?: boolean;
            /** Where the backend runs. */
            backend?: {
              /**
               * Labels of the backend's namespace, e.g.
               * `kubernetes.io/metadata.name: backstage` (set by Kubernetes
               * 1.21 and later; label it yourself on older clusters).
               */
              namespaceLabels?: { [label: string]: string };
              /**
               * Labels of the backend's pods; with `namespaceLabels`, pods
               * with both. Alone, it means pods of the project namespace.
               */
              podLabels?: { [label: string]: string };
              /** Addresses of a backend outside the cluster, e.g. `10.0.0.5/32`. */
              cidrs?: string[];
            };
          };
        };
      };
    };
  };
}
