/**
 * Plasmo's bundler (@plasmohq/parcel-bundler), then one pass more: a lazily loaded chunk leaves out the modules that
 * every page loading it has already loaded (issue #10: the quote editor's chunk carried 1.08 MB of the side panel's
 * and the softphone tab's own modules, parsed again on the first New quote).
 *
 * Why Plasmo's bundler keeps them: its entry is the manifest, whose bundle group holds every page (HTML) and, one
 * level down, each page's script. When it works out what a lazy chunk can count on (`ancestorAssets`), it takes the
 * bundles of the group's entry and of its direct children only (the manifest and the HTML pages), not the page's
 * script two levels down, so a chunk imported from a page's script counts on nothing and copies every module it uses.
 *
 * Safe here because the build does not hoist scopes: every module keeps its id in the shared `parcelRequire`
 * registry, and a chunk asks that registry for a module it does not hold (the page's copy, already loaded: the page
 * is what imported the chunk). Only chunks loaded by `import()` in the same kind of context as all their importers.
 */
const { Bundler } = require("@parcel/plugin")

const plasmo = require("@plasmohq/parcel-bundler").default[Symbol.for("parcel-plugin-config")]

/** The bundles that load `bundle` with `import()`, or null if anything else loads it (an entry, a worker, a URL). */
function lazyParents(bundleGraph, bundle) {
  const main = bundle.getMainEntry()
  if (!main || bundle.type !== "js" || bundle.bundleBehavior != null || bundle.env.shouldScopeHoist) return null
  const deps = bundleGraph.getIncomingDependencies(main)
  if (deps.length === 0 || deps.some((d) => d.priority !== "lazy" || d.isEntry)) return null
  const parents = new Set()
  for (const group of bundleGraph.getBundleGroupsContainingBundle(bundle)) {
    for (const parent of bundleGraph.getParentBundlesOfBundleGroup(group)) parents.add(parent)
  }
  if (parents.size === 0) return null
  for (const p of parents) {
    if (p.type !== "js" || p.env.context !== bundle.env.context || p.env.shouldScopeHoist || p.bundleBehavior != null) return null
  }
  return [...parents]
}

function assetsOf(bundle) {
  const ids = new Set()
  bundle.traverseAssets((asset) => void ids.add(asset.id))
  return ids
}

/**
 * For each lazy chunk, the modules loaded whichever way it is reached: for each bundle importing it, that bundle's
 * own modules and (if it is a lazy chunk itself) what it could count on; intersected over the importers.
 */
function availableToLazyChunks(bundleGraph) {
  const bundles = bundleGraph.getBundles()
  const contents = new Map(bundles.map((b) => [b.id, assetsOf(b)]))
  const parentsOf = new Map()
  for (const b of bundles) {
    const parents = lazyParents(bundleGraph, b)
    if (parents) parentsOf.set(b.id, parents)
  }
  const available = new Map()
  const visiting = new Set()
  const availableTo = (bundle) => {
    if (available.has(bundle.id)) return available.get(bundle.id)
    const parents = parentsOf.get(bundle.id)
    if (!parents || visiting.has(bundle.id)) return new Set()
    visiting.add(bundle.id)
    let set = null
    for (const p of parents) {
      const fromParent = new Set([...contents.get(p.id), ...availableTo(p)])
      set = set === null ? fromParent : new Set([...set].filter((id) => fromParent.has(id)))
    }
    visiting.delete(bundle.id)
    available.set(bundle.id, set)
    return set
  }
  const result = []
  for (const b of bundles) if (parentsOf.has(b.id)) result.push([b, availableTo(b)])
  return result
}

function dedupeLazyChunks(bundleGraph) {
  for (const [bundle, available] of availableToLazyChunks(bundleGraph)) {
    const main = bundle.getMainEntry()
    const copies = []
    bundle.traverseAssets((asset) => {
      if (asset !== main && asset.id !== main.id && available.has(asset.id)) copies.push(asset)
    })
    for (const asset of copies) {
      if (bundle.hasAsset(asset)) bundleGraph.removeAssetGraphFromBundle(asset, bundle)
    }
    // A module the importers hold that imports the chunk's own entry back would take it along: never ship that.
    if (!bundle.hasAsset(main)) throw new Error(`lazy chunk ${main.filePath} lost its own module while leaving out its importers' ones`)
    if (process.env.COMPTOIR_BUNDLER_LOG) console.log(`lazy chunk ${main.filePath}: ${copies.length} modules its importers hold left out`)
  }
}

module.exports = new Bundler({
  loadConfig: plasmo.loadConfig,
  bundle(opts) {
    plasmo.bundle(opts)
    dedupeLazyChunks(opts.bundleGraph)
  },
  optimize: plasmo.optimize
})
