/** The plugin the suite publishes into weft dev's registry (src/seed-registry.ts) and installs from the marketplace. */
export const pluginName = "@weft-e2e/shout"
export const pluginVersion = "1.0.0"
