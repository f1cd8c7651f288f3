import { defineHandler } from "~src/messaging/handler"

import { teamRepsWithin } from "../../sync"

/** A form opens at once and fills its sales-rep pick when the names come: the names kept are there at once. */
const NAMES_WAIT_MS = 1500

export const teamReps = defineHandler("team/reps", () => teamRepsWithin(NAMES_WAIT_MS))
