/// Status changes that carry bookkeeping with them, shared by every front end.
public enum MeetingClock {
    /// Sets an agenda item's status and keeps its timing right. An item that becomes active starts
    /// its clock (`startedAt = now`), and any other active item is marked done. An item that stops
    /// being active adds the seconds since it started to `actualSeconds`.
    public static func setStatus(_ status: AgendaStatus, of index: Int, in meeting: inout Meeting, now: Timestamp) {
        guard meeting.agenda.indices.contains(index) else { return }
        if status == .active {
            for other in meeting.agenda.indices where other != index && meeting.agenda[other].status == .active {
                stop(&meeting.agenda[other], now: now)
                meeting.agenda[other].status = .done
            }
            if meeting.agenda[index].status != .active { meeting.agenda[index].startedAt = now }
        } else if meeting.agenda[index].status == .active {
            stop(&meeting.agenda[index], now: now)
        }
        meeting.agenda[index].status = status
    }

    /// Seconds spent on an item so far, including the running stretch.
    public static func elapsedSeconds(_ item: AgendaItem, now: Timestamp) -> Int {
        guard let start = item.startedAt else { return item.actualSeconds }
        return item.actualSeconds + Int(max(0, now.secondsSinceEpoch - start.secondsSinceEpoch))
    }

    /// Starts the meeting: stamps `startedAt` and makes the first pending item active.
    /// Returns false when there is nothing to start.
    @discardableResult
    public static func start(_ meeting: inout Meeting, now: Timestamp) -> Bool {
        if meeting.startedAt == nil { meeting.startedAt = now }
        meeting.endedAt = nil
        if meeting.agenda.contains(where: { $0.status == .active }) { return true }
        guard let first = meeting.agenda.firstIndex(where: { $0.status == .pending }) else { return false }
        setStatus(.active, of: first, in: &meeting, now: now)
        return true
    }

    /// Marks the running item done and starts the next pending one after it (or the first pending
    /// one before it). Returns the index now active, or nil when the agenda is finished.
    @discardableResult
    public static func next(_ meeting: inout Meeting, now: Timestamp) -> Int? {
        if meeting.startedAt == nil { meeting.startedAt = now }
        let current = meeting.agenda.firstIndex { $0.status == .active }
        if let current { setStatus(.done, of: current, in: &meeting, now: now) }
        let after = (current ?? -1) + 1
        let candidates = Array(meeting.agenda.indices.dropFirst(after)) + Array(meeting.agenda.indices.prefix(after))
        guard let next = candidates.first(where: { meeting.agenda[$0].status == .pending }) else { return nil }
        setStatus(.active, of: next, in: &meeting, now: now)
        return next
    }

    /// Seconds since the meeting started (to its end, once closed); nil before it starts.
    public static func meetingElapsed(_ meeting: Meeting, now: Timestamp) -> Int? {
        guard let start = meeting.startedAt else { return nil }
        let end = meeting.endedAt ?? now
        return Int(max(0, end.secondsSinceEpoch - start.secondsSinceEpoch))
    }

    /// When the meeting will end if every remaining item takes its timebox: the running item's
    /// remaining time (at least zero) plus the pending items' timeboxes, from now.
    public static func projectedEnd(_ meeting: Meeting, now: Timestamp) -> Timestamp {
        var remaining = 0
        for item in meeting.agenda {
            switch item.status {
            case .pending: remaining += item.timeboxMinutes * 60
            case .active: remaining += max(0, item.timeboxMinutes * 60 - elapsedSeconds(item, now: now))
            case .done, .skipped: break
            }
        }
        return now.adding(seconds: Int64(remaining))
    }

    /// Ends the meeting: stops the running item (recording its time) and stamps `endedAt`, never
    /// before the start.
    public static func end(_ meeting: inout Meeting, now: Timestamp) {
        if let running = meeting.agenda.firstIndex(where: { $0.status == .active }) {
            setStatus(.done, of: running, in: &meeting, now: now)
        }
        if meeting.endedAt == nil { meeting.endedAt = meeting.startedAt.map { max($0, now) } ?? now }
    }

    /// The clock saturates at the model's limit, so a meeting left running for months still saves.
    private static func stop(_ item: inout AgendaItem, now: Timestamp) {
        item.actualSeconds = ModelLimits.saturate(elapsedSeconds(item, now: now), ModelLimits.actualSeconds)
        item.startedAt = nil
    }
}

public enum FrictionLifecycle {
    /// Sets a friction point's status: resolving stamps `resolved` with today, reopening clears it.
    public static func set(_ status: FrictionStatus, on point: inout FrictionPoint, today: CalendarDate) {
        point.status = status
        if status == .resolved {
            if point.resolved == nil { point.resolved = max(today, point.opened) }
        } else {
            point.resolved = nil
        }
    }
}
