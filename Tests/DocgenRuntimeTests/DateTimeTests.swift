import DocgenRuntime
import Foundation
import Testing

struct DateTimeTests {
    @Test(arguments: [
        ("2024-04-26T08:00:00Z", "2024-04-26T08:00:00Z"),
        ("2024-04-26T08:00:00.000Z", "2024-04-26T08:00:00Z"),
        ("2024-04-26T08:00:00.25Z", "2024-04-26T08:00:00.25Z"),
        ("2024-04-26T08:00:00.123456789Z", "2024-04-26T08:00:00.123456789Z"),
        ("2024-04-26T10:00:00+02:00", "2024-04-26T08:00:00Z"),
        ("2024-04-26T03:30:00-04:30", "2024-04-26T08:00:00Z"),
        ("2024-04-26t08:00:00z", "2024-04-26T08:00:00Z"),
        ("2024-04-26 08:00:00-00:00", "2024-04-26T08:00:00Z"),
        ("2024-03-01T00:30:00+01:00", "2024-02-29T23:30:00Z"),
        ("1969-12-31T23:59:59.5Z", "1969-12-31T23:59:59.5Z"),
    ])
    func acceptsRFC3339AndEncodesOneCanonicalForm(_ input: String, _ canonical: String) throws {
        let value = try #require(DateTime(rfc3339: input))
        #expect(value.rfc3339String == canonical)
    }

    @Test(arguments: ["2024-04-26", "2024-04-26T08:00:00", "2024-13-01T00:00:00Z", "2023-02-29T00:00:00Z",
                      "2024-04-26T24:00:00Z", "2024-04-26T08:00:00.Z", "2024-04-26T08:00:00+0200", "x"])
    func rejectsWhatIsNotADateTime(_ input: String) {
        #expect(DateTime(rfc3339: input) == nil)
    }

    @Test func agreesWithFoundation() throws {
        let value = try #require(DateTime(rfc3339: "2024-04-26T08:00:00Z"))
        #expect(value.date == Date(timeIntervalSince1970: 1_714_118_400))
        #expect(DateTime(value.date) == value)
    }

    @Test func decodesWithAPlainJSONDecoder() throws {
        let values = try JSONDecoder().decode([DateTime].self, from: Data(#"["2024-04-26T10:00:00.5+02:00"]"#.utf8))
        #expect(String(decoding: try JSONEncoder().encode(values), as: UTF8.self) == #"["2024-04-26T08:00:00.5Z"]"#)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([DateTime].self, from: Data(#"["tomorrow"]"#.utf8)) }
    }

    @Test func calendarDatesAreNotInstants() throws {
        let date = try #require(CalendarDate(iso8601: "2024-02-29"))
        #expect(date.year == 2024 && date.month == 2 && date.day == 29)
        #expect(date.iso8601String == "2024-02-29")
        #expect(CalendarDate(iso8601: "2023-02-29") == nil)
        #expect(CalendarDate(iso8601: "2024-02-29T00:00:00Z") == nil)
    }
}
