import { mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"

import { expect, test } from "./fixtures"

/**
 * A user fixes the rows an import rejected in the same file (Excel saves it under its name) and picks it again. The
 * browser only tells the page of a choice that differs from the input's last one, by path: the same file chosen
 * again did nothing (walk22). Playwright picks a file by its path on disk, as the user does.
 */
test("a file picked again after fixing its rejected row is read again, and its customers are updated, not doubled", async ({ page, extensionId }) => {
  const dir = mkdtempSync(join(tmpdir(), "comptoir-e2e-same-file-"))
  const path = join(dir, "clients.csv")
  const header = "code;company;contact_first_name;contact_last_name;email;phone"
  const good = "C-88001;Boulangerie Lemoine;Claire;Lemoine;claire@lemoine.fr;01 42 33 44 55"
  try {
    writeFileSync(path, [header, good, "C-88002;Garage Fabre;Paul;Fabre;paul@@fabre.fr;04 78 11 22 33"].join("\r\n"))
    await page.goto(`chrome-extension://${extensionId}/options.html`)
    const input = page.locator('input[type=file][data-comptoir="import-customers"]')
    const result = page.locator('[data-comptoir="import-result"]')
    await input.setInputFiles(path)
    await page.locator('[data-comptoir="import-confirm"]').click()
    await expect(result).toHaveAttribute("data-created", "1", { timeout: 30_000 })
    await expect(result).toHaveAttribute("data-rejected", "1")

    writeFileSync(path, [header, good, "C-88002;Garage Fabre;Paul;Fabre;paul@fabre.fr;04 78 11 22 33"].join("\r\n"))
    await input.setInputFiles(path)
    await expect(page.locator('[data-comptoir="import-preview"]')).toContainText("Garage Fabre", { timeout: 10_000 })
    await page.locator('[data-comptoir="import-confirm"]').click()
    await expect(result).toHaveAttribute("data-created", "1", { timeout: 30_000 })
    await expect(result).toHaveAttribute("data-updated", "1")
    await expect(result).toHaveAttribute("data-rejected", "0")

    // The very same file once more: read again, nothing new.
    await input.setInputFiles(path)
    await page.locator('[data-comptoir="import-confirm"]').click()
    await expect(result).toHaveAttribute("data-created", "0", { timeout: 30_000 })
    await expect(result).toHaveAttribute("data-updated", "2")
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})
