// A yes/no check compiled from a zod schema's definition, for opening large cases quickly. zod
// checks 50,000 claims in 0.3-0.6 s on a cold start (and copies every item); this check, built once
// from the same schema (the rules stay written once, in src/shared/case-schema.ts), takes a small
// fraction of that and copies nothing. It says yes only when zod would accept the value unchanged:
// every rule of every field holds and no object has a key the schema does not know (zod would drop
// it). Anything else (an error to name, a key to drop) goes to zod. A schema construct it does not
// know makes compiling throw, so a change to the schema cannot slip past it (its test compiles all).
import type { z } from 'zod'

export type Check = (value: unknown) => boolean

interface Def {
  type: string
  checks?: { _zod: { def: CheckDef } }[]
  shape?: Record<string, z.ZodType>
  catchall?: unknown
  element?: z.ZodType
  innerType?: z.ZodType
  entries?: Record<string, string | number>
  values?: unknown[]
}

interface CheckDef {
  check: string
  format?: string
  pattern?: RegExp
  minimum?: number
  maximum?: number
  value?: number
  inclusive?: boolean
}

const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def

function all(checks: Check[]): Check {
  if (checks.length === 1) return checks[0]
  return (v) => {
    for (const c of checks) if (!c(v)) return false
    return true
  }
}

function stringRule(def: CheckDef): Check {
  switch (def.check) {
    case 'min_length':
      return (v) => (v as string).length >= def.minimum!
    case 'max_length':
      return (v) => (v as string).length <= def.maximum!
    case 'string_format':
      if (def.format === 'regex' && def.pattern && !def.pattern.global && !def.pattern.sticky) {
        const pattern = def.pattern
        return (v) => pattern.test(v as string)
      }
  }
  throw new Error(`schema-check: cannot compile string check ${def.check} ${def.format ?? ''}`)
}

function numberRule(def: CheckDef): Check {
  switch (def.check) {
    case 'number_format':
      if (def.format === 'safeint') return (v) => Number.isSafeInteger(v)
      break
    case 'greater_than':
      return def.inclusive ? (v) => (v as number) >= def.value! : (v) => (v as number) > def.value!
    case 'less_than':
      return def.inclusive ? (v) => (v as number) <= def.value! : (v) => (v as number) < def.value!
  }
  throw new Error(`schema-check: cannot compile number check ${def.check} ${def.format ?? ''}`)
}

function objectCheck(def: Def): Check {
  if (def.catchall !== undefined) throw new Error('schema-check: cannot compile an object with a catchall')
  const fields = Object.entries(def.shape!).map(([key, schema]) => {
    const d = defOf(schema)
    return { key, optional: d.type === 'optional', check: compileCheck(schema) }
  })
  const known = new Set(fields.map((f) => f.key))
  return (v) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return false
    const o = v as Record<string, unknown>
    for (const f of fields) {
      const x = o[f.key]
      if (x === undefined ? !f.optional : !f.check(x)) return false
    }
    for (const key in o) if (!known.has(key)) return false
    return true
  }
}

/** Compiles `schema`; throws when it uses a construct this check does not know. */
export function compileCheck(schema: z.ZodType): Check {
  const def = defOf(schema)
  const rules = (make: (d: CheckDef) => Check): Check[] => (def.checks ?? []).map((c) => make(c._zod.def))
  switch (def.type) {
    case 'string':
      return all([(v) => typeof v === 'string', ...rules(stringRule)])
    case 'number':
      return all([(v) => typeof v === 'number' && Number.isFinite(v), ...rules(numberRule)])
    case 'boolean':
      return (v) => typeof v === 'boolean'
    case 'literal': {
      const values = def.values!
      return (v) => values.includes(v)
    }
    case 'enum': {
      const values = new Set<unknown>(Object.values(def.entries!))
      return (v) => values.has(v)
    }
    case 'optional': {
      const inner = compileCheck(def.innerType!)
      return (v) => v === undefined || inner(v)
    }
    case 'nullable': {
      const inner = compileCheck(def.innerType!)
      return (v) => v === null || inner(v)
    }
    case 'array': {
      if (def.checks?.length) throw new Error('schema-check: cannot compile array length checks')
      const element = compileCheck(def.element!)
      return (v) => {
        if (!Array.isArray(v)) return false
        for (const x of v) if (!element(x)) return false
        return true
      }
    }
    case 'object':
      return objectCheck(def)
  }
  throw new Error(`schema-check: cannot compile zod type ${def.type}`)
}
