// @vitest-environment jsdom
import { act, cleanup, render, screen } from "@testing-library/react"
import { afterEach, describe, expect, it, vi } from "vitest"

import { useDocumentsGeneration } from "./use-documents-generation"

type Listener = (changes: Record<string, { newValue?: unknown }>, area: string) => void

function stubStorage() {
  const listeners = new Set<Listener>()
  const addListener = vi.fn((fn: Listener) => listeners.add(fn))
  const removeListener = vi.fn((fn: Listener) => listeners.delete(fn))
  vi.stubGlobal("chrome", { storage: { local: { get: async () => ({}) }, onChanged: { addListener, removeListener } } })
  const bump = (value: number) => act(() => listeners.forEach((l) => l({ "documents.generation": { newValue: value } }, "local")))
  return { addListener, removeListener, listeners, bump }
}

function Card({ name }: { name: string }) {
  return <p>{`${name} read ${useDocumentsGeneration()}`}</p>
}

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

describe("the page's watch of the documents' counter", () => {
  it("holds one storage listener for every card on the page and moves them all when a document is written", () => {
    const storage = stubStorage()
    const { unmount } = render(
      <>
        <Card name="Dupont" />
        <Card name="Martin" />
        <Card name="Smith" />
      </>
    )
    expect(storage.addListener).toHaveBeenCalledTimes(1)
    const read = (name: string) => Number(screen.getByText(new RegExp(`^${name} read`)).textContent!.split(" read ")[1])
    const before = read("Dupont")
    storage.bump(7)
    expect(["Dupont", "Martin", "Smith"].map(read)).toEqual([before + 1, before + 1, before + 1])
    unmount()
    // The last card gone, the page stops listening.
    expect(storage.removeListener).toHaveBeenCalledTimes(1)
    expect(storage.listeners.size).toBe(0)
  })

  it("does not move on a write of some other key", () => {
    const storage = stubStorage()
    render(<Card name="Dupont" />)
    const before = screen.getByText(/^Dupont read/).textContent
    act(() => storage.listeners.forEach((l) => l({ "base.generation": { newValue: 3 } }, "local")))
    expect(screen.getByText(/^Dupont read/).textContent).toBe(before)
  })
})
