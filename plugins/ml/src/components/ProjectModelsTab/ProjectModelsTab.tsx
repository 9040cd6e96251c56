import { Project } from '@ml-platform/plugin-ml-common';
import { Route, Routes, useParams } from 'react-router-dom';
import { ModelPage } from '../ModelPage';
import { ModelsList } from '../ModelsList';

/** @public */
export interface ProjectModelsTabProps {
  project: Project;
}

function ModelRoute(props: ProjectModelsTabProps) {
  const { modelId = '' } = useParams();
  return <ModelPage key={modelId} project={props.project} modelId={modelId} />;
}

/** The Models tab: the list, and a model at `models/:modelId/*`. */
export function ProjectModelsTab(props: ProjectModelsTabProps) {
  const { project } = props;
  return (
    <Routes>
      <Route path="/" element={<ModelsList project={project} />} />
      <Route path=":modelId/*" element={<ModelRoute project={project} />} />
    </Routes>
  );
}
