import { Project } from '@ml-platform/plugin-ml-common';
import { StoredWorkload } from '../database';

/**
 * What one part of the plugin tells the others, by event name. The parts
 * that emit do not know who listens; createMlBackend subscribes them all in
 * one place.
 */
export interface PlatformEventMap {
  /**
   * A workload reached a terminal state (a job run chains its dependants, a
   * build records its result, notifications go out).
   */
  workloadEnded: StoredWorkload;
  /**
   * A project is about to be deleted: remove what could start more of its
   * work (jobs, apps, model deployments). A listener that fails stops the
   * deletion.
   */
  projectDeleting: string;
  /** A project is gone and its work stopped (a driver's own clean-up). */
  projectDeleted: Project;
  /**
   * A model's settings or its active deployment changed, or it was deleted
   * (the serving directory drops what it cached).
   */
  modelChanged: string;
}

export type PlatformEventName = keyof PlatformEventMap;

export type PlatformEventListener<E extends PlatformEventName> = (
  payload: PlatformEventMap[E],
) => void | Promise<void>;

/** A small typed emitter whose listeners run one after another, in the order they subscribed. */
export class PlatformEvents {
  private readonly listeners: {
    [E in PlatformEventName]?: PlatformEventListener<E>[];
  } = {};

  /** Subscribes; the returned function unsubscribes. */
  on<E extends PlatformEventName>(
    event: E,
    listener: PlatformEventListener<E>,
  ): () => void {
    const list = (this.listeners[event] ??= []) as PlatformEventListener<E>[];
    list.push(listener);
    return () => {
      const index = list.indexOf(listener);
      if (index >= 0) list.splice(index, 1);
    };
  }

  /** Runs every listener in turn; the first that fails stops the rest and fails the emit. */
  async emit<E extends PlatformEventName>(
    event: E,
    payload: PlatformEventMap[E],
  ): Promise<void> {
    for (const listener of this.listenersOf(event)) await listener(payload);
  }

  /** Runs every listener in turn; one that fails is reported and the others still run. */
  async emitToAll<E extends PlatformEventName>(
    event: E,
    payload: PlatformEventMap[E],
    onError: (error: unknown) => void,
  ): Promise<void> {
    for (const listener of this.listenersOf(event)) {
      try {
        await listener(payload);
      } catch (error) {
        onError(error);
      }
    }
  }

  private listenersOf<E extends PlatformEventName>(
    event: E,
  ): PlatformEventListener<E>[] {
    // A copy: a listener that unsubscribes does not skip the next one.
    return [...((this.listeners[event] ?? []) as PlatformEventListener<E>[])];
  }
}
