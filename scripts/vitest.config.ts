// Vitest settings of the repo's own tooling tests (scripts/*.test.ts): the shared Weft defaults.
import { weftVitestConfig } from "../vitest.shared.ts"

export default weftVitestConfig({ name: "scripts", root: import.meta.dirname, include: ["*.test.ts"] })
