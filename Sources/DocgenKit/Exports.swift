// DocgenKit is the pipeline's front door: a client importing it gets the stages' types too.
@_exported import DocgenConfig
@_exported import DocgenDiagnostics
@_exported import DocgenDocs
@_exported import DocgenInput
@_exported import DocgenKeys
@_exported import DocgenOutput
@_exported import DocgenRender
