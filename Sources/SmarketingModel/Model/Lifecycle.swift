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

    private static func stop(_ item: inout AgendaItem, now: Timestamp) {
        item.actualSeconds = elapsedSeconds(item, now: now)
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
