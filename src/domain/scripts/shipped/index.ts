import type { CallScriptInput } from "../script.schema"
import { appointmentSetting } from "./appointment-setting"
import { inboundAdvice } from "./inbound-advice"
import { orderTaking } from "./order-taking"
import { outboundProspecting } from "./outbound-prospecting"
import { paymentReminder } from "./payment-reminder"

/** The scripts Comptoir ships, in French and English; a team copies one to adapt it. */
export const SHIPPED_SCRIPTS: readonly CallScriptInput[] = [inboundAdvice, outboundProspecting, orderTaking, paymentReminder, appointmentSetting]
