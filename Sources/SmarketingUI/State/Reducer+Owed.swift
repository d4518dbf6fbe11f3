import SmarketingModel

/// "Who owes what": the current meeting's open action items (carried ones included) grouped by
/// owner, the owners with overdue items first; the room asks for it at the start of every meeting.
public enum OwedList {
    public struct Group: Equatable, Sendable {
        public var owner: String
        /// Indices into the meeting's action items, most overdue first, then by due date.
        public var items: [Int]
    }

    public static func groups(_ meeting: Meeting, today: CalendarDate) -> [Group] {
        let open = meeting.actionItems.indices.filter { !meeting.actionItems[$0].done }
        func lateness(_ i: Int) -> Int { meeting.actionItems[i].due.map { today.days(since: $0) } ?? Int.min }
        var byOwner: [String: [Int]] = [:]
        for i in open {
            let owner = meeting.actionItems[i].owner.trimmingSpaces
            byOwner[owner.isEmpty ? "No owner" : owner, default: []].append(i)
        }
        let groups = byOwner.map { owner, items in
            Group(owner: owner, items: items.sorted { (lateness($0), -$0) > (lateness($1), -$1) })
        }
        return groups.sorted { a, b in
            let la = lateness(a.items[0]), lb = lateness(b.items[0])
            if (la > 0) != (lb > 0) { return la > 0 }
            return a.owner.localizedStandardCompare(b.owner) == .orderedAscending
        }
    }

    /// The items in display order.
    public static func items(_ meeting: Meeting, today: CalendarDate) -> [Int] { groups(meeting, today: today).flatMap(\.items) }
}

extension Reducer {
    static func owedKey(_ key: Key, selected: Int, _ state: inout AppState) -> [Effect] {
        guard let meeting = state.meeting else {
            state.mode = .normal
            return []
        }
        let items = OwedList.items(meeting, today: state.today)
        switch KeyMap.owed(key) {
        case .down?: state.mode = .owed(selected: min(max(0, items.count - 1), selected + 1))
        case .up?: state.mode = .owed(selected: max(0, selected - 1))
        case .close?: state.mode = .normal
        case .markDone?:
            guard items.indices.contains(selected) else { return [] }
            let item = meeting.actionItems[items[selected]]
            let (now, today) = (state.now, state.today)
            guard let (_, effects) = edit(&state, label: "mark done", { (ws, _) throws(EditError) in
                try ws.cycleStatus(.action(item.id), now: now, today: today)
            }) else { return [] }
            let left = state.meeting.map { OwedList.items($0, today: today).count } ?? 0
            state.mode = .owed(selected: min(selected, max(0, left - 1)))
            state.banner = Banner("Done: \(item.title) (\(item.owner)). u undoes it after closing this list.", expires: state.now.adding(seconds: 5))
            return effects
        case nil:
            break
        }
        return []
    }
}
