import {
  Content,
  Header,
  HeaderLabel,
  Page,
  TabbedLayout,
} from '@backstage/core-components';
import { AsyncFallback } from '../AsyncFallback';

/** One tab of a resource page. */
export interface ResourcePageTab {
  path: string;
  title: string;
  content: JSX.Element;
}

/** A tab of a resource page, on one line where the page lists them. */
export function resourceTab(
  path: string,
  title: string,
  content: JSX.Element,
): ResourcePageTab {
  return { path, title, content };
}

export interface ResourcePageProps<T> {
  /** The resource as loaded; undefined while loading, on error or absent. */
  value: T | undefined;
  loading: boolean;
  error?: Error;
  /** Shown when the resource loaded as absent. */
  notFound: string;
  title: string;
  subtitle?: string;
  type: string;
  typeLink: string;
  /** Header labels, label to value; an undefined value hides its label. */
  labels?: Record<string, string | undefined>;
  tabs: (value: T) => ResourcePageTab[];
}

/**
 * The frame of a page about one resource (a project, a workspace): a header
 * with labels, then tabs once the resource has loaded.
 */
export function ResourcePage<T>(props: ResourcePageProps<T>) {
  const { value, loading, error, notFound, labels = {}, tabs } = props;
  return (
    <Page themeId="tool">
      <Header
        title={props.title}
        subtitle={props.subtitle}
        type={props.type}
        typeLink={props.typeLink}
      >
        {Object.entries(labels).map(([label, labelValue]) =>
          labelValue ? (
            <HeaderLabel key={label} label={label} value={labelValue} />
          ) : null,
        )}
      </Header>
      {loading || error || !value ? (
        <Content>
          <AsyncFallback
            loading={loading}
            error={error}
            notFound={notFound}
            back={{ label: `Back to ${props.type}s`, to: props.typeLink }}
          />
        </Content>
      ) : (
        <TabbedLayout>
          {tabs(value).map(tab => (
            <TabbedLayout.Route
              key={tab.path}
              path={tab.path}
              title={tab.title}
            >
              {tab.content}
            </TabbedLayout.Route>
          ))}
        </TabbedLayout>
      )}
    </Page>
  );
}
