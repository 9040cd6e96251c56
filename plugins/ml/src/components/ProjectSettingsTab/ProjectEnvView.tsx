import { InfoCard, StructuredMetadataTable } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import { Project } from '@ml-platform/plugin-ml-common';

/** @public */
export interface ProjectEnvViewProps {
  title: string;
  description?: string;
  env: Project['env'];
}

/** A project's environment variables for someone who may not change them. */
export function ProjectEnvView(props: ProjectEnvViewProps) {
  const { title, description, env } = props;
  const metadata: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    // A value that is not text (a stored secret) is not shown.
    metadata[name] = typeof value === 'string' ? value : '••••••••';
  }
  return (
    <InfoCard title={title} subheader={description}>
      {Object.keys(metadata).length === 0 ? (
        <Typography color="textSecondary">No variables.</Typography>
      ) : (
        <StructuredMetadataTable dense metadata={metadata} />
      )}
    </InfoCard>
  );
}
