import { projectIdFromSlug, projectSlug } from './projectSlug';

const id = '6b1c2c1e-8f1f-4c55-9f43-1e5a0b7e2a10';

describe('projectSlug', () => {
  it('round-trips names that contain dashes', () => {
    const slug = projectSlug({ id, name: 'churn-model-v2' });
    expect(slug).toBe(`churn-model-v2-${id}`);
    expect(projectIdFromSlug(slug)).toBe(id);
  });

  it('accepts a bare id', () => {
    expect(projectIdFromSlug(id)).toBe(id);
    expect(projectIdFromSlug('not-a-project')).toBe('not-a-project');
  });
});
