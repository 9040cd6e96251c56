import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import { LoggerService } from '@backstage/backend-plugin-api';
import { Runtime } from '@ml-platform/plugin-ml-common';
import { RuntimeInput, RuntimeUpdate } from '../apiInputs';
import { ListOptions, ListResult, RuntimeStore } from '../database';
import { createUnique } from '../database/errors';

function describe(r: RuntimeInput | Runtime): string {
  return `${r.editor} / ${r.kernel} / ${r.edition} ${r.shortVersion}.${r.maintenanceVersion}`;
}

/**
 * The runtime catalog. Users are offered only the newest maintenance version
 * of each short version, as in CML.
 */
export class RuntimeService {
  constructor(
    private readonly deps: { runtimes: RuntimeStore; logger: LoggerService },
  ) {}

  list(
    options: ListOptions & { all: boolean; enabled?: boolean },
  ): Promise<ListResult<Runtime>> {
    return this.deps.runtimes.list({ ...options, latestOnly: !options.all });
  }

  async get(id: string): Promise<Runtime> {
    const runtime = await this.deps.runtimes.get(id);
    if (!runtime) {
      throw new NotFoundError(`No runtime with id '${id}'`);
    }
    return runtime;
  }

  async create(input: RuntimeInput): Promise<Runtime> {
    return createUnique(
      new ConflictError(`Runtime ${describe(input)} already exists`),
      () => this.deps.runtimes.findByTuple(input),
      () => this.deps.runtimes.create(input),
    );
  }

  async update(id: string, patch: RuntimeUpdate): Promise<Runtime> {
    const current = await this.get(id);
    const image = patch.image === undefined ? current.image : patch.image;
    const command =
      patch.command === undefined ? current.command : patch.command;
    if (!image && !command) {
      throw new InputError(
        'command: a runtime needs an image (Kubernetes) or a command (local driver)',
      );
    }
    return (await this.deps.runtimes.update(id, patch))!;
  }

  async delete(id: string): Promise<void> {
    if (!(await this.deps.runtimes.delete(id))) {
      throw new NotFoundError(`No runtime with id '${id}'`);
    }
  }

  /**
   * Makes the configured runtimes exist. A runtime already present keeps its
   * enabled flag (an admin may have disabled it) but takes the configured
   * image, command and description.
   */
  async seed(configured: RuntimeInput[]): Promise<void> {
    for (const input of configured) {
      const existing = await this.deps.runtimes.findByTuple(input);
      if (existing) {
        await this.deps.runtimes.update(existing.id, {
          description: input.description,
          image: input.image ?? null,
          command: input.command ?? null,
        });
      } else {
        await this.deps.runtimes.create(input);
        this.deps.logger.info(`Added runtime ${describe(input)} from config`);
      }
    }
  }
}
