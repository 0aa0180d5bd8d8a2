// Vitest settings of @weft/blocks-core: the shared Weft defaults (see vitest.shared.ts at the repo root).
import { weftVitestConfig } from "../../vitest.shared.ts"

export default weftVitestConfig({ name: "@weft/blocks-core", root: import.meta.dirname })
