import type { FastifyInstance, FastifyTypeProvider } from "fastify"
import * as z from "zod"

/** Route schemas are zod schemas: handlers get the parsed (transformed) types, replies are checked too. */
export interface ZodTypeProvider extends FastifyTypeProvider {
  validator: this["schema"] extends z.ZodType ? z.output<this["schema"]> : unknown
  serializer: this["schema"] extends z.ZodType ? z.input<this["schema"]> : unknown
}

export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly details?: unknown
  ) {
    super(message)
  }
}

export const ErrorReply = z.object({
  error: z.string(),
  message: z.string(),
  /** JSON pointer of the first refused value (400 `invalid` and `bad-request`), e.g. `/mutations/0/fields/notes`. */
  field: z.string().optional(),
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional()
})
export type ErrorReply = z.infer<typeof ErrorReply>

export function installZod(app: FastifyInstance): void {
  app.setValidatorCompiler(({ schema, httpPart }) => {
    const zodSchema = schema as z.ZodType
    return (data: unknown) => {
      const r = zodSchema.safeParse(data)
      if (r.success) return { value: r.data }
      return { error: new RequestValidationError(httpPart ?? "request", r.error) }
    }
  })
  app.setSerializerCompiler(({ schema, url }) => {
    const zodSchema = schema as z.ZodType
    return (data) => {
      const r = zodSchema.safeParse(data)
      // A reply that breaks its own schema is our bug: log it and answer 500 rather than send it.
      if (!r.success) throw new Error(`reply of ${url} breaks its schema: ${z.prettifyError(r.error)}`)
      return JSON.stringify(r.data)
    }
  })
}

export class RequestValidationError extends Error {
  readonly statusCode = 400
  readonly issues: { path: string; message: string }[]
  constructor(part: string, err: z.ZodError) {
    const issues = err.issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message }))
    const first = issues[0]
    super(`invalid ${part}: ${first ? `${first.path ? `${first.path}: ` : ""}${first.message}` : "unknown error"}${issues.length > 1 ? ` (and ${issues.length - 1} more)` : ""}`)
    this.issues = issues.slice(0, 20)
    this.field = err.issues[0] ? err.issues[0].path.map((t) => `/${String(t).replace(/~/g, "~0").replace(/\//g, "~1")}`).join("") : ""
  }
  /** The first issue's path as a JSON pointer (`/mutations/0/fields/notes`), the same form as 400 `invalid`. */
  readonly field: string
}
