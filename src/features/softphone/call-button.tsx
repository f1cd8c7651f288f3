import type { MouseEvent, ReactNode } from "react"
import { useTranslation } from "react-i18next"

import { callButtonTitleKey, useCallButton, type CallButtonState } from "./call-under-way"

/**
 * A button that calls `number` (a card's ☎, the dock history's Call, a late call-back's Call). While a call is being
 * placed or under way it dials nothing (issue #9: a second click started a second call the softphone never showed):
 * the call's own number says it is the one (pressed), any other number is off and says "A call is in progress".
 * `state`: given by a surface that knows the call itself (the dock), else read from the page (useCallButton).
 */
export function CallButton({
  number,
  state: given,
  className,
  label,
  onCall,
  onPointerDown,
  children
}: {
  number: string
  state?: CallButtonState
  className: string
  label?: string
  onCall: (e: MouseEvent<HTMLButtonElement>) => void
  onPointerDown?: () => void
  children: ReactNode
}) {
  const { t } = useTranslation()
  const onPage = useCallButton(number)
  const state = given ?? onPage
  const titleKey = callButtonTitleKey(state)
  return (
    <button
      type="button"
      className={className}
      data-comptoir="call"
      data-number={number}
      data-call-state={state}
      aria-pressed={state === "this-call"}
      disabled={state !== "free"}
      title={titleKey === null ? undefined : t(titleKey)}
      aria-label={label}
      onPointerDown={onPointerDown}
      onClick={onCall}>
      {children}
    </button>
  )
}
