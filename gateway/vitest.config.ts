// Vitest settings of @weft/gateway: the shared Weft defaults (see vitest.shared.ts at the repo root).
import { weftVitestConfig } from "../vitest.shared.ts"

export default weftVitestConfig({ name: "@weft/gateway", root: import.meta.dirname })
