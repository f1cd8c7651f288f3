/**
 * The storage key of a counter the background bumps whenever the base changed (an import, a sync that brought
 * rows, a resolved conflict); content scripts watch it and look their page up again. It says nothing about the
 * base but "look again". Why storage and not a broadcast: baseChanged() in background/services.ts.
 */
export const BASE_GENERATION_KEY = "lookup.baseGeneration"

/**
 * The storage key of a counter the background bumps after a sales document or payment was written on this device,
 * and with every base change (a sync may bring the team's documents or the server's numbers): the customer cards
 * already open read their documents and risk again, as a card drawn after the change would (the card under the quote
 * form said "1 open quote" after the agent sent a second one from it).
 */
export const DOCUMENTS_GENERATION_KEY = "documents.generation"
