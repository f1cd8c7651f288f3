/**
 * The storage key of a counter the background bumps whenever the base changed (an import, a sync that brought
 * rows, a resolved conflict); content scripts watch it and look their page up again. It says nothing about the
 * base but "look again". Why storage and not a broadcast: baseChanged() in background/services.ts.
 */
export const BASE_GENERATION_KEY = "lookup.baseGeneration"
