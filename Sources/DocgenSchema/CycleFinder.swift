/// Finds models that contain themselves by value (not through a list or map), which a writer
/// must box: Tarjan's strongly connected components, iteratively so no tree depth overflows.
enum CycleFinder {
    static func markCyclicFields(in schema: inout Schema) {
        let ids = schema.models.map(\.id)
        var position: [String: Int] = [:]
        for (i, id) in ids.enumerated() { position[id] = i }
        let edges: [[Int]] = schema.models.map { model in
            guard case .object(let object) = model.kind else {
                if case .union(let union) = model.kind {
                    return union.variants.flatMap(\.type.modelsStoredInline).compactMap { position[$0] }
                }
                return []
            }
            return object.fields.flatMap(\.type.modelsStoredInline).compactMap { position[$0] }
        }
        let component = components(edges)
        var sizes: [Int: Int] = [:]
        for c in component { sizes[c, default: 0] += 1 }
        for i in schema.models.indices {
            guard case .object(var object) = schema.models[i].kind else { continue }
            for f in object.fields.indices {
                let targets = object.fields[f].type.modelsStoredInline.compactMap { position[$0] }
                object.fields[f].cyclic = targets.contains { $0 == i || (component[$0] == component[i] && sizes[component[i]]! > 1) }
            }
            schema.models[i].kind = .object(object)
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
