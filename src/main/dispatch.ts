import type { ZodError } from 'zod'
import { apiArgs, type ApiMethod, type ClaimdeskApi } from '../shared/api'
import { invalid } from '../shared/errors'

function describeIssue(method: string, error: ZodError): string {
  const issue = error.issues[0]
  const [arg, ...field] = issue.path
  const where =
    typeof arg === 'number' ? `argument ${arg + 1}${field.length ? ` field "${field.join('.')}"` : ''}` : 'arguments'
  return `${method}: ${where}: ${issue.message}`
}

export function isApiMethod(name: string): name is ApiMethod {
  return Object.hasOwn(apiArgs, name)
}

/**
 * The contract's single gate: every door passes untrusted (method, args) here, which checks
 * them against the method's schema (types, sizes, defaults) before the implementation runs.
 */
export async function dispatch(api: ClaimdeskApi, method: string, args: unknown): Promise<unknown> {
  if (!isApiMethod(method)) throw invalid(`unknown method "${method}"`)
  const parsed = apiArgs[method].safeParse(args ?? [])
  if (!parsed.success) throw invalid(describeIssue(method, parsed.error))
  const call = api[method] as (...a: unknown[]) => Promise<unknown>
  return call.apply(api, parsed.data as unknown[])
}
