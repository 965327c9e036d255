#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// A small HTTP/1.1 server on 127.0.0.1, on an ephemeral port, on a thread of its own, over
/// POSIX sockets: each connection carries one request, which the server records exactly as it
/// read it (request line, headers in order, body bytes) before it answers with the next of
/// the test's scripted replies and closes the connection (`Connection: close`).
///
/// Recording happens before the first byte of the answer is written (or the connection is
/// closed), so once a client call has returned or thrown, `requests` holds what it sent: no
/// sleeps are needed to synchronise. `stop()` wakes the thread, joins it and closes every
/// socket, so nothing outlives a test. Only Foundation and libc: `Scripts/client-http-ahc`
/// compiles this same file into its scratch package.
final class HTTPTestServer: @unchecked Sendable {
    /// A request as the server read it off the socket.
    struct Request: Sendable, CustomStringConvertible {
        var method: String
        /// The request target as on the request line: the path and its query, still percent-encoded.
        var target: String
        var version: String
        /// Header fields in the order they came, names as spelled on the wire.
        var headers: [Header]
        /// The body's bytes (a chunked body decoded), empty when there was none.
        var body: [UInt8]

        struct Header: Sendable, Equatable {
            var name: String
            var value: String
        }

        var requestLine: String { "\(method) \(target) \(version)" }
        var path: String { String(target.prefix { $0 != "?" }) }
        var query: String? { target.firstIndex(of: "?").map { String(target[target.index(after: $0)...]) } }

        /// The values of every field so named (names compare case-insensitively).
        func values(_ name: String) -> [String] {
            headers.filter { $0.name.lowercased() == name.lowercased() }.map(\.value)
        }

        /// The value of the only field so named; nil when there is none, or more than one.
        func header(_ name: String) -> String? {
            let found = values(name)
            return found.count == 1 ? found[0] : nil
        }

        var description: String {
            ([requestLine] + headers.map { "\($0.name): \($0.value)" }).joined(separator: "\n") + "\n\n"
                + String(decoding: body, as: UTF8.self)
        }
    }

    /// What the server does with one request.
    struct Reply: Sendable {
        enum Kind: Sendable {
            case respond(status: Int, headers: [Request.Header], body: [UInt8], chunkSize: Int?)
            /// Reads the whole request, then closes the connection without a byte of answer.
            case closeWithoutAnswer
        }

        var kind: Kind
        /// For a chunked body: send the first chunk, then wait for `releaseHeldBody()` before
        /// the rest (proves a transport streams: its caller sees the first bytes first).
        var holdAfterFirstChunk = false

        static func respond(_ status: Int, contentType: String?, body: [UInt8], headers: [(String, String)] = [],
                            chunkSize: Int? = nil, holdAfterFirstChunk: Bool = false) -> Reply {
            var fields = headers.map { Request.Header(name: $0.0, value: $0.1) }
            if let contentType { fields.insert(Request.Header(name: "Content-Type", value: contentType), at: 0) }
            return Reply(kind: .respond(status: status, headers: fields, body: body, chunkSize: chunkSize),
                         holdAfterFirstChunk: holdAfterFirstChunk)
        }

        static func json(_ status: Int, _ text: String, headers: [(String, String)] = []) -> Reply {
            respond(status, contentType: "application/json", body: Array(text.utf8), headers: headers)
        }

        static let closeWithoutAnswer = Reply(kind: .closeWithoutAnswer)
    }

    enum Failure: Error, CustomStringConvertible {
        case system(String, Int32)
        var description: String {
            switch self {
            case .system(let call, let code): "\(call): \(String(cString: strerror(code)))"
            }
        }
    }

    /// The port the server listens on (chosen by the kernel).
    let port: Int
    var baseURL: URL { URL(string: "http://127.0.0.1:\(port)")! }

    private let listener: Int32
    /// The thread sleeps in poll() on this pipe's read end as well as its sockets; a byte
    /// written to it by `stop()` wakes it at once.
    private let wake: (read: Int32, write: Int32)
    #if canImport(Glibc)
    private var thread = pthread_t()
    #else
    private var thread: pthread_t?
    #endif
    private let state = NSCondition()
    private var recorded: [Request] = []
    private var pending: [Reply]
    private var stopped = false
    private var released = false
    private var serverErrors: [String] = []
    /// How long the server waits for a slow client (or a held body's release) before giving up.
    private let patience: Int32 = 30_000

    init(replies: [Reply]) throws {
        pending = replies
        #if canImport(Glibc)
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let fd = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { throw Failure.system("socket", errno) }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(fd, 16) == 0 else { let code = errno; close(fd); throw Failure.system("bind/listen", code) }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let named = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        guard named == 0 else { let code = errno; close(fd); throw Failure.system("getsockname", code) }
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else { let code = errno; close(fd); throw Failure.system("pipe", code) }
        listener = fd
        wake = (ends[0], ends[1])
        port = Int(UInt16(bigEndian: address.sin_port))

        let context = Unmanaged.passRetained(self).toOpaque()
        let created = pthread_create(&thread, nil, { context in
            let server = Unmanaged<HTTPTestServer>.fromOpaque(context!).takeRetainedValue()
            server.serve()
            return nil
        }, context)
        guard created == 0 else {
            Unmanaged<HTTPTestServer>.fromOpaque(context).release()
            close(fd); close(ends[0]); close(ends[1])
            throw Failure.system("pthread_create", created)
        }
    }

    deinit {
        // The thread holds a reference while it runs, so a server still referenced only by its
        // thread cannot get here; this is for one that was stopped.
        closeSockets()
    }

    /// Every request received so far, in order.
    var requests: [Request] { state.withLock { recorded } }

    /// Problems the server itself met (a request it could not parse, more requests than replies).
    var errors: [String] { state.withLock { serverErrors } }

    /// Lets a reply with `holdAfterFirstChunk` send the rest of its body.
    func releaseHeldBody() {
        state.withLock { released = true; state.broadcast() }
    }

    /// Waits until `count` requests have been recorded, for at most `timeout` seconds.
    @discardableResult
    func waitForRequests(_ count: Int, timeout: TimeInterval = 30) -> Bool {
        let deadline = Date(timeIntervalSinceNow: timeout)
        return state.withLock {
            while recorded.count < count {
                if !state.wait(until: deadline) { return recorded.count >= count }
            }
            return true
        }
    }

    /// Stops the thread and closes the port; waits for the thread to end. Idempotent.
    func stop() {
        let first = state.withLock {
            defer { stopped = true; state.broadcast() }
            return !stopped
        }
        guard first else { return }
        var byte: UInt8 = 1
        _ = write(wake.write, &byte, 1)
        #if canImport(Glibc)
        pthread_join(thread, nil)
        #else
        pthread_join(thread!, nil)
        #endif
        closeSockets()
    }

    private var closed = false
    private func closeSockets() {
        let first = state.withLock { defer { closed = true }; return !closed }
        guard first else { return }
        close(listener)
        close(wake.read)
        close(wake.write)
    }

    // MARK: The server's thread

    private var isStopped: Bool { state.withLock { stopped } }

    private func note(_ problem: String) {
        state.withLock { serverErrors.append(problem) }
    }

    /// poll() on `fd` and the wake pipe: true when `fd` is ready, false on stop or timeout.
    private func ready(_ fd: Int32, for events: Int16 = Int16(POLLIN), timeout: Int32) -> Bool {
        var fds = [pollfd(fd: fd, events: events, revents: 0), pollfd(fd: wake.read, events: Int16(POLLIN), revents: 0)]
        while true {
            let result = poll(&fds, 2, timeout)
            if result < 0 && errno == EINTR { continue }
            if result <= 0 || fds[1].revents != 0 { return false }
            return fds[0].revents != 0
        }
    }

    private func serve() {
        while !isStopped {
            guard ready(listener, timeout: -1) else { continue }
            let connection = accept(listener, nil, nil)
            guard connection >= 0 else { continue }
            handle(connection)
            close(connection)
        }
    }

    private func handle(_ connection: Int32) {
        var buffer: [UInt8] = []
        guard let head = readHead(connection, into: &buffer) else { return }
        guard var request = parse(head) else { note("unparsable request head: \(String(decoding: head, as: UTF8.self))"); return }
        if request.header("Expect")?.lowercased() == "100-continue" {
            guard transmit(connection, Array("HTTP/1.1 100 Continue\r\n\r\n".utf8)) else { return }
        }
        if request.values("Transfer-Encoding").contains(where: { $0.lowercased().contains("chunked") }) {
            guard let body = readChunkedBody(connection, buffer: &buffer) else { note("unreadable chunked body"); return }
            request.body = body
        } else if let length = request.header("Content-Length").flatMap({ Int($0) }) {
            guard fill(connection, &buffer, to: length) else { note("body shorter than Content-Length \(length)"); return }
            request.body = Array(buffer.prefix(length))
        }
        let (reply, number): (Reply?, Int) = state.withLock {
            recorded.append(request)
            state.broadcast()
            return (pending.isEmpty ? nil : pending.removeFirst(), recorded.count)
        }
        guard let reply else {
            note("no reply scripted for request \(number): \(request.requestLine)")
            respond(connection, .json(500, #"{"error":"no reply scripted"}"#))
            return
        }
        respond(connection, reply)
    }

    private func respond(_ connection: Int32, _ reply: Reply) {
        guard case .respond(let status, let headers, let body, let chunkSize) = reply.kind else {
            shutdown(connection, Int32(SHUT_RDWR))
            return
        }
        var head = "HTTP/1.1 \(status) \(Self.reason(status))\r\n"
        for field in headers { head += "\(field.name): \(field.value)\r\n" }
        head += chunkSize == nil ? "Content-Length: \(body.count)\r\n" : "Transfer-Encoding: chunked\r\n"
        head += "Connection: close\r\n\r\n"
        guard transmit(connection, Array(head.utf8)) else { return }
        guard let chunkSize else {
            _ = transmit(connection, body)
            return
        }
        var offset = 0
        while offset < body.count {
            let chunk = body[offset..<min(offset + chunkSize, body.count)]
            guard transmit(connection, Array((String(chunk.count, radix: 16) + "\r\n").utf8) + chunk + [13, 10]) else { return }
            if offset == 0 && reply.holdAfterFirstChunk && !awaitRelease() {
                note("held body never released")
                return
            }
            offset += chunk.count
        }
        _ = transmit(connection, Array("0\r\n\r\n".utf8))
    }

    private func awaitRelease() -> Bool {
        let deadline = Date(timeIntervalSinceNow: TimeInterval(patience) / 1000)
        return state.withLock {
            while !released && !stopped {
                if !state.wait(until: deadline) { break }
            }
            return released
        }
    }

    /// Reads until the blank line that ends the head; returns the head, leaves the rest in `buffer`.
    private func readHead(_ connection: Int32, into buffer: inout [UInt8]) -> [UInt8]? {
        let end: [UInt8] = [13, 10, 13, 10]
        while true {
            if let range = firstRange(of: end, in: buffer) {
                let head = Array(buffer[..<range.lowerBound])
                buffer.removeFirst(range.upperBound)
                return head
            }
            guard buffer.count < 1 << 20, receive(connection, into: &buffer) else { return nil }
        }
    }

    private func readChunkedBody(_ connection: Int32, buffer: inout [UInt8]) -> [UInt8]? {
        var body: [UInt8] = []
        while true {
            while firstRange(of: [13, 10], in: buffer) == nil {
                guard receive(connection, into: &buffer) else { return nil }
            }
            let line = firstRange(of: [13, 10], in: buffer)!
            let sizeText = String(decoding: buffer[..<line.lowerBound], as: UTF8.self).split(separator: ";").first ?? ""
            guard let size = Int(sizeText.trimmingCharacters(in: .whitespaces), radix: 16) else { return nil }
            buffer.removeFirst(line.upperBound)
            if size == 0 {
                // Trailer fields, if any, then a blank line.
                while true {
                    guard let end = firstRange(of: [13, 10], in: buffer) else {
                        guard receive(connection, into: &buffer) else { return nil }
                        continue
                    }
                    buffer.removeFirst(end.upperBound)
                    if end.lowerBound == 0 { return body }
                }
            }
            guard fill(connection, &buffer, to: size + 2) else { return nil }
            body += buffer[..<size]
            buffer.removeFirst(size + 2)
        }
    }

    private func fill(_ connection: Int32, _ buffer: inout [UInt8], to count: Int) -> Bool {
        while buffer.count < count {
            guard receive(connection, into: &buffer) else { return false }
        }
        return true
    }

    /// One read(); false at end of stream, on error, on stop or after `patience`.
    private func receive(_ connection: Int32, into buffer: inout [UInt8]) -> Bool {
        guard ready(connection, timeout: patience) else { return false }
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        let count = recv(connection, &chunk, chunk.count, 0)
        guard count > 0 else { return false }
        buffer += chunk[..<count]
        return true
    }

    private func transmit(_ connection: Int32, _ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            guard ready(connection, for: Int16(POLLOUT), timeout: patience) else { return false }
            #if canImport(Glibc)
            let flags = Int32(MSG_NOSIGNAL)  // a client that hung up must not SIGPIPE the test process
            #else
            let flags: Int32 = 0
            #endif
            let sent = bytes[offset...].withUnsafeBytes { send(connection, $0.baseAddress, $0.count, flags) }
            if sent < 0 && errno == EINTR { continue }
            guard sent > 0 else { return false }
            offset += sent
        }
        return true
    }

    private func parse(_ head: [UInt8]) -> Request? {
        let lines = String(decoding: head, as: UTF8.self).components(separatedBy: "\r\n")
        let parts = lines[0].split(separator: " ", omittingEmptySubsequences: false)
        guard parts.count == 3 else { return nil }
        var headers: [Request.Header] = []
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { return nil }
            headers.append(Request.Header(name: String(line[..<colon]),
                                          value: line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)))
        }
        return Request(method: String(parts[0]), target: String(parts[1]), version: String(parts[2]), headers: headers, body: [])
    }

    private func firstRange(of needle: [UInt8], in haystack: [UInt8]) -> Range<Int>? {
        guard haystack.count >= needle.count else { return nil }
        for start in 0...(haystack.count - needle.count) where haystack[start] == needle[0] {
            if haystack[start..<start + needle.count].elementsEqual(needle) { return start..<start + needle.count }
        }
        return nil
    }

    private static func reason(_ status: Int) -> String {
        switch status {
        case 200: "OK"
        case 201: "Created"
        case 204: "No Content"
        case 400: "Bad Request"
        case 404: "Not Found"
        case 418: "I'm a teapot"
        case 500: "Internal Server Error"
        default: "Status"
        }
    }
}
