import Testing
@testable import Planning

@Suite struct QueryTests {
    @Test func parsesFieldsOperatorsQuotesAndNegation() throws {
        let q = try Query(#"assignee:ana,ben label:"needs review" -is:blocked due<2026-12-20 priority>=high "login page" word"#)
        #expect(q.terms.count == 7)
        #expect(q.terms[0].field == "assignee" && q.terms[0].values == ["ana", "ben"])
        #expect(q.terms[1].values == ["needs review"])
        #expect(q.terms[2].negated && q.terms[2].field == "is")
        #expect(q.terms[3].op == .less && q.terms[3].values == ["2026-12-20"])
        #expect(q.terms[4].op == .greaterOrEqual)
        #expect(q.terms[5].field == nil && q.terms[5].values == ["login page"])
        #expect(q.terms[6].field == nil && q.terms[6].values == ["word"])
    }

    @Test func pointsAtAnUnclosedQuote() {
        #expect(throws: QueryError.self) { try Query(#"label:x "login"#) }
        do {
            _ = try Query(#"label:x "login"#)
        } catch let e as QueryError {
            #expect(e.offset == 8)
            #expect(e.description.contains("never closed"))
            #expect(e.description.hasSuffix("\n          ^"))
        } catch { Issue.record("unexpected \(error)") }
    }

    @Test func refusesAFieldWithoutValue() {
        do {
            _ = try Query("is:blocked assignee:")
            Issue.record("expected an error")
        } catch let e as QueryError {
            #expect(e.offset == 11)
            #expect(e.message.contains("needs a value"))
        } catch { Issue.record("unexpected \(error)") }
    }

    @Test func emptyQueryHasNoTerms() throws {
        #expect(try Query("   ").isEmpty)
    }
}
