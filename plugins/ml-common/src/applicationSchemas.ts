import { z } from 'zod';
import type { MlApiComponents } from './schema/openapi';
import { dnsNameSchema, envSchema } from './schemas';

/** Request bodies of the applications API. */

const applicationFields = {
  name: z.string().trim().min(1).max(100),
  /** DNS-style, so that the app's path (and a subdomain later) is safe to use as is. */
  slug: dnsNameSchema,
  description: z.string().max(4000),
  script: z.string().min(1).max(1024),
  runtimeId: z.string().uuid(),
  profile: dnsNameSchema,
  env: envSchema,
  bypassAuthentication: z.boolean(),
};

/** @public */
export const createApplicationSchema = z
  .object({
    name: applicationFields.name,
    slug: applicationFields.slug,
    description: applicationFields.description.default(''),
    script: applicationFields.script,
    runtimeId: applicationFields.runtimeId,
    profile: applicationFields.profile,
    env: applicationFields.env.default({}),
    bypassAuthentication: applicationFields.bypassAuthentication.default(false),
    /** Start the app right away (the default). */
    start: z.boolean().default(true),
  })
  .strict();

/** @public */
export const updateApplicationSchema = z
  .object(applicationFields)
  .partial()
  .strict();

/** @public */
export type CreateApplicationRequest = z.input<typeof createApplicationSchema>;
/** @public */
export type UpdateApplicationRequest = z.input<typeof updateApplicationSchema>;

/**
 * What the portal allows for applications (read by the UI to show or hide
 * the bypass option).
 *
 * @public
 */
export type ApplicationSettings =
  MlApiComponents['schemas']['ApplicationSettings'];
