import DocgenDiagnostics

/// Finds models that contain themselves by value (not through a list or map), which a writer
/// must box: Tarjan's strongly connected components, iteratively so no tree depth overflows.
/// Recursion is decided here once, in the IR, for every writer: a field that closes a cycle is
/// `cyclic` (boxed), and a union still on a cycle once those fields are boxed is `recursive`.
public enum CycleFinder {
    public static func markCycles(in schema: inout Schema) {
        var position: [String: Int] = [:]
        position.reserveCapacity(schema.models.count)
        for (i, model) in schema.models.enumerated() { position[model.id] = i }
        // Per model, per field: the models the field stores inline (objects); for a union, one
        // list of its variants' models.
        let targets: [[[Int]]] = schema.models.concurrentMap { [position] model in
            switch model.kind {
            case .object(let object): object.fields.map { $0.type.modelsStoredInline.compactMap { position[$0] } }
            case .union(let union): [union.variants.flatMap(\.type.modelsStoredInline).compactMap { position[$0] }]
            case .enumeration: []
            }
        }
        let component = components(targets.map { $0.flatMap { $0 } })
        var sizes: [Int: Int] = [:]
        for c in component { sizes[c, default: 0] += 1 }
        for i in schema.models.indices {
            guard case .object(let object) = schema.models[i].kind else { continue }
            let cyclic = targets[i].map { fieldTargets in
                fieldTargets.contains { $0 == i || (component[$0] == component[i] && sizes[component[i]]! > 1) }
            }
            // Most models are in no cycle: leave them alone rather than copy their fields.
            guard cyclic.indices.contains(where: { cyclic[$0] != object.fields[$0].cyclic }) else { continue }
            var marked = object
            for f in marked.fields.indices { marked.fields[f].cyclic = cyclic[f] }
            schema.models[i].kind = .object(marked)
        }
        markRecursiveUnions(in: &schema, targets: targets)
    }

    /// With cyclic fields boxed, what is left of a cycle runs through unions alone (an edge
    /// inside a component from an object is a cyclic field): those unions are `recursive`.
    private static func markRecursiveUnions(in schema: inout Schema, targets: [[[Int]]]) {
        // The usual tree has no union that refers to a union: nothing to compute.
        let unionEdges: [[Int]] = schema.models.indices.map { i in
            guard case .union = schema.models[i].kind else { return [] }
            return targets[i][0].filter { if case .union = schema.models[$0].kind { true } else { false } }
        }
        guard unionEdges.contains(where: { !$0.isEmpty }) else { return }
        let component = components(unionEdges)
        var sizes: [Int: Int] = [:]
        for c in component { sizes[c, default: 0] += 1 }
        for i in schema.models.indices {
            guard case .union(var union) = schema.models[i].kind else { continue }
            let recursive = unionEdges[i].contains(i) || sizes[component[i]]! > 1
            guard recursive != union.recursive else { continue }
            union.recursive = recursive
            schema.models[i].kind = .union(union)
        }
    }

    /// Tarjan's algorithm with an explicit stack; returns a component number per node.
    static func components(_ edges: [[Int]]) -> [Int] {
        let n = edges.count
        var index = Array(repeating: -1, count: n)
        var low = Array(repeating: 0, count: n)
        var onStack = Array(repeating: false, count: n)
        var component = Array(repeating: -1, count: n)
        var stack: [Int] = []
        var counter = 0
        var componentCount = 0
        for root in 0..<n where index[root] == -1 {
            var work: [(node: Int, edge: Int)] = [(root, 0)]
            index[root] = counter; low[root] = counter; counter += 1
            stack.append(root); onStack[root] = true
            while let (node, edge) = work.last {
                if edge < edges[node].count {
                    work[work.count - 1].edge += 1
                    let next = edges[node][edge]
                    if index[next] == -1 {
                        index[next] = counter; low[next] = counter; counter += 1
                        stack.append(next); onStack[next] = true
                        work.append((next, 0))
                    } else if onStack[next] {
                        low[node] = min(low[node], index[next])
                    }
                    continue
                }
                work.removeLast()
                if let parent = work.last { low[parent.node] = min(low[parent.node], low[node]) }
                if low[node] == index[node] {
                    while let member = stack.popLast() {
                        onStack[member] = false
                        component[member] = componentCount
                        if member == node { break }
                    }
                    componentCount += 1
                }
            }
        }
        return component
    }
}

extension TypeRef {
    /// Ids of the models a value of this type stores by value: through optionals, nullables
    /// and unions, but not lists or maps (which store elements out of line).
    public var modelsStoredInline: [String] {
        switch self {
        case .ref(let id): [id]
        case .nullable(let inner): inner.modelsStoredInline
        case .union(let members): members.flatMap(\.modelsStoredInline)
        default: []
        }
    }
}
