// Vitest settings of @weft/plugin-host: the shared Weft defaults (see vitest.shared.ts at the repo root).
import { weftVitestConfig } from "../../vitest.shared.ts"

export default weftVitestConfig({ name: "@weft/plugin-host", root: import.meta.dirname })
