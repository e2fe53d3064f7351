using System.Net;
using System.Net.Http.Json;
using Journal.Domain.Schools;
using Journal.Web.Tests.Infrastructure;
using Shouldly;

namespace Journal.Web.Tests;

/// <summary>Two teachers saving the same cell at once: last write wins, and every write is in the history (LCK-3).</summary>
public sealed class ConcurrentSaveTests(JournalApp app)
{
    [Fact]
    public async Task Simultaneous_saves_of_one_cell_by_two_teachers_lose_nothing_without_a_trace()
    {
        await using var sql = await Sql.OpenAsync(app, await app.SchoolIdAsync("demo"));
        var today = SchoolClock.For(TimeProvider.System, "Asia/Yekaterinburg").Today;
        var substitute = await sql.ScalarAsync<Guid>(
            "SELECT m.id FROM memberships m JOIN users u ON u.id = m.user_id WHERE u.user_name = 'classteacher@demo'");
        var lesson = await sql.ScalarAsync<Guid>(
            """
            SELECT l.id FROM lessons l JOIN teaching_assignments a ON a.id = l.assignment_id JOIN classes c ON c.id = a.class_id
            JOIN memberships m ON m.id = a.teacher_id JOIN users u ON u.id = m.user_id JOIN subjects s ON s.id = a.subject_id
            WHERE u.user_name = 'teacher@demo' AND c.grade = 5 AND c.letter = 'Б' AND s.name = 'Математика'
              AND l.date BETWEEN @from AND @to
            ORDER BY l.date LIMIT 1
            """,
            ("from", today.AddDays(-8)), ("to", today.AddDays(-3)));
        var assignment = await sql.ScalarAsync<Guid>("SELECT assignment_id FROM lessons WHERE id = @l", ("l", lesson));
        var pupil = await sql.ScalarAsync<Guid>(
            """
            SELECT e.pupil_id FROM enrolments e JOIN lessons l ON l.id = @l JOIN teaching_assignments a ON a.id = l.assignment_id
            JOIN pupils p ON p.id = e.pupil_id
            WHERE e.class_id = a.class_id AND e.from_date <= l.date AND (e.to_date IS NULL OR e.to_date >= l.date)
            ORDER BY p.last_name DESC OFFSET 1 LIMIT 1
            """,
            ("l", lesson));
        // 5Б, not 5А: SubstitutionTests counts the lessons classteacher@demo substitutes in 5А maths.
        await sql.ScalarAsync<int>("UPDATE lessons SET substitute_teacher_id = @s WHERE id = @l", ("s", substitute), ("l", lesson));
        var before = await sql.ScalarAsync<long>(
            "SELECT count(*) FROM journal_changes WHERE lesson_id = @l AND pupil_id = @p", ("l", lesson), ("p", pupil));
        var writers = new[] { await WriterAsync("teacher@demo", assignment), await WriterAsync("classteacher@demo", assignment) };

        var saves = Enumerable.Range(0, 12).Select(i => SaveAsync(writers[i % 2], lesson, pupil, i % 3 == 0 ? "н" : (2 + (i % 4)).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var statuses = await Task.WhenAll(saves);

        statuses.ShouldAllBe(s => s == HttpStatusCode.OK);
        var history = await sql.ColumnAsync<string>(
            """
            SELECT target || ':' || coalesce(old_value, '') || '>' || coalesce(new_value, '') FROM journal_changes
            WHERE lesson_id = @l AND pupil_id = @p ORDER BY at, id
            """,
            ("l", lesson), ("p", pupil));
        history.Count.ShouldBeGreaterThan((int)before);
        // Replaying the history from the first row gives the cell as it stands: no write was lost untraced.
        // Rows before this test may start from a seeded value; from the first row on, each old value is the previous new one.
        var cell = new Dictionary<string, string?>();
        foreach (var row in history)
        {
            var (target, change) = (row[..row.IndexOf(':')], row[(row.IndexOf(':') + 1)..]);
            var (old, @new) = (change[..change.IndexOf('>')], change[(change.IndexOf('>') + 1)..]);
            if (cell.TryGetValue(target, out var previous))
            {
                old.ShouldBe(previous);
            }

            cell[target] = @new;
        }

        var mark = cell.GetValueOrDefault("Mark") ?? "";
        var absence = cell.GetValueOrDefault("Absence") ?? "";

        var stored = await sql.ScalarAsync<string>(
            """
            SELECT coalesce((SELECT m.value FROM marks m JOIN works w ON w.id = m.work_id WHERE w.lesson_id = @l AND m.pupil_id = @p LIMIT 1), '')
                   || '|' || coalesce((SELECT kind FROM absences WHERE lesson_id = @l AND pupil_id = @p), '')
            """,
            ("l", lesson), ("p", pupil));
        stored.ShouldBe($"{mark}|{(absence.Length == 0 ? "" : KindOf(absence))}");
    }

    private static string KindOf(string code) => code switch
    {
        "н" => "Absent",
        "б" => "Ill",
        "у" => "ValidReason",
        _ => "Late",
    };

    /// <summary>A signed-in teacher with the anti-forgery token of the journal page, as the grid sends it.</summary>
    private async Task<(HttpClient Client, string Token)> WriterAsync(string login, Guid assignment)
    {
        var client = await app.SignInAsync(login);
        return (client, await JournalApp.AntiforgeryTokenAsync(client, $"/s/demo/teacher/journal/{assignment}"));
    }

    private static async Task<HttpStatusCode> SaveAsync((HttpClient Client, string Token) writer, Guid lesson, Guid pupil, string value)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/s/demo/teacher/journal/cell")
        {
            Content = JsonContent.Create(new { operationId = Guid.NewGuid(), lessonId = lesson, pupilId = pupil, value }),
        };
        request.Headers.Add("X-CSRF-TOKEN", writer.Token);
        return (await writer.Client.SendAsync(request)).StatusCode;
    }
}
