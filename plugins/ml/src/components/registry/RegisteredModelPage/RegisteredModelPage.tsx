import { useState } from 'react';
import {
  Content,
  Header,
  HeaderLabel,
  InfoCard,
  Page,
  StructuredMetadataTable,
} from '@backstage/core-components';
import {
  useApi,
  useRouteRef,
  useRouteRefParams,
} from '@backstage/core-plugin-api';
import Grid from '@material-ui/core/Grid';
import { Model } from '@ml-platform/plugin-ml-common';
import useAsync from 'react-use/esm/useAsync';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { MlflowModelVersion, mlApiRef, mlflowApiRef } from '../../../api';
import { useProjectAccess } from '../../../hooks/useProjectAccess';
import { describeError } from '../../../lib/errors';
import { projectIdFromSlug } from '../../../lib/projectSlug';
import { projectRouteRef, registeredModelRouteRef } from '../../../routes';
import { AsyncFallback } from '../../AsyncFallback';
import { ErrorAlert } from '../../ErrorAlert';
import { formatMillis } from '../../experiments/runs';
import { NewBuildDialog } from '../../NewBuildDialog';
import { AliasChips } from '../AliasChips';
import { latestVersion } from '../registry';
import { useModelVersions } from '../useModelVersions';
import { AliasDialog } from './AliasDialog';
import { ModelVersionsTable, VersionActions } from './ModelVersionsTable';
import { useVersionBuilds } from './useVersionBuilds';

/**
 * One registered model of the project's registry: its versions with their
 * stages, aliases and source runs, what the platform built and deployed
 * from each, and the actions on them (stage, alias, build).
 */
export function RegisteredModelPage() {
  const { projectId: slug, modelName } = useRouteRefParams(
    registeredModelRouteRef,
  );
  const projectId = projectIdFromSlug(slug);
  const api = useApi(mlApiRef);
  const mlflow = useApi(mlflowApiRef);
  const projectLink = useRouteRef(projectRouteRef);
  const access = useProjectAccess(projectId);
  const model = useAsyncRetry(
    () => mlflow.getRegisteredModel(modelName),
    [mlflow, modelName],
  );
  const versions = useModelVersions(modelName);
  const serving = useVersionBuilds(projectId, modelName);
  const project = useAsync(() => api.getProject(projectId), [api, projectId]);
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<string>();
  const [aliasFor, setAliasFor] = useState<MlflowModelVersion>();
  const [building, setBuilding] = useState<{
    version: MlflowModelVersion;
    model: Model;
  }>();

  const registryLink = `${projectLink({ projectId: slug })}/registry`;
  const reload = () => {
    model.retry();
    versions.retry();
  };
  const act = async (action: () => Promise<unknown>) => {
    setBusy(true);
    setActionError(undefined);
    try {
      await action();
      reload();
    } catch (e) {
      setActionError(describeError(e));
    } finally {
      setBusy(false);
    }
  };
  const actions: VersionActions = {
    onStage: (v, stage) =>
      act(() =>
        mlflow.transitionModelVersionStage(modelName, v.version, stage),
      ),
    onAddAlias: setAliasFor,
    onRemoveAlias: (_v, alias) =>
      act(() => mlflow.deleteRegisteredModelAlias(modelName, alias)),
    onBuild: (version, into) => setBuilding({ version, model: into }),
  };

  const value = model.value;
  const latest = value && latestVersion(value);
  return (
    <Page themeId="tool">
      <Header
        title={modelName}
        subtitle={
          project.value
            ? `${project.value.workspace} / ${project.value.name}`
            : undefined
        }
        type="ML model registry"
        typeLink={registryLink}
      >
        {latest && (
          <HeaderLabel label="Latest version" value={`v${latest.version}`} />
        )}
      </Header>
      <Content>
        {!value ? (
          <AsyncFallback
            loading={model.loading}
            error={model.error}
            notFound="Registered model not found"
            back={{ label: 'Back to the model registry', to: registryLink }}
          />
        ) : (
          <Grid container spacing={3}>
            <Grid item xs={12} lg={4}>
              <InfoCard title="Registered model">
                <StructuredMetadataTable
                  dense
                  metadata={{
                    description: value.description || '—',
                    aliases: <AliasChips aliases={value.aliases} />,
                    created: formatMillis(value.creation_timestamp),
                    'last updated': formatMillis(value.last_updated_timestamp),
                  }}
                />
              </InfoCard>
            </Grid>
            <Grid item xs={12} lg={8}>
              <ErrorAlert message={actionError} />
              <ErrorAlert
                message={
                  (versions.error ?? serving.error) &&
                  describeError(versions.error ?? serving.error)
                }
              />
              <ModelVersionsTable
                versions={versions.value ?? []}
                serving={serving.value}
                projectId={slug}
                access={access}
                busy={busy}
                {...actions}
              />
            </Grid>
          </Grid>
        )}
        <AliasDialog
          open={Boolean(aliasFor)}
          version={aliasFor}
          onClose={() => setAliasFor(undefined)}
          onSave={async alias => {
            await mlflow.setRegisteredModelAlias(
              modelName,
              alias,
              aliasFor!.version,
            );
            reload();
          }}
        />
        {project.value && building && (
          <NewBuildDialog
            open
            project={project.value}
            model={building.model}
            registeredModel={{
              name: modelName,
              version: building.version.version,
            }}
            onClose={() => setBuilding(undefined)}
            onCreated={() => {
              setBuilding(undefined);
              serving.retry();
            }}
          />
        )}
      </Content>
    </Page>
  );
}
