// Vitest settings of @weft/actors: the shared Weft defaults (see vitest.shared.ts at the repo root).
import { weftVitestConfig } from "../vitest.shared.ts"

export default weftVitestConfig({ name: "@weft/actors", root: import.meta.dirname })
