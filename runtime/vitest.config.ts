// Vitest settings of @weft/runtime: the shared Weft defaults (see vitest.shared.ts at the repo root).
import { weftVitestConfig } from "../vitest.shared.ts"

export default weftVitestConfig({ name: "@weft/runtime", root: import.meta.dirname })
