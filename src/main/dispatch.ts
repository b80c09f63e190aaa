// The contract's single gate: every door passes untrusted (method, args) here, which checks them
// against the method's schema (types, sizes, defaults) before the implementation runs.
import type { ZodError } from 'zod'
import { apiArgs, type ApiHandlers, type ApiMethod, type ClaimdeskApi } from '../shared/api'
import { API_METHODS, wireArgs } from '../shared/api-methods'
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

export async function dispatch(handlers: ApiHandlers, method: string, args: unknown): Promise<unknown> {
  if (!isApiMethod(method)) throw invalid(`unknown method "${method}"`)
  const parsed = apiArgs[method].safeParse(args ?? [])
  if (!parsed.success) throw invalid(describeIssue(method, parsed.error))
  const call = handlers[method] as (...a: unknown[]) => Promise<unknown>
  return call(...(parsed.data as unknown[]))
}

/**
 * The contract as an object whose every call goes through the gate: what the CLI, the sample
 * builder and tests use in-process. With `wire`, results are copied as a door would (JSON), so a
 * caller can never share the service's objects.
 */
export function gate(handlers: ApiHandlers, options: { wire?: boolean } = {}): ClaimdeskApi {
  const api = {} as Record<ApiMethod, (...args: unknown[]) => Promise<unknown>>
  for (const method of API_METHODS) {
    api[method] = async (...args) => {
      const result = await dispatch(handlers, method, options.wire ? JSON.parse(JSON.stringify(wireArgs(args))) : args)
      return options.wire && result !== undefined ? JSON.parse(JSON.stringify(result)) : result
    }
  }
  return api as unknown as ClaimdeskApi
}
