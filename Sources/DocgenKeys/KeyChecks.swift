import DocgenDiagnostics

extension KeySamples {
    /// What `keys learn` warns about: a sample key that matches no field at all (a field the
    /// docs do not have), since learning can map every other key.
    public var unmatchedKeyWarnings: Diagnostics {
        var diagnostics = Diagnostics()
        for key in unmapped where key.field == nil {
            diagnostics.warning(.keysUnmatchedKey, "key '\(key.key)' at \(key.pointer) matches no field of \(key.model)", at: key.location)
        }
        return diagnostics
    }

    /// What `keys check` fails on: every sample key no field maps, which decoding would drop.
    public var unmappedKeyErrors: Diagnostics {
        var diagnostics = Diagnostics()
        for key in unmapped {
            if let field = key.field, let expected = key.expectedKey {
                diagnostics.error(.keysUnmapped, "key '\(key.key)' is not mapped: \(key.model).\(field) expects '\(expected)', so decoding drops it; run `docgen keys learn`",
                                  at: key.location)
            } else {
                diagnostics.error(.keysUnmapped, "key '\(key.key)' matches no field of \(key.model), so decoding drops it", at: key.location)
            }
        }
        return diagnostics
    }
}
