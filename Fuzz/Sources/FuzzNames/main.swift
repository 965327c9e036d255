import DocgenFuzzChecks

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    if let violation = FuzzChecks.run("FuzzNames", Array(UnsafeBufferPointer(start: data, count: size))).first { fatalError(violation) }; return 0
}
