/**
 * "Did you mean" suggestions for misspelt field and pin names: the known name with the smallest edit distance,
 * when it is close enough to be a plausible typo.
 */

const editDistance = (a: string, b: string): number => {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1)
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution))
    }
    previous = current
  }
  return previous[b.length] ?? 0
}

/** The closest of `known` to `name`, if within a third of the name's length (at least 1, at most 3 edits). */
export const closestName = (name: string, known: Iterable<string>): string | undefined => {
  const limit = Math.min(3, Math.max(1, Math.floor(name.length / 3)))
  let best: string | undefined = undefined
  let bestDistance = limit + 1
  for (const candidate of known) {
    const distance = editDistance(name.toLowerCase(), candidate.toLowerCase())
    if (distance < bestDistance) {
      best = candidate
      bestDistance = distance
    }
  }
  return best
}
