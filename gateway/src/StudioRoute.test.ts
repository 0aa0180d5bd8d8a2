import { describe, expect, it } from "vitest"
import * as NodePath from "node:path"
import { chooseEncoding, resolveStudioPath } from "./StudioRoute.ts"

describe("chooseEncoding", () => {
  it("prefers brotli, then gzip, honouring q=0 and the wildcard", () => {
    expect(chooseEncoding("gzip, deflate, br")).toBe("br")
    expect(chooseEncoding("gzip, br;q=0")).toBe("gzip")
    expect(chooseEncoding("identity")).toBeUndefined()
    expect(chooseEncoding(undefined)).toBeUndefined()
    expect(chooseEncoding("*")).toBe("br")
    expect(chooseEncoding("*, br;q=0")).toBe("gzip")
    expect(chooseEncoding("GZIP;Q=0.5")).toBe("gzip")
  })
})

describe("resolveStudioPath", () => {
  const root = NodePath.resolve("/srv/studio")
  it("maps URL paths to files inside the studio folder", () => {
    expect(resolveStudioPath(root, "/main-ABC.js")).toBe(NodePath.join(root, "main-ABC.js"))
    expect(resolveStudioPath(root, "/assets/icon%20one.svg")).toBe(NodePath.join(root, "assets", "icon one.svg"))
  })
  it("never leaves the folder, whatever the encoding", () => {
    for (const hostile of ["/../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/a/../../x", "/%00", "/%E0%A4%A"]) {
      const resolved = resolveStudioPath(root, hostile)
      expect(resolved === undefined || resolved.startsWith(`${root}${NodePath.sep}`) || resolved === root).toBe(true)
    }
    expect(resolveStudioPath(root, "/%00")).toBeUndefined()
  })
})
