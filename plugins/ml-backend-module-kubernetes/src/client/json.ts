import type { V1ListMeta } from '@kubernetes/client-node';

/**
 * A client-node model as the API server sends and takes it. KubeClient
 * reads and writes bodies with JSON, not client-node's ObjectSerializer, so
 * the timestamps the model classes declare as Date are RFC 3339 strings, and
 * fields the models rename after JavaScript keywords (`_from`, `_continue`)
 * have their names from the API.
 */
export type Json<T> = T extends Date
  ? string
  : T extends ReadonlyArray<infer Item>
  ? Json<Item>[]
  : T extends object
  ? { [K in keyof T as WireName<K>]: Json<T[K]> }
  : T;

/** No field of the Kubernetes API starts with "_": client-node added it. */
type WireName<K> = K extends `_${infer Name}` ? Name : K;

/** A list response: its items and the resourceVersion to watch from. */
export interface JsonList<T> {
  metadata?: Json<V1ListMeta>;
  items?: T[];
}
