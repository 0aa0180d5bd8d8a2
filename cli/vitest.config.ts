// Vitest settings of @weft/cli: the shared Weft defaults (see vitest.shared.ts at the repo root).
import { weftVitestConfig } from "../vitest.shared.ts"

export default weftVitestConfig({ name: "@weft/cli", root: import.meta.dirname })
