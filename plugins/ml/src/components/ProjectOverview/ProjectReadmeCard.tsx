import { InfoCard, Link, MarkdownContent } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import { README_PATH } from './projectSummary';

/** The project's README.md, rendered; a pointer to the Files tab without one. */
export function ProjectReadmeCard(props: {
  readme?: string;
  filesLink: string;
}) {
  const { readme, filesLink } = props;
  return (
    <InfoCard title={README_PATH}>
      {readme?.trim() ? (
        <MarkdownContent content={readme} dialect="gfm" />
      ) : (
        <Typography color="textSecondary">
          This project has no {README_PATH} yet. Add one in{' '}
          <Link to={filesLink}>Files</Link> to tell others what it is for.
        </Typography>
      )}
    </InfoCard>
  );
}
