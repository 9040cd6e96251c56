/**
 * The ML scaffolder actions read no configuration of their own: they find
 * the ML backend through discovery and call it as the task's initiator.
 */
export interface Config {}
