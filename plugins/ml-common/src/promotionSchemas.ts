import { z } from 'zod';

/** Request bodies of a model's promotion policy (gated redeploy). */

/** @public */
export const promotionPolicyInputSchema = z
  .object({
    enabled: z.boolean().default(true),
    metric: z.string().min(1).max(200),
    source: z.enum(['mlflowRun', 'jobOutput']).default('mlflowRun'),
    better: z.enum(['higher', 'lower']),
    margin: z.number().min(0).finite().default(0),
  })
  .strict();
