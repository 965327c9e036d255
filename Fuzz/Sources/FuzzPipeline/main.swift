import DocgenFuzzChecks

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    FuzzChecks.run("FuzzPipeline", Array(UnsafeBufferPointer(start: data, count: size))); return 0
}
