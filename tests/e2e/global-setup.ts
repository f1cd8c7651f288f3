import { seededDemoTemplate } from "../demo-team-server"

/**
 * Once per run, before any worker starts: the demo team seeded into a PGlite data directory that the specs' demo
 * servers start on copies of (tests/demo-team-server.ts). Returns its removal, which Playwright runs at the end.
 */
export default async function globalSetup(): Promise<() => void> {
  return seededDemoTemplate()
}
