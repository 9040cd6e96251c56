import { ScaffolderApi } from '@backstage/plugin-scaffolder-react';
import { Page } from '@ml-platform/plugin-ml-common';
import { MlApi } from '../../api';
import { runtimeLabel } from '../../lib/runtimes';
import { titleAndName } from '../../lib/titles';

type TemplateParameterSchema = Awaited<
  ReturnType<ScaffolderApi['getTemplateParameterSchema']>
>;

/** A step's JSON schema, or one of its properties' (a JSON object). */
type JsonObject = TemplateParameterSchema['steps'][number]['schema'];

/** The names of the values an id picker returns, by value. */
type NamesOf = (ml: MlApi) => Promise<Map<string, string>>;

/** Reads every page of a listing (a portal has a few hundred at most). */
async function allItems<T>(
  list: (pageToken?: string) => Promise<Page<T>>,
): Promise<T[]> {
  const items: T[] = [];
  let pageToken: string | undefined;
  do {
    const page = await list(pageToken);
    items.push(...page.items);
    pageToken = page.next_page_token;
  } while (pageToken);
  return items;
}

/**
 * The pickers whose value is an id, and the names the review shows for
 * them. (`MlWorkspacePicker` and `MlProfilePicker` return names already.)
 * Every value a picker can offer is in its list: the runtime picker offers
 * enabled runtimes, the project picker the projects of one workspace.
 */
const ID_PICKERS: Record<string, NamesOf> = {
  MlRuntimePicker: async ml =>
    new Map(
      (
        await allItems(pageToken =>
          ml.listRuntimes({ enabled: true, pageSize: 500, pageToken }),
        )
      ).map(r => [r.id, runtimeLabel(r)]),
    ),
  MlProjectPicker: async ml =>
    new Map(
      (
        await allItems(pageToken =>
          ml.listProjects({ sort: '+name', pageSize: 500, pageToken }),
        )
      ).map(p => [p.id, titleAndName(p)]),
    ),
};

function idPickerOf(property: unknown): string | undefined {
  const field = (property as JsonObject | undefined)?.['ui:field'];
  return typeof field === 'string' && field in ID_PICKERS ? field : undefined;
}

/**
 * A template's parameter schema in which every field of an ML id picker
 * lists its ids as `enum` with their names as `enumNames`. The scaffolder's
 * review step shows `enumNames[enum.indexOf(value)]` instead of the value
 * (`ReviewState` in `@backstage/plugin-scaffolder-react`), so it reads
 * "Workbench Python 3.11 Standard 2026.01.2" where the submitted parameter
 * stays the runtime's id. The pickers still render the fields (`ui:field`
 * wins over the enum's select). A field whose names cannot be read, or
 * that has no choices, stays as it was: the review then shows the id.
 */
export async function withReviewNames(
  manifest: TemplateParameterSchema,
  ml: MlApi,
): Promise<TemplateParameterSchema> {
  const pickers = new Set(
    manifest.steps.flatMap(step =>
      Object.values((step.schema.properties as JsonObject) ?? {})
        .map(idPickerOf)
        .filter((p): p is string => Boolean(p)),
    ),
  );
  if (pickers.size === 0) {
    return manifest;
  }
  const names = new Map(
    await Promise.all(
      [...pickers].map(
        async picker =>
          [
            picker,
            await ID_PICKERS[picker](ml).catch(() => undefined),
          ] as const,
      ),
    ),
  );
  const named = (property: JsonObject): JsonObject => {
    const byId = names.get(idPickerOf(property) ?? '');
    if (!byId || byId.size === 0 || property.enum) {
      return property;
    }
    return {
      ...property,
      enum: [...byId.keys()],
      enumNames: [...byId.values()],
    };
  };
  return {
    ...manifest,
    steps: manifest.steps.map(step => ({
      ...step,
      schema: {
        ...step.schema,
        ...(step.schema.properties
          ? {
              properties: Object.fromEntries(
                Object.entries(step.schema.properties as JsonObject).map(
                  ([key, property]) => [key, named(property as JsonObject)],
                ),
              ),
            }
          : {}),
      },
    })),
  };
}

/**
 * The scaffolder API with `withReviewNames` applied to the parameter
 * schemas it reads; everything else is the given API's.
 */
export function scaffolderApiWithReviewNames(
  scaffolder: ScaffolderApi,
  ml: MlApi,
): ScaffolderApi {
  const getTemplateParameterSchema: ScaffolderApi['getTemplateParameterSchema'] =
    async templateRef =>
      withReviewNames(
        await scaffolder.getTemplateParameterSchema(templateRef),
        ml,
      );
  return new Proxy(scaffolder, {
    get(target, property, receiver) {
      if (property === 'getTemplateParameterSchema') {
        return getTemplateParameterSchema;
      }
      const value = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
