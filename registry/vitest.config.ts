// Vitest settings of @weft/registry: the shared Weft defaults (see vitest.shared.ts at the repo root).
import { weftVitestConfig } from "../vitest.shared.ts"

export default weftVitestConfig({ name: "@weft/registry", root: import.meta.dirname })
