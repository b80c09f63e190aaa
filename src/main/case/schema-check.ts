// A yes/no check compiled from a zod schema's definition, for opening large cases quickly. zod
// checks 50,000 claims in 0.3-0.6 s on a cold start (and copies every item); this check, generated
// once from the same schema (the rules stay written once, in src/shared/case-schema.ts) as one
// straight-line function, takes a small fraction of that and copies nothing. It says yes only when
// zod would accept the value unchanged: every rule of every field holds and no object has a key the
// schema does not know (zod would drop it). Anything else (an error to name, a key to drop) goes to
// zod. A schema construct it does not know makes compiling throw, so a change to the schema cannot
// slip past it (its test compiles them all and compares the two on thousands of changed cases).
//
// The generated code holds only the schema's own constants: property names as JSON string
// literals, numbers, and regexes and value sets passed in by reference (`E[n]`).
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

const cannot = (what: string): Error => new Error(`schema-check: cannot compile ${what}`)

/** Compiles `schema`; throws when it uses a construct this check does not know. */
export function compileCheck(schema: z.ZodType): Check {
  const env: unknown[] = []
  const lines: string[] = []
  let names = 0
  const ref = (value: unknown): string => `E[${env.push(value) - 1}]`
  const fresh = (prefix: string): string => `${prefix}${names++}`
  const fail = (condition: string): void => void lines.push(`if (${condition}) return false`)
  const finite = (n: number | undefined): number => {
    if (typeof n !== 'number' || !Number.isFinite(n)) throw cannot(`the bound ${String(n)}`)
    return n
  }

  function checks(def: Def, x: string): void {
    for (const { _zod } of def.checks ?? []) {
      const c = _zod.def
      if (def.type === 'string' && c.check === 'min_length') fail(`${x}.length < ${finite(c.minimum)}`)
      else if (def.type === 'string' && c.check === 'max_length') fail(`${x}.length > ${finite(c.maximum)}`)
      else if (def.type === 'string' && c.check === 'string_format' && c.format === 'regex' && c.pattern) {
        if (c.pattern.global || c.pattern.sticky) throw cannot('a global or sticky regex')
        fail(`!${ref(c.pattern)}.test(${x})`)
      } else if (def.type === 'number' && c.check === 'number_format' && c.format === 'safeint') {
        fail(`!Number.isSafeInteger(${x})`)
      } else if (def.type === 'number' && c.check === 'greater_than') {
        fail(`${x} ${c.inclusive ? '<' : '<='} ${finite(c.value)}`)
      } else if (def.type === 'number' && c.check === 'less_than') {
        fail(`${x} ${c.inclusive ? '>' : '>='} ${finite(c.value)}`)
      } else throw cannot(`the ${def.type} check ${c.check} ${c.format ?? ''}`)
    }
  }

  /** Adds statements that return false unless the value of expression `x` fits `s`. */
  function emit(s: z.ZodType, x: string): void {
    const def = defOf(s)
    switch (def.type) {
      case 'string':
        fail(`typeof ${x} !== 'string'`)
        return checks(def, x)
      case 'number':
        fail(`typeof ${x} !== 'number' || !Number.isFinite(${x})`)
        return checks(def, x)
      case 'boolean':
        return fail(`typeof ${x} !== 'boolean'`)
      case 'literal':
        return fail(`!${ref(def.values)}.includes(${x})`)
      case 'enum':
        return fail(`!${ref(new Set(Object.values(def.entries!)))}.has(${x})`)
      case 'optional':
      case 'nullable':
        lines.push(`if (${x} !== ${def.type === 'optional' ? 'undefined' : 'null'}) {`)
        emit(def.innerType!, x)
        return void lines.push('}')
      case 'array': {
        if (def.checks?.length) throw cannot('array length checks')
        fail(`!Array.isArray(${x})`)
        const i = fresh('i')
        const item = fresh('a')
        lines.push(`for (let ${i} = 0; ${i} < ${x}.length; ${i}++) {`, `const ${item} = ${x}[${i}]`)
        emit(def.element!, item)
        return void lines.push('}')
      }
      case 'object': {
        if (def.catchall !== undefined) throw cannot('an object with a catchall')
        fail(`typeof ${x} !== 'object' || ${x} === null || Array.isArray(${x})`)
        const keys = Object.keys(def.shape!)
        for (const key of keys) {
          const field = fresh('f')
          lines.push(`const ${field} = ${x}[${JSON.stringify(key)}]`)
          emit(def.shape![key], field)
        }
        const k = fresh('k')
        return void lines.push(`for (const ${k} in ${x}) if (!${ref(new Set(keys))}.has(${k})) return false`)
      }
    }
    throw cannot(`zod type ${def.type}`)
  }

  emit(schema, 'v')
  const source = `return function check(v) {\n${lines.join('\n')}\nreturn true\n}`
  return new Function('E', source)(env) as Check
}
