import GRDB
import Planning

/// The project file's schema as GRDB migrations. Shipped migrations are never edited; new ones
/// are appended and `supportedVersion` raised, so an older Gantry recognises a newer file.
package enum Schema {
    /// `PRAGMA application_id` of every Gantry project file ("GANT").
    static let applicationID: Int32 = 0x4741_4E54
    static let supportedVersion = 9

    static func table(for kind: EntityKind) -> String {
        switch kind {
        case .project: return "project"
        case .member: return "member"
        case .board: return "board"
        case .column: return "board_column"
        case .card: return "card"
        case .raid: return "raid_item"
        case .raidLink: return "raid_link"
        case .task: return "task"
        case .taskLink: return "task_link"
        case .holiday: return "holiday"
        case .baseline: return "baseline"
        case .taskCard: return "task_card"
        case .sprint: return "sprint"
        case .leave: return "leave"
        case .assignment: return "assignment"
        case .timeEntry: return "time_entry"
        case .fixedCost: return "fixed_cost"
        }
    }

    /// Refuses a file with migrations this Gantry does not know: a newer Gantry's (`vN`), or
    /// unreadable records, which mean the file is damaged.
    static func checkNotNewer(_ db: Database, path: String) throws {
        guard try db.tableExists("grdb_migrations") else { return }
        let known = Set(migrator.migrations)
        for id in try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations") where !known.contains(id) {
            guard id.first == "v", let n = Int(id.dropFirst().prefix { $0.isNumber }) else {
                throw StoreError.damaged(path: path, detail: "its schema history is unreadable")
            }
            throw StoreError.newerSchema(path: path, found: n, supported: supportedVersion)
        }
    }

    static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("v1") { db in
            try db.execute(sql: """
                CREATE TABLE project (id TEXT PRIMARY KEY, name TEXT NOT NULL, keyPrefix TEXT NOT NULL);
                CREATE TABLE member (id TEXT PRIMARY KEY, name TEXT NOT NULL, role TEXT NOT NULL DEFAULT '',
                    capacity REAL NOT NULL DEFAULT 1, costRate REAL);
                CREATE TABLE board (id TEXT PRIMARY KEY, name TEXT NOT NULL, position INTEGER NOT NULL);
                CREATE TABLE board_column (id TEXT PRIMARY KEY, boardID TEXT NOT NULL, name TEXT NOT NULL,
                    position INTEGER NOT NULL, wipLimit INTEGER, category TEXT NOT NULL);
                CREATE TABLE card (id TEXT PRIMARY KEY, key TEXT NOT NULL UNIQUE, number INTEGER NOT NULL,
                    boardID TEXT NOT NULL, columnID TEXT NOT NULL, rank REAL NOT NULL, title TEXT NOT NULL,
                    description TEXT NOT NULL DEFAULT '', type TEXT NOT NULL, priority TEXT NOT NULL, assignee TEXT,
                    labels TEXT NOT NULL DEFAULT '', estimate REAL, due TEXT, blockedReason TEXT, parentID TEXT,
                    enteredColumnAt REAL NOT NULL, createdAt REAL NOT NULL, archived INTEGER NOT NULL DEFAULT 0);
                CREATE INDEX card_column ON card(columnID, rank, number);
                CREATE TABLE sequence (name TEXT PRIMARY KEY, next INTEGER NOT NULL);
                CREATE TABLE journal (seq INTEGER PRIMARY KEY AUTOINCREMENT, at REAL NOT NULL, actor TEXT NOT NULL,
                    kind TEXT NOT NULL, summary TEXT NOT NULL, change TEXT NOT NULL, undoes INTEGER, undoneBy INTEGER);
                CREATE INDEX journal_actor ON journal(actor, seq);
                CREATE INDEX journal_at ON journal(at);
                CREATE TABLE journal_entity (entityID TEXT NOT NULL, seq INTEGER NOT NULL, PRIMARY KEY (entityID, seq)) WITHOUT ROWID;
                PRAGMA application_id = \(applicationID);
                PRAGMA user_version = 1;
                """)
        }
        m.registerMigration("v2") { db in
            try db.execute(sql: """
                ALTER TABLE project ADD COLUMN bandMedium INTEGER NOT NULL DEFAULT 5;
                ALTER TABLE project ADD COLUMN bandHigh INTEGER NOT NULL DEFAULT 10;
                ALTER TABLE project ADD COLUMN bandCritical INTEGER NOT NULL DEFAULT 20;
                CREATE TABLE raid_item (id TEXT PRIMARY KEY, key TEXT NOT NULL UNIQUE, number INTEGER NOT NULL,
                    type TEXT NOT NULL, title TEXT NOT NULL, description TEXT NOT NULL DEFAULT '', owner TEXT,
                    status TEXT NOT NULL, category TEXT NOT NULL DEFAULT '', cause TEXT NOT NULL DEFAULT '',
                    event TEXT NOT NULL DEFAULT '', effect TEXT NOT NULL DEFAULT '', probability INTEGER, impact INTEGER,
                    residualProbability INTEGER, residualImpact INTEGER, opportunity INTEGER NOT NULL DEFAULT 0, strategy TEXT,
                    actions TEXT NOT NULL DEFAULT '', trigger TEXT NOT NULL DEFAULT '', contingency TEXT NOT NULL DEFAULT '',
                    proximity TEXT, reviewDate TEXT, severity TEXT, due TEXT, resolution TEXT NOT NULL DEFAULT '',
                    dependsOn TEXT NOT NULL DEFAULT '', decidedBy TEXT, decidedOn TEXT, rationale TEXT NOT NULL DEFAULT '',
                    alternatives TEXT NOT NULL DEFAULT '', origin TEXT, createdAt REAL NOT NULL, closedAt REAL);
                CREATE TABLE raid_link (id TEXT PRIMARY KEY, itemID TEXT NOT NULL, targetID TEXT NOT NULL);
                CREATE INDEX raid_link_target ON raid_link(targetID);
                PRAGMA user_version = 2;
                """)
        }
        m.registerMigration("v3") { db in
            try db.execute(sql: """
                ALTER TABLE project ADD COLUMN startDate TEXT;
                ALTER TABLE project ADD COLUMN workdays INTEGER NOT NULL DEFAULT 31;
                CREATE TABLE task (id TEXT PRIMARY KEY, key TEXT NOT NULL UNIQUE, number INTEGER NOT NULL, name TEXT NOT NULL,
                    duration INTEGER NOT NULL, parentID TEXT, position INTEGER NOT NULL DEFAULT 0, assignees TEXT NOT NULL DEFAULT '',
                    progress INTEGER NOT NULL DEFAULT 0, startNoEarlier TEXT, deadline TEXT, actualStart TEXT, actualFinish TEXT,
                    createdAt REAL NOT NULL);
                CREATE TABLE task_link (id TEXT PRIMARY KEY, predID TEXT NOT NULL, succID TEXT NOT NULL, type TEXT NOT NULL,
                    lag INTEGER NOT NULL DEFAULT 0);
                CREATE TABLE holiday (id TEXT PRIMARY KEY, name TEXT NOT NULL DEFAULT '');
                CREATE TABLE baseline (id TEXT PRIMARY KEY, name TEXT NOT NULL, savedAt REAL NOT NULL, dates TEXT NOT NULL);
                CREATE TABLE task_card (id TEXT PRIMARY KEY, taskID TEXT NOT NULL, cardID TEXT NOT NULL);
                PRAGMA user_version = 3;
                """)
        }
        m.registerMigration("v4") { db in
            try db.execute(sql: """
                CREATE TABLE presence (session TEXT PRIMARY KEY, actor TEXT NOT NULL, host TEXT NOT NULL, pid INTEGER NOT NULL,
                    screen TEXT NOT NULL, since REAL NOT NULL, seen REAL NOT NULL, view TEXT NOT NULL DEFAULT '');
                CREATE TABLE standup (id INTEGER PRIMARY KEY AUTOINCREMENT, day TEXT NOT NULL, facilitator TEXT NOT NULL,
                    startedAt REAL NOT NULL, endedAt REAL NOT NULL, record TEXT NOT NULL);
                CREATE INDEX standup_day ON standup(day, endedAt);
                PRAGMA user_version = 4;
                """)
        }
        // The board's first frame reads epics and per-column counts; without these it scanned
        // every card for them.
        m.registerMigration("v5") { db in
            try db.execute(sql: """
                CREATE INDEX card_epic ON card(number) WHERE type = 'epic';
                CREATE INDEX card_active_column ON card(columnID) WHERE archived = 0;
                PRAGMA user_version = 5;
                """)
        }
        // Sprints, bug fields, and `card_flow`: each card's column, sprint and estimate after
        // every change that moved them, so flow charts read a compact table instead of decoding
        // the whole journal. Earlier journals are replayed into it here, once.
        m.registerMigration("v6") { db in
            try db.execute(sql: """
                CREATE TABLE sprint (id TEXT PRIMARY KEY, boardID TEXT NOT NULL, name TEXT NOT NULL, goal TEXT NOT NULL DEFAULT '',
                    start TEXT, "end" TEXT, state TEXT NOT NULL, startedAt REAL, closedAt REAL, createdAt REAL NOT NULL,
                    committedCards INTEGER, committedPoints REAL, addedCards INTEGER, addedPoints REAL, removedCards INTEGER,
                    removedPoints REAL, completedCards INTEGER, completedPoints REAL, carriedCards INTEGER, carriedPoints REAL);
                ALTER TABLE card ADD COLUMN sprintID TEXT;
                ALTER TABLE card ADD COLUMN severity TEXT;
                ALTER TABLE card ADD COLUMN foundIn TEXT;
                ALTER TABLE card ADD COLUMN fixedIn TEXT;
                CREATE INDEX card_sprint ON card(sprintID) WHERE sprintID IS NOT NULL;
                ALTER TABLE project ADD COLUMN bugAgeLimits TEXT NOT NULL DEFAULT '1,3,10,30';
                CREATE TABLE card_flow (seq INTEGER NOT NULL, at REAL NOT NULL, cardID TEXT NOT NULL, boardID TEXT,
                    columnID TEXT, sprintID TEXT, estimate REAL, archived INTEGER NOT NULL DEFAULT 0, deleted INTEGER NOT NULL DEFAULT 0);
                PRAGMA user_version = 6;
                """)
            try FlowRecorder.backfill(db)
        }
        // People's availability (personal working days, leave, rate per hour or day), effort on
        // tasks, hours on cards, logged time, fixed costs, and the project's working hours and currency.
        m.registerMigration("v7") { db in
            try db.execute(sql: """
                ALTER TABLE member ADD COLUMN workdays INTEGER NOT NULL DEFAULT 0;
                ALTER TABLE member ADD COLUMN rateUnit TEXT NOT NULL DEFAULT 'hour';
                ALTER TABLE project ADD COLUMN hoursPerDay REAL NOT NULL DEFAULT 8;
                ALTER TABLE project ADD COLUMN currency TEXT NOT NULL DEFAULT 'EUR';
                ALTER TABLE project ADD COLUMN budget REAL;
                ALTER TABLE task ADD COLUMN budget REAL;
                ALTER TABLE card ADD COLUMN hours REAL;
                CREATE TABLE leave (id TEXT PRIMARY KEY, member TEXT NOT NULL, start TEXT NOT NULL, "end" TEXT NOT NULL, note TEXT NOT NULL DEFAULT '');
                CREATE INDEX leave_member ON leave(member, start);
                CREATE TABLE assignment (id TEXT PRIMARY KEY, taskID TEXT NOT NULL, member TEXT NOT NULL, effortHours REAL, units REAL NOT NULL DEFAULT 1);
                CREATE INDEX assignment_member ON assignment(member);
                CREATE TABLE time_entry (id TEXT PRIMARY KEY, taskID TEXT NOT NULL, member TEXT NOT NULL, hours REAL NOT NULL, day TEXT NOT NULL);
                CREATE INDEX time_entry_task ON time_entry(taskID, day);
                CREATE TABLE fixed_cost (id TEXT PRIMARY KEY, taskID TEXT NOT NULL, name TEXT NOT NULL, amount REAL NOT NULL, incurredOn TEXT);
                PRAGMA user_version = 7;
                """)
        }
        // Where imported cards and tasks came from, so a second import updates them; the risk
        // appetite the status report holds open risks against.
        m.registerMigration("v8") { db in
            try db.execute(sql: """
                ALTER TABLE card ADD COLUMN externalID TEXT;
                ALTER TABLE task ADD COLUMN externalID TEXT;
                CREATE INDEX card_external ON card(externalID) WHERE externalID IS NOT NULL;
                CREATE INDEX task_external ON task(externalID) WHERE externalID IS NOT NULL;
                ALTER TABLE project ADD COLUMN riskAppetite INTEGER;
                PRAGMA user_version = 8;
                """)
        }
        // A filtered card list (`assignee:ana`) reads one person's active cards column by column
        // in board order instead of scanning every card of each column.
        m.registerMigration("v9") { db in
            try db.execute(sql: """
                CREATE INDEX card_assignee ON card(assignee, columnID, rank, number) WHERE archived = 0;
                PRAGMA user_version = 9;
                """)
        }
        return m
    }
}
