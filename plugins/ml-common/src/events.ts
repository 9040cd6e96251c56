/**
 * The events topic the ML backend publishes its changes on (through the
 * Backstage events service): one event after each write to the ML API that
 * succeeded. The catalog's ML entity provider listens to it.
 *
 * @public
 */
export const ML_CHANGES_TOPIC = 'ml.changes';

/**
 * The payload of an `ml.changes` event.
 *
 * @public
 */
export interface MlChangeEvent {
  /** The HTTP method of the write: POST, PUT, PATCH or DELETE. */
  method: string;
  /** The path under the ML API (`/api/ml`), e.g. `/projects/<id>/models`. */
  path: string;
}
