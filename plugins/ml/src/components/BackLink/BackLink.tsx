import { Link } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import ArrowBackIcon from '@material-ui/icons/ArrowBack';

export interface BackLinkProps {
  to: string;
  /** Where the link goes, e.g. "All jobs". */
  label: string;
}

/** The link above a detail page back to the list or page it belongs to. */
export function BackLink(props: BackLinkProps) {
  return (
    <Link to={props.to}>
      <Box display="inline-flex" alignItems="center">
        <ArrowBackIcon fontSize="small" />
        &nbsp;{props.label}
      </Box>
    </Link>
  );
}
