import { dirname, isAbsolute, relative, resolve, sep } from "node:path"

/**
 * The layering rules (README "Layout"): which folders may not import which. `no-restricted-imports` matches
 * the import's text, so `../../db/x`, `../../../src/db`, `~src/db` and `~/src/db` each needed their own
 * pattern and a new depth slipped through. This rule resolves every specifier to a path in the repository
 * first (relative at any depth, the `~` alias for the repository root) and compares folders.
 *
 * Options: `[{ root, zones: [{ target: ["src/domain"], from: ["src/db"], packages: ["dexie"], message }] }]`,
 * folders relative to `root`. `packages` are bare module names (a name also bans its subpaths: `react`
 * bans `react/jsx-runtime`; `react-*` any package starting with `react-`).
 */
const rule = {
  meta: {
    type: "problem",
    schema: [{ type: "object", additionalProperties: true }],
    messages: { forbidden: "{{message}} (`{{specifier}}` is in {{zone}})" }
  },
  create(context) {
    const { root, zones } = context.options[0]
    const file = context.physicalFilename ?? context.filename
    const fromFile = toRepoPath(root, file)
    if (fromFile === null) return {}
    const active = zones.filter((z) => z.target.some((t) => inside(fromFile, t)))
    if (active.length === 0) return {}

    function check(node, source) {
      if (!source || typeof source.value !== "string") return
      const spec = source.value
      const target = resolveSpecifier(root, file, spec)
      for (const zone of active) {
        const hitFolder = target !== null && (zone.from ?? []).find((f) => inside(target, f))
        const hitPackage = target === null && (zone.packages ?? []).find((p) => matchesPackage(spec, p))
        if (hitFolder || hitPackage) {
          context.report({ node, messageId: "forbidden", data: { message: zone.message, specifier: spec, zone: hitFolder || hitPackage } })
          return
        }
      }
    }

    return {
      ImportDeclaration: (node) => check(node, node.source),
      ExportNamedDeclaration: (node) => check(node, node.source),
      ExportAllDeclaration: (node) => check(node, node.source),
      ImportExpression: (node) => check(node, node.source),
      TSImportEqualsDeclaration: (node) => check(node, node.moduleReference?.expression),
      CallExpression: (node) => {
        if (node.callee.type === "Identifier" && node.callee.name === "require") check(node, node.arguments[0])
      }
    }
  }
}

/** The repository-relative path (with `/`) an import points at, or null for a package. */
function resolveSpecifier(root, file, spec) {
  if (spec.startsWith("~")) return toRepoPath(root, resolve(root, spec.slice(1).replace(/^\//, "")))
  if (spec.startsWith(".") || isAbsolute(spec)) return toRepoPath(root, resolve(dirname(file), spec))
  return null
}

function toRepoPath(root, absolute) {
  const rel = relative(root, absolute)
  if (rel.startsWith("..") || isAbsolute(rel)) return null
  return rel.split(sep).join("/")
}

/** Whether a repository path is the folder (or file stem) or inside it. */
function inside(path, folder) {
  return path === folder || path.startsWith(`${folder}/`) || path.startsWith(`${folder}.`)
}

function matchesPackage(spec, pattern) {
  if (pattern.endsWith("*")) return spec.startsWith(pattern.slice(0, -1))
  return spec === pattern || spec.startsWith(`${pattern}/`)
}

export default { rules: { "import-zones": rule } }
