import { Content, Header, Page } from '@backstage/core-components';
import Grid from '@material-ui/core/Grid';
import type { HomePageLayoutProps } from '@backstage/plugin-home-react/alpha';

/** Where each known widget goes; the others follow, half width. */
const PLACEMENT: Record<string, { order: number; md: 4 | 6 | 8 | 12 }> = {
  MlYourMl: { order: 1, md: 8 },
  GettingStarted: { order: 2, md: 4 },
  MlRecentActivity: { order: 3, md: 6 },
  MlWorkspaceCapacity: { order: 4, md: 6 },
  MlStartFromTemplate: { order: 5, md: 6 },
};

function placementOf(name?: string) {
  return (name && PLACEMENT[name]) || { order: 100, md: 6 as const };
}

/** The portal's home page: its widgets in a fixed grid. */
export function HomeLayout(props: HomePageLayoutProps) {
  const widgets = [...props.widgets].sort(
    (a, b) => placementOf(a.name).order - placementOf(b.name).order,
  );
  return (
    <Page themeId="home">
      <Header
        title="Welcome to the ML platform"
        subtitle="Your projects, what runs in them, and where to start"
      />
      <Content>
        <Grid container spacing={3} alignItems="stretch">
          {widgets.map((widget, index) => (
            <Grid
              item
              xs={12}
              md={placementOf(widget.name).md}
              key={widget.name ?? index}
            >
              {widget.component}
            </Grid>
          ))}
        </Grid>
      </Content>
    </Page>
  );
}
