// @vitest-environment jsdom
import { cleanup, render } from "@testing-library/react"
import { afterEach, describe, expect, it } from "vitest"

import { PageTitle, usePageTitle } from "./page-title"

function Claims({ title }: { title: string | null }) {
  usePageTitle(title)
  return null
}

afterEach(() => {
  cleanup()
  document.title = ""
})

describe("an extension page's tab title", () => {
  it("is the page's name, then what a view inside it claims, and the page's name again once the view is gone", () => {
    const page = (view: string | null | undefined) => (
      <PageTitle name="Orders">{view === undefined ? null : <Claims title={view} />}</PageTitle>
    )
    const { rerender } = render(page(undefined))
    expect(document.title).toBe("Orders · Comptoir")
    rerender(page("Order — Boulangerie Lefèvre"))
    expect(document.title).toBe("Order — Boulangerie Lefèvre · Comptoir")
    rerender(page(null))
    expect(document.title).toBe("Orders · Comptoir")
    rerender(page("Order — Hargreaves"))
    rerender(page(undefined))
    expect(document.title).toBe("Orders · Comptoir")
  })

  it("is named by a view directly on a page that has no name of its own", () => {
    render(<Claims title="Order — Hargreaves" />)
    expect(document.title).toBe("Order — Hargreaves · Comptoir")
  })
})
