import Foundation

/// Saves in the background, off the input path: one write at a time, always of the newest
/// version, so a burst of edits costs one or two writes and a keystroke never waits for the disk.
public final class CoalescingSaver: @unchecked Sendable {
    /// The outcome of saving one generation of the workspace.
    public enum Outcome: Sendable {
        /// Saved; `keptAside` names conflict copies of versions another program wrote at the same
        /// moment (see `MeetingStore.save`).
        case saved(keptAside: [String])
        case changedOnDisk
        case failed(WorkspaceError)
    }

    /// `generation` counts scheduled versions; an outcome for an older generation than the newest
    /// scheduled one is superseded by a save already queued.
    public typealias Completion = @Sendable (_ generation: Int, _ outcome: Outcome) -> Void

    private let store: MeetingStore
    private let queue = DispatchQueue(label: "smarketing.save")
    private let lock = NSLock()
    private let idle = NSCondition()
    private var pending: (workspace: Workspace, generation: Int)?
    private var busy = false
    private var generation = 0
    private let completion: Completion

    public init(store: MeetingStore, completion: @escaping Completion) {
        self.store = store
        self.completion = completion
    }

    /// Queues `workspace` to be saved; returns its generation at once.
    @discardableResult
    public func schedule(_ workspace: Workspace) -> Int {
        lock.lock()
        generation += 1
        let g = generation
        pending = (workspace, g)
        let start = !busy
        busy = true
        lock.unlock()
        if start { queue.async { self.drain() } }
        return g
    }

    /// The newest generation scheduled so far.
    public var latestGeneration: Int { lock.withLock { generation } }

    private func drain() {
        while true {
            lock.lock()
            guard let job = pending else {
                busy = false
                lock.unlock()
                idle.lock()
                idle.broadcast()
                idle.unlock()
                return
            }
            pending = nil
            lock.unlock()
            let outcome: Outcome
            do {
                outcome = .saved(keptAside: try store.save(job.workspace).keptAside)
            } catch .changedOnDisk {
                outcome = .changedOnDisk
            } catch {
                outcome = .failed(error)
            }
            completion(job.generation, outcome)
        }
    }

    /// Waits until every scheduled save has finished (on quit, and before a stop signal exits).
    public func flush() {
        idle.lock()
        while lock.withLock({ busy }) { idle.wait() }
        idle.unlock()
    }
}
