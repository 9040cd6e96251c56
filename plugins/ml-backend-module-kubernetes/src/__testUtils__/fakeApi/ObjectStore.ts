import http from 'node:http';
import { randomUUID } from 'node:crypto';
import { matchesSelector, ResourceObject, StoredObject } from './resources';

/** A change to an object, as a watch reports it. */
export interface StoredEvent {
  rv: number;
  type: string;
  resource: string;
  object: StoredObject;
}

/** An open watch stream. */
export interface Watcher {
  resource: string;
  namespace?: string;
  selector: string;
  res: http.ServerResponse;
}

/**
 * The fake API server's storage: objects by resource, namespace and name,
 * a resourceVersion counter, the event history watches start from (until
 * compacted) and the open watches each write goes out to.
 */
export class ObjectStore {
  private readonly objects = new Map<
    string,
    { resource: string; object: StoredObject }
  >();
  private readonly history: StoredEvent[] = [];
  readonly watchers = new Set<Watcher>();
  rv = 100;
  /** Events at or below this resourceVersion are gone: older watches get 410. */
  compactedRv = 0;

  /** Objects of one resource ("pods", "jobs"...), optionally in one namespace. */
  list<R extends string>(resource: R, namespace?: string): ResourceObject<R>[] {
    return [...this.objects.values()]
      .filter(
        s =>
          s.resource === resource &&
          (!namespace || s.object.metadata?.namespace === namespace),
      )
      .map(s => s.object as ResourceObject<R>);
  }

  get<R extends string>(
    resource: R,
    namespace: string | undefined,
    name: string,
  ): ResourceObject<R> | undefined {
    return this.objects.get(this.key(resource, namespace, name))?.object as
      | ResourceObject<R>
      | undefined;
  }

  has(resource: string, namespace: string | undefined, name: string): boolean {
    return this.objects.has(this.key(resource, namespace, name));
  }

  /** The events after `rv` a watch of these objects gets first. */
  eventsSince(
    rv: number,
    resource: string,
    namespace: string | undefined,
    selector: string,
  ): StoredEvent[] {
    return this.history.filter(
      e =>
        e.rv > rv &&
        e.resource === resource &&
        (!namespace || e.object.metadata?.namespace === namespace) &&
        matchesSelector(selector, e.object.metadata?.labels),
    );
  }

  /** Forgets history: every watch from before now gets 410 Gone. */
  compact(): void {
    this.compactedRv = this.rv;
    this.history.length = 0;
  }

  /** Stores (or, DELETED, removes) an object with a new resourceVersion and tells the watches. */
  write<T extends StoredObject>(resource: string, object: T, type: string): T {
    const rv = ++this.rv;
    const stored = {
      ...object,
      metadata: {
        uid: randomUUID(),
        creationTimestamp: new Date().toISOString(),
        ...object.metadata,
        resourceVersion: String(rv),
      },
    };
    const k = this.key(
      resource,
      stored.metadata.namespace,
      stored.metadata.name ?? '',
    );
    if (type === 'DELETED') this.objects.delete(k);
    else this.objects.set(k, { resource, object: stored });
    this.history.push({ rv, type, resource, object: stored });
    for (const w of this.watchers) {
      if (w.resource !== resource) continue;
      if (w.namespace && w.namespace !== stored.metadata.namespace) continue;
      if (!matchesSelector(w.selector, stored.metadata.labels)) continue;
      w.res.write(`${JSON.stringify({ type, object: stored })}\n`);
    }
    return stored;
  }

  /** Deletes an object and, as garbage collection would, what it owns (a namespace: what is in it). */
  remove(resource: string, object: StoredObject): void {
    this.write(resource, object, 'DELETED');
    for (const s of [...this.objects.values()]) {
      if (
        (s.object.metadata?.ownerReferences ?? []).some(
          o => o.uid === object.metadata?.uid,
        )
      ) {
        this.remove(s.resource, s.object);
      }
    }
    if (resource === 'namespaces') {
      for (const s of [...this.objects.values()]) {
        if (s.object.metadata?.namespace === object.metadata?.name)
          this.remove(s.resource, s.object);
      }
    }
  }

  private key(resource: string, namespace: string | undefined, name: string) {
    return `${resource}/${namespace ?? ''}/${name}`;
  }
}
