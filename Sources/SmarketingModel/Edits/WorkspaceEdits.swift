/// The edit API: every change the dashboard or a command makes to a workspace goes through one of
/// these methods. Each works on a copy and keeps it only when it passes the rules the loader checks
/// (`WorkspaceValidator`), so an edit either leaves a workspace that loads or throws `EditError`
/// and changes nothing.
extension Workspace {
    /// Runs `body` on a copy and keeps the result only when the copy would load.
    @discardableResult
    mutating func edit<T>(_ body: (inout Workspace) throws(EditError) -> T) throws(EditError) -> T {
        var copy = self
        let result = try body(&copy)
        if let problem = WorkspaceValidator.problems(in: copy).first {
            throw EditError("that would make the file invalid (\(problem))")
        }
        self = copy
        return result
    }

    func currentIndex() throws(EditError) -> Int {
        guard let i = currentMeetingIndex else { throw EditError("there is no current meeting") }
        return i
    }

    static func gone(_ ref: ItemRef) -> EditError { EditError("the \(ref.noun) is gone (deleted or reloaded meanwhile)") }

    /// Whether the item exists (in the current meeting, for meeting items).
    public func contains(_ ref: ItemRef) -> Bool {
        guard let mi = currentMeetingIndex else { return false }
        switch ref {
        case .agenda(let id): return meetings[mi].agenda.contains { $0.id == id }
        case .friction(let id): return frictionPoints.contains { $0.id == id }
        case .action(let id): return meetings[mi].actionItems.contains { $0.id == id }
        case .decision(let id): return meetings[mi].decisions.contains { $0.id == id }
        case .suggestion(let c): return !meetings[mi].dismissedSuggestions.contains(c)
        }
    }

    // MARK: any item

    /// Deletes the item and returns its title (or a decision's text), for the message.
    public mutating func delete(_ ref: ItemRef) throws(EditError) -> String {
        try edit { (ws: inout Workspace) throws(EditError) -> String in
            let mi = try ws.currentIndex()
            switch ref {
            case .agenda(let id):
                guard let i = ws.meetings[mi].agenda.firstIndex(where: { $0.id == id }) else { throw Self.gone(ref) }
                return ws.meetings[mi].agenda.remove(at: i).title
            case .friction(let id):
                guard let i = ws.frictionPoints.firstIndex(where: { $0.id == id }) else { throw Self.gone(ref) }
                return ws.frictionPoints.remove(at: i).title
            case .action(let id):
                guard let i = ws.meetings[mi].actionItems.firstIndex(where: { $0.id == id }) else { throw Self.gone(ref) }
                return ws.meetings[mi].actionItems.remove(at: i).title
            case .decision(let id):
                guard let i = ws.meetings[mi].decisions.firstIndex(where: { $0.id == id }) else { throw Self.gone(ref) }
                return ws.meetings[mi].decisions.remove(at: i).text
            case .suggestion:
                throw EditError("a suggestion is not stored; X dismisses it for the week")
            }
        }
    }

    /// Moves the item one place up (`delta` < 0) or down within its list. A friction point moves
    /// among the points of its own stage that are shown (`includeResolved`); the stage changes only
    /// in its form. Returns false, changing nothing, when the item is already at that end.
    public mutating func move(_ ref: ItemRef, by delta: Int, includeResolved: Bool = true) throws(EditError) -> Bool {
        let step = delta < 0 ? -1 : 1
        return try edit { (ws: inout Workspace) throws(EditError) -> Bool in
            let mi = try ws.currentIndex()
            switch ref {
            case .agenda(let id): return try Self.swapNeighbour(id, step, in: &ws.meetings[mi].agenda, ref)
            case .action(let id): return try Self.swapNeighbour(id, step, in: &ws.meetings[mi].actionItems, ref)
            case .decision(let id): return try Self.swapNeighbour(id, step, in: &ws.meetings[mi].decisions, ref)
            case .friction(let id):
                guard let a = ws.frictionPoints.firstIndex(where: { $0.id == id }) else { throw Self.gone(ref) }
                let stage = ws.frictionPoints[a].stage
                var b = a + step
                while ws.frictionPoints.indices.contains(b) {
                    let other = ws.frictionPoints[b]
                    if other.stage == stage && (includeResolved || other.status != .resolved) {
                        ws.frictionPoints.swapAt(a, b)
                        return true
                    }
                    b += step
                }
                return false
            case .suggestion:
                return false
            }
        }
    }

    private static func swapNeighbour<T: Identifiable>(_ id: String, _ step: Int, in list: inout [T], _ ref: ItemRef) throws(EditError) -> Bool where T.ID == String {
        guard let a = list.firstIndex(where: { $0.id == id }) else { throw gone(ref) }
        guard list.indices.contains(a + step) else { return false }
        list.swapAt(a, a + step)
        return true
    }

    /// Steps the item's status: agenda pending → active → done → pending (through the meeting
    /// clock), friction open → mitigating → resolved → open (stamping `resolved`), an action item
    /// open ↔ done. Decisions and suggestions have no status.
    public mutating func cycleStatus(_ ref: ItemRef, now: Timestamp, today: CalendarDate) throws(EditError) {
        try edit { (ws: inout Workspace) throws(EditError) in
            let mi = try ws.currentIndex()
            switch ref {
            case .agenda(let id):
                guard let i = ws.meetings[mi].agenda.firstIndex(where: { $0.id == id }) else { throw Self.gone(ref) }
                MeetingClock.setStatus(ws.meetings[mi].agenda[i].status.next, of: i, in: &ws.meetings[mi], now: now)
            case .friction(let id):
                guard let i = ws.frictionPoints.firstIndex(where: { $0.id == id }) else { throw Self.gone(ref) }
                FrictionLifecycle.set(ws.frictionPoints[i].status.next, on: &ws.frictionPoints[i], today: today)
            case .action(let id):
                guard let i = ws.meetings[mi].actionItems.firstIndex(where: { $0.id == id }) else { throw Self.gone(ref) }
                ws.meetings[mi].actionItems[i].done.toggle()
            case .decision:
                throw EditError("decisions have no status; Enter edits one")
            case .suggestion:
                throw EditError("a suggestion has no status; A accepts it, X dismisses it")
            }
        }
    }

    /// The long text of an item: an agenda item's notes, a friction point's mitigation, a
    /// decision's text; nil gives the current meeting's notes.
    public func notes(of ref: ItemRef?) -> String? {
        guard let mi = currentMeetingIndex else { return nil }
        switch ref {
        case nil: return meetings[mi].notes
        case .agenda(let id)?: return meetings[mi].agenda.first { $0.id == id }?.notes
        case .friction(let id)?: return frictionPoints.first { $0.id == id }?.mitigation
        case .decision(let id)?: return meetings[mi].decisions.first { $0.id == id }?.text
        case .action?, .suggestion?: return nil
        }
    }

    /// Replaces the long text `notes(of:)` reads. Returns false when nothing changed.
    @discardableResult
    public mutating func setNotes(_ text: String, of ref: ItemRef?) throws(EditError) -> Bool {
        if let problem = ModelLimits.textProblem(text, limit: ModelLimits.longText) { throw EditError(problem, field: "notes") }
        guard notes(of: ref) != text else { return false }
        try edit { (ws: inout Workspace) throws(EditError) in
            let mi = try ws.currentIndex()
            switch ref {
            case nil:
                ws.meetings[mi].notes = text
            case .agenda(let id)?:
                guard let i = ws.meetings[mi].agenda.firstIndex(where: { $0.id == id }) else { throw Self.gone(.agenda(id)) }
                ws.meetings[mi].agenda[i].notes = text
            case .friction(let id)?:
                guard let i = ws.frictionPoints.firstIndex(where: { $0.id == id }) else { throw Self.gone(.friction(id)) }
                ws.frictionPoints[i].mitigation = text
            case .decision(let id)?:
                guard let i = ws.meetings[mi].decisions.firstIndex(where: { $0.id == id }) else { throw Self.gone(.decision(id)) }
                guard !text.trimmingSpaces.isEmpty else { throw EditError("a decision cannot be empty; d deletes it instead") }
                ws.meetings[mi].decisions[i].text = text
            case .action?, .suggestion?:
                throw EditError("an action item has no notes; Enter edits it")
            }
        }
        return true
    }
}
