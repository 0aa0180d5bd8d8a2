/**
 * The editor's keyboard shortcuts: which key press means which command, the list the help popover shows, and
 * the rule that no shortcut fires while the user is typing (an input, a text area, a select, an editable
 * element) or working in a dialog, where the keys belong to the field.
 */

export type EditorCommand =
  | "undo"
  | "redo"
  | "copy"
  | "cut"
  | "paste"
  | "delete"
  | "save"
  | "selectAll"
  | "escape"
  | "help"

/** The parts of a KeyboardEvent the mapping reads (so tests need no DOM event). */
export interface KeyPress {
  readonly key: string
  readonly ctrlKey: boolean
  readonly metaKey: boolean
  readonly shiftKey: boolean
  readonly altKey: boolean
}

/** Ctrl on Windows and Linux, Cmd on macOS: either is accepted everywhere, as users of both expect. */
const primary = (press: KeyPress): boolean => press.ctrlKey || press.metaKey

export const commandFor = (press: KeyPress): EditorCommand | null => {
  const key = press.key.length === 1 ? press.key.toLowerCase() : press.key
  if (press.altKey) return null
  if (primary(press)) {
    switch (key) {
      case "z":
        return press.shiftKey ? "redo" : "undo"
      case "y":
        return press.shiftKey ? null : "redo"
      case "c":
        return press.shiftKey ? null : "copy"
      case "x":
        return press.shiftKey ? null : "cut"
      case "v":
        return press.shiftKey ? null : "paste"
      case "s":
        return press.shiftKey ? null : "save"
      case "a":
        return press.shiftKey ? null : "selectAll"
      default:
        return null
    }
  }
  switch (key) {
    case "Delete":
    case "Backspace":
      return "delete"
    case "Escape":
      return "escape"
    case "?":
      return "help"
    default:
      return null
  }
}

/** Whether a key press aimed at `target` belongs to a field the user is typing in (or to an open dialog). */
export const isTypingTarget = (target: EventTarget | null): boolean => {
  if (typeof Element === "undefined" || !(target instanceof Element)) return false
  if (target.closest("dialog, [role='dialog']") !== null) return true
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true
  if (target instanceof HTMLInputElement) {
    // Buttons-like inputs take no text; every other type does.
    return !["button", "checkbox", "radio", "reset", "submit", "range", "color", "file"].includes(target.type)
  }
  return target instanceof HTMLElement && (target.isContentEditable || target.closest("[contenteditable]") !== null)
}

export interface ShortcutHelp {
  readonly keys: ReadonlyArray<string>
  readonly action: string
}

/** The shortcuts as the help popover lists them, with the modifier named the way the platform names it. */
export const shortcutHelp = (mac: boolean): ReadonlyArray<ShortcutHelp> => {
  const mod = mac ? "⌘" : "Ctrl"
  return [
    { keys: [`${mod}+Z`], action: "Undo" },
    { keys: [`${mod}+Shift+Z`, `${mod}+Y`], action: "Redo" },
    { keys: [`${mod}+C`], action: "Copy the selected nodes" },
    { keys: [`${mod}+X`], action: "Cut the selected nodes" },
    { keys: [`${mod}+V`], action: "Paste" },
    { keys: ["Delete", "Backspace"], action: "Delete the selected nodes and links" },
    { keys: [`${mod}+A`], action: "Select every node" },
    { keys: [`${mod}+S`], action: "Save a new version" },
    { keys: ["Shift+click", `${mod}+click`], action: "Add to the selection" },
    { keys: ["Shift+drag"], action: "Select with a box" },
    { keys: ["Tab", "Enter"], action: "Go to a node's title, select the node (Connect… in its panel links it)" },
    { keys: ["Escape"], action: "Clear the selection, close popovers" },
    { keys: ["?"], action: "Show this list" }
  ]
}

export const isMac = (): boolean =>
  typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent)
