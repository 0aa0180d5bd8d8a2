import { describe, expect, it } from "vitest"
import { describePermissions, readPermissions } from "./plugin-permissions"

describe("plugin permissions", () => {
  it("names the hosts, environment and files a plugin asks for", () => {
    const permissions = readPermissions({ net: ["api.example.com", "*.acme.dev"], env: [], fs: "none" })
    expect(describePermissions(permissions)).toEqual([
      "Network: may reach api.example.com, *.acme.dev.",
      "Environment: none.",
      "Files: none outside its own folder."
    ])
  })

  it("calls out a plugin that may reach any host", () => {
    expect(describePermissions(readPermissions({ net: ["*"], env: [], fs: "none" }))[0]).toBe(
      "Network: may reach any host."
    )
  })

  it("warns when the permissions do not have the manifest's shape", () => {
    const permissions = readPermissions({ net: "everything", env: [], fs: "none" })
    expect(permissions.readable).toBe(false)
    expect(describePermissions(permissions)[0]).toMatch(/could not be read/)
    expect(readPermissions(42).readable).toBe(false)
  })
})
