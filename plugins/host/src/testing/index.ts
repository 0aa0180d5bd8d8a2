/** Test helpers for plugin packages: fixtures written on the fly and first-party builds. */
export * from "./BuildPlugin.ts"
export * from "./PluginFixture.ts"
