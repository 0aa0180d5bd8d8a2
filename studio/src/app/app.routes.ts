/** The pages: sign-in, the graph list and the editor (lazy, it carries ngx-vflow). */
import type { Routes } from "@angular/router"
import { SignIn } from "./auth/sign-in"
import { signedInGuard } from "./auth/signed-in-guard"

export const routes: Routes = [
  { path: "sign-in", component: SignIn, title: "Sign in · Weft" },
  {
    path: "graphs",
    canActivate: [signedInGuard],
    title: "Graphs · Weft",
    loadComponent: () => import("./graphs/graph-list").then((m) => m.GraphList)
  },
  {
    path: "graphs/:graphId",
    canActivate: [signedInGuard],
    title: "Editor · Weft",
    loadComponent: () => import("./editor/editor").then((m) => m.Editor)
  },
  { path: "", pathMatch: "full", redirectTo: "graphs" },
  { path: "**", redirectTo: "graphs" }
]
