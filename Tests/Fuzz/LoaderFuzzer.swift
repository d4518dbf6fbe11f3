// libFuzzer entry point for the workspace loader. It is compiled together with the model's
// sources (see FuzzTests.libFuzzerOnTheLoader): every input must either load, and then survive
// a save and load unchanged, or be refused with a WorkspaceError. Anything else is a crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func loaderFuzzerTestOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    do {
        let workspace = try MeetingStore.decode(bytes, path: "fuzz.json")
        let again = try MeetingStore.decode(MeetingStore.encode(workspace), path: "fuzz.json")
        if again != workspace { fatalError("a workspace changed on save and load") }
    } catch {
        if error.lines.isEmpty { fatalError("an error without a message") }
    }
    return 0
}
