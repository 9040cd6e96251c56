import { z } from 'zod';
import { projectParams } from '../http/projectRoutes';

/** A model by id or by its name in the project, as every model route takes it. */
export const modelParams = projectParams.extend({
  modelId: z.string().min(1).max(63),
});
