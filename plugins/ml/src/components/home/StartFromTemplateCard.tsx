import { Link, Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { scaffolderTemplateRouteRef } from '../../externalRoutes';

/** The software-template type of the ML project templates. */
export const ML_TEMPLATE_TYPE = 'ml-project';

/** The ML project templates, each a link into the scaffolder. */
export function StartFromTemplateCard() {
  const catalogApi = useApi(catalogApiRef);
  const templateLink = useRouteRef(scaffolderTemplateRouteRef);
  const { value, loading, error } = useAsync(
    () =>
      catalogApi.getEntities({
        filter: { kind: 'Template', 'spec.type': ML_TEMPLATE_TYPE },
        fields: [
          'metadata.name',
          'metadata.namespace',
          'metadata.title',
          'metadata.description',
        ],
      }),
    [catalogApi],
  );
  if (loading) return <Progress />;
  if (error) return <ResponseErrorPanel error={error} />;
  const templates = [...(value?.items ?? [])].sort((a, b) =>
    (a.metadata.title ?? a.metadata.name).localeCompare(
      b.metadata.title ?? b.metadata.name,
    ),
  );
  if (templates.length === 0) {
    return (
      <Typography color="textSecondary">
        No ML project template is registered in the catalog.
      </Typography>
    );
  }
  return (
    <List dense disablePadding>
      {templates.map(template => {
        const { name, namespace = 'default', title } = template.metadata;
        return (
          <ListItem key={`${namespace}/${name}`} divider>
            <ListItemText
              primary={
                templateLink ? (
                  <Link to={templateLink({ namespace, templateName: name })}>
                    {title ?? name}
                  </Link>
                ) : (
                  title ?? name
                )
              }
              secondary={template.metadata.description}
            />
          </ListItem>
        );
      })}
    </List>
  );
}
