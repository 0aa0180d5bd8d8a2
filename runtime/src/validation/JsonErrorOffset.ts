/**
 * Where JSON text stops being JSON. `JSON.parse` does not always say (V8 often reports only a snippet), and a user
 * fixing a graph file needs a line and column, so on failure this small recursive-descent scanner walks the text
 * by the JSON grammar and returns the offset of the first character that cannot continue it.
 */
const isSpace = (c: string) => c === " " || c === "\t" || c === "\n" || c === "\r"

export const jsonErrorOffset = (text: string): number => {
  let i = 0
  const skip = () => {
    while (i < text.length && isSpace(text[i] ?? "")) i++
  }
  const literal = (word: string) => {
    if (text.startsWith(word, i)) i += word.length
    else throw i
  }
  const string = () => {
    i++ // opening quote
    while (i < text.length) {
      const c = text[i]
      if (c === '"') {
        i++
        return
      }
      if (c === "\\") {
        const next = text[i + 1] ?? ""
        if (next === "u") {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) throw i
          i += 6
        } else if ('"\\/bfnrt'.includes(next) && next !== "") i += 2
        else throw i + 1
      } else if ((c ?? "").charCodeAt(0) < 0x20) throw i
      else i++
    }
    throw i
  }
  const number = () => {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i))
    if (match === null || match[0] === "" || match[0] === "-") throw i
    i += match[0].length
  }
  const value = (): void => {
    skip()
    const c = text[i]
    if (c === "{") {
      i++
      skip()
      if (text[i] === "}") {
        i++
        return
      }
      while (true) {
        skip()
        if (text[i] !== '"') throw i
        string()
        skip()
        if (text[i] !== ":") throw i
        i++
        value()
        skip()
        if (text[i] === ",") i++
        else if (text[i] === "}") {
          i++
          return
        } else throw i
      }
    } else if (c === "[") {
      i++
      skip()
      if (text[i] === "]") {
        i++
        return
      }
      while (true) {
        value()
        skip()
        if (text[i] === ",") i++
        else if (text[i] === "]") {
          i++
          return
        } else throw i
      }
    } else if (c === '"') string()
    else if (c === "t") literal("true")
    else if (c === "f") literal("false")
    else if (c === "n") literal("null")
    else number()
  }
  try {
    value()
    skip()
    return i < text.length ? i : -1
  } catch (offset) {
    return typeof offset === "number" ? offset : 0
  }
}
